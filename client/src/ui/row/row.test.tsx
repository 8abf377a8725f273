import { render } from '@testing-library/react';
import { Row } from './index';

describe('Row', () => {
  it('shows its label and value, the value toned when asked', () => {
    const { container } = render(<Row label='罚款' value='¥200.00' tone='money' className='bm-row--total' />);
    const row = container.querySelector('.bm-row')!;
    expect(row.className).toContain('bm-row--total');
    expect(row.querySelector('.bm-row__label')!.textContent).toBe('罚款');
    const value = row.querySelector('.bm-row__value')!;
    expect(value.textContent).toBe('¥200.00');
    expect(value.className).toContain('bm-row__value--money');
  });

  it('is a heading line alone when it has no value (the text follows below it)', () => {
    const { container } = render(<Row label='违反条款' />);
    expect(container.querySelector('.bm-row__label')!.textContent).toBe('违反条款');
    expect(container.querySelector('.bm-row__value')).toBeNull();
  });

  it('shows a zero or an empty string as a value (only a missing value drops it)', () => {
    const { container } = render(<Row label='记分' value={0} />);
    expect(container.querySelector('.bm-row__value')!.textContent).toBe('0');
  });
});

describe('Row with a token value', () => {
  it('marks the row so that the value (an order number) wraps whole under its label, never inside', () => {
    const { container } = render(<Row label='订单号' value='BM20260310120000ABCDEFGH' token className='x' />);
    const row = container.querySelector('.bm-row')!;
    expect(row.className.split(' ')).toEqual(expect.arrayContaining(['bm-row--token', 'x']));
  });

  it('leaves an ordinary row unmarked', () => {
    const { container } = render(<Row label='户号' value='******6789' />);
    expect(container.querySelector('.bm-row')!.className).not.toContain('bm-row--token');
  });
});
