import { daysBetween, divRoundHalfUp, fenToYuan, formatFen, parseYuan, utilityLateFee } from './money';

describe('money in fen', () => {
  it('parses yuan strings exactly, including the 69.6 that floats get wrong', () => {
    expect(parseYuan('69.6')).toBe(6960);
    expect(parseYuan('69.60')).toBe(6960);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1200')).toBe(120000);
    expect(Math.trunc(69.6 * 100)).toBe(6959); // why we never multiply floats
  });

  it.each(['', '-1', '1.234', '1e3', 'abc', '1,000', ' 1.2.3'])('rejects %p', (s) => {
    expect(parseYuan(s)).toBeNull();
  });

  it('formats fen as yuan with two decimals', () => {
    expect(fenToYuan(5)).toBe('0.05');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(8436392)).toBe('¥84,363.92');
    expect(formatFen(99999)).toBe('¥999.99');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(123456789012)).toBe('¥1,234,567,890.12');
    expect(formatFen(-150000)).toBe('¥-1,500.00');
  });

  it('rounds half up', () => {
    expect(divRoundHalfUp(15, 10)).toBe(2);
    expect(divRoundHalfUp(14, 10)).toBe(1);
    expect(divRoundHalfUp(25, 10)).toBe(3);
  });

  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });
});

describe('the residential utility late fee', () => {
  it('is nothing on or before the due date', () => {
    expect(utilityLateFee(20000, '2026-03-15', '2026-03-15')).toEqual({ lateFee: 0, overdueDays: 0 });
    expect(utilityLateFee(20000, '2026-03-15', '2026-03-01')).toEqual({ lateFee: 0, overdueDays: 0 });
  });

  it('is 0.1% of the overdue amount a day', () => {
    // 200.00 yuan, 10 days: 200 × 0.001 × 10 = 2.00 yuan
    expect(utilityLateFee(20000, '2026-03-15', '2026-03-25')).toEqual({ lateFee: 200, overdueDays: 10 });
  });

  it('rounds once, half up, on the whole period rather than per day', () => {
    // 123.45 yuan × 0.001 = 12.345 fen a day; 3 days = 37.035 fen → 37 (per-day rounding would give 36)
    expect(utilityLateFee(12345, '2026-03-15', '2026-03-18').lateFee).toBe(37);
    // 0.15 yuan... 15 fen × 1 day = 0.015 fen → 0; × 34 days = 0.51 → 1
    expect(utilityLateFee(15, '2026-01-01', '2026-02-04').lateFee).toBe(1);
  });
});
