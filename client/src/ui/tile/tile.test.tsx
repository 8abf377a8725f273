import { fireEvent, render, screen } from '@testing-library/react';
import { Tile } from './index';

describe('Tile', () => {
  it('is one button named by name, department and status, opened by tap or keyboard', () => {
    const onPress = jest.fn();
    const { container } = render(
      <Tile glyph='电' tone='power' title='电费' subtitle='国网市供电公司' status={<span>可查询 · 缴费 00:30 恢复</span>} label='电费，国网市供电公司，可查询，缴费 00:30 恢复' onPress={onPress} data={{ 'data-service-id': 'bills.electricity.pay' }} />,
    );
    const tile = screen.getByRole('button', { name: '电费，国网市供电公司，可查询，缴费 00:30 恢复' });
    expect(tile.getAttribute('data-service-id')).toBe('bills.electricity.pay');
    expect(tile.textContent).toContain('可查询 · 缴费 00:30 恢复');
    fireEvent.click(tile);
    fireEvent.keyDown(tile, { key: 'Enter' });
    expect(onPress).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.bm-glyph')?.getAttribute('aria-hidden')).toBe('true');
  });
});
