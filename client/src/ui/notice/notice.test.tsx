import { render, screen } from '@testing-library/react';
import { Notice } from './index';

describe('Notice', () => {
  it('is read out as an alert when something failed and as a status otherwise', () => {
    const { rerender } = render(<Notice tone='error' title='没有绑定成功'>户号不存在</Notice>);
    expect(screen.getByRole('alert').textContent).toContain('没有绑定成功');
    expect(screen.getByRole('alert').textContent).toContain('户号不存在');
    rerender(<Notice tone='closed' title='电费缴纳暂停中' />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('电费缴纳暂停中');
  });

  it('marks its tone with a shape as well as a colour, hidden from screen readers', () => {
    const { container } = render(<Notice tone='stale' title='缴费单位暂时连不上' />);
    const mark = container.querySelector('.bm-notice__mark');
    expect(mark?.textContent).toBe('!');
    expect(mark?.getAttribute('aria-hidden')).toBe('true');
    expect(container.querySelector('.bm-notice--stale')).not.toBeNull();
  });
});
