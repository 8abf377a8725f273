import { fireEvent, render } from '@testing-library/react';
import { LinkRow } from '.';

describe('LinkRow', () => {
  it('is named by its visible label (and detail), reads as a link and opens on a tap', () => {
    const onPress = jest.fn();
    const { container } = render(<LinkRow label='我的订单' detail='共 2 件' onPress={onPress} />);
    const row = container.querySelector('.bm-link-row')!;
    expect(row.getAttribute('aria-label')).toBe('我的订单，共 2 件');
    expect(row.getAttribute('role')).toBe('link');
    fireEvent.click(row);
    expect(onPress).toHaveBeenCalledTimes(1);
  });
});
