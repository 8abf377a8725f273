import { fireEvent, render, screen } from '@testing-library/react';
import { ErrorCard } from './index';

describe('ErrorCard', () => {
  it('says what failed as an alert and retries on 重试', () => {
    const onRetry = jest.fn();
    const { container } = render(<ErrorCard prefix='bm-hub' inline={false} title='服务列表暂时打不开' message='网络连接不上' retrying={false} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('网络连接不上');
    expect(container.querySelector('.bm-hub-error')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('takes no second retry while one is running, and says it is retrying', () => {
    const onRetry = jest.fn();
    const { container } = render(<ErrorCard prefix='bm-messages' inline title='刷新失败' message='超时' retrying onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: '正在重试' }));
    expect(onRetry).not.toHaveBeenCalled();
    expect(container.querySelector('.bm-error-card--inline.bm-messages-error')).not.toBeNull();
  });
});
