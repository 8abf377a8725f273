import { fireEvent, render, screen } from '@testing-library/react';
import { StateView } from './index';

describe('StateView', () => {
  it('shows a loading placeholder that says what is loading', () => {
    render(<StateView kind='loading' label='正在加载缴费记录…' />);
    expect(screen.getByRole('status', { name: '正在加载缴费记录…' })).toBeTruthy();
  });

  it('shows an empty state with its one next step', () => {
    const onAdd = jest.fn();
    render(<StateView kind='empty' icon='户' title='还没有绑定户号' text='绑定后可随时查看账单' action={<button onClick={onAdd}>添加户号</button>} />);
    expect(screen.getByText('还没有绑定户号')).toBeTruthy();
    fireEvent.click(screen.getByText('添加户号'));
    expect(onAdd).toHaveBeenCalled();
  });

  it('says since when the data shown is when a refresh failed', () => {
    const onRetry = jest.fn();
    const { container } = render(<StateView kind='stale' prefix='bm-bills-orders' since='09:30' message='网络较慢' retrying={false} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('刷新失败，下面是 09:30 的结果');
    expect(container.querySelector('.bm-error-card--inline')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('falls back to "the last result" when it cannot say since when', () => {
    render(<StateView kind='stale' prefix='bm-x' since={null} message='超时' retrying={false} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('下面是上次的结果');
  });

  it('shows a full error card when there is nothing else to show', () => {
    const { container } = render(<StateView kind='error' prefix='bm-messages' title='消息暂时打不开' message='系统繁忙' retrying={false} onRetry={() => undefined} />);
    expect(container.querySelector('.bm-messages-error:not(.bm-error-card--inline)')).not.toBeNull();
  });

  it('says why a service is closed as a status', () => {
    render(<StateView kind='closed' title='电费缴纳暂停中' message='将于 00:30 恢复' />);
    expect(screen.getByRole('status').textContent).toContain('将于 00:30 恢复');
  });
});
