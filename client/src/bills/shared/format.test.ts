import { formatAge, formatDate, formatPeriod, payServiceId } from './format';

describe('bills format', () => {
  it('names a month and a date as residents write them', () => {
    expect(formatPeriod('2026-02')).toBe('2026年2月');
    expect(formatDate('2026-03-15')).toBe('2026年3月15日');
    expect(formatPeriod('garbage')).toBe('garbage');
  });

  it('says how old department data is in words', () => {
    expect(formatAge(3)).toBe('刚刚');
    expect(formatAge(40)).toBe('40 秒前');
    expect(formatAge(180)).toBe('3 分钟前');
    expect(formatAge(7200)).toBe('2 小时前');
    expect(formatAge(90000)).toBe('1 天前');
    expect(formatAge(Number.NaN)).toBe('刚刚');
  });

  it('names the pay service of each utility', () => {
    expect(payServiceId('gas')).toBe('bills.gas.pay');
  });
});
