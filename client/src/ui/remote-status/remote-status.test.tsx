import { fireEvent, render, screen } from '@testing-library/react';
import { RemoteStatus } from './index';
import type { RemoteLike } from './types';

const remote = (over: Partial<RemoteLike>): RemoteLike => ({ data: null, error: null, loading: false, asOf: null, reload: jest.fn(), ...over });
const props = { prefix: 'bm-bills-orders', errorTitle: '缴费记录暂时打不开', loading: { label: '正在加载缴费记录…' } };

describe('RemoteStatus', () => {
  it('shows the placeholder until the first answer', () => {
    render(<RemoteStatus remote={remote({ loading: true })} {...props} />);
    expect(screen.getByRole('status', { name: '正在加载缴费记录…' })).toBeTruthy();
  });

  it('says the first load failed, with a retry', () => {
    const r = remote({ error: { message: '网络连接不上' } });
    const { container } = render(<RemoteStatus remote={r} {...props} />);
    expect(screen.getByRole('alert').textContent).toContain('缴费记录暂时打不开');
    expect(container.querySelector('.bm-bills-orders-error:not(.bm-error-card--inline)')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(r.reload).toHaveBeenCalled();
  });

  it('keeps quiet over fresh data, and says since when the data is when a refresh failed', () => {
    const { container, rerender } = render(<RemoteStatus remote={remote({ data: [1], asOf: '2026-03-10T09:30:00+08:00' })} {...props} />);
    expect(container.textContent).toBe('');
    rerender(<RemoteStatus remote={remote({ data: [1], asOf: '2026-03-10T09:30:00+08:00', error: { message: '超时' } })} {...props} />);
    expect(screen.getByRole('alert').textContent).toContain('刷新失败，下面是 09:30 的结果');
  });
});
