import { render, screen } from '@testing-library/react';
import { Skeleton } from './index';

describe('Skeleton', () => {
  it('says what is loading and hides its placeholder shapes from screen readers', () => {
    const { container } = render(<Skeleton label='正在加载户号…' count={3} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-label')).toBe('正在加载户号…');
    expect(status.textContent).toBe('正在加载户号…');
    const groups = container.querySelectorAll('.bm-skeleton__group');
    expect(groups).toHaveLength(3);
    groups.forEach((g) => expect(g.getAttribute('aria-hidden')).toBe('true'));
  });

  it('draws a grid of tiles for the hub', () => {
    const { container } = render(<Skeleton label='正在加载服务…' shape='tiles' count={1} />);
    expect(container.querySelectorAll('.bm-skeleton__bar--tile')).toHaveLength(4);
  });
});
