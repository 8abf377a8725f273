import { formatAge, formatClock, formatDate, formatDateTime, formatFen, formatMonth, formatMonthRange, formatRecent } from './format';

// The suite runs with TZ=UTC: every answer below is Shanghai time all the same.
describe('one way to write money, months, dates and times', () => {
  it('groups money by thousands', () => {
    expect(formatFen(8436392)).toBe('¥84,363.92');
    expect(formatFen(1490880)).toBe('¥14,908.80');
    expect(formatFen(40000)).toBe('¥400.00');
  });

  it('writes months and dates as residents write them, and leaves anything else as given', () => {
    expect(formatMonth('2026-02')).toBe('2026年2月');
    expect(formatMonth('2026-12')).toBe('2026年12月');
    expect(formatMonth('garbage')).toBe('garbage');
    expect(formatMonthRange('2023-02', '2026-01')).toBe('2023年2月至2026年1月');
    expect(formatMonthRange('2026-01', '2026-01')).toBe('2026年1月');
    expect(formatDate('2026-03-25')).toBe('2026年3月25日');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('26-3-25')).toBe('26-3-25');
  });

  it('puts an instant on the Shanghai calendar and clock, whatever its offset', () => {
    expect(formatDateTime('2026-03-10T04:05:00Z')).toBe('2026年3月10日 12:05');
    expect(formatDateTime('2026-03-10T23:59:00+08:00')).toBe('2026年3月10日 23:59');
    // 16:30 UTC on the 10th is 00:30 on the 11th in Shanghai.
    expect(formatDateTime('2026-03-10T16:30:00.000Z')).toBe('2026年3月11日 00:30');
    expect(formatDate('2026-03-10T16:30:00Z')).toBe('2026年3月11日');
    expect(formatClock('2026-03-10T16:30:00Z')).toBe('00:30');
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime(null)).toBe('');
  });

  it('says today and yesterday in the message centre, the full date before that', () => {
    const now = new Date('2026-03-11T01:00:00+08:00');
    expect(formatRecent('2026-03-11T00:31:00+08:00', now)).toBe('今天 00:31');
    expect(formatRecent('2026-03-10T21:05:00+08:00', now)).toBe('昨天 21:05');
    expect(formatRecent('2026-03-08T09:00:00+08:00', now)).toBe('2026年3月8日 09:00');
    expect(formatRecent('2025-12-01T09:00:00+08:00', now)).toBe('2025年12月1日 09:00');
  });

  it('says how old data is in words', () => {
    expect(formatAge(3)).toBe('刚刚');
    expect(formatAge(40)).toBe('40 秒前');
    expect(formatAge(180)).toBe('3 分钟前');
    expect(formatAge(7200)).toBe('2 小时前');
    expect(formatAge(90000)).toBe('1 天前');
    expect(formatAge(Number.NaN)).toBe('刚刚');
  });
});
