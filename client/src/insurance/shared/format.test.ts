import type { AccessLogEntry, MonthRecord } from '@bianmin/core';
import { accessSource, dataUpToText, formatYearsMonths, groupByYear, minutesUntil, monthLabel, yearSummary } from './format';

const paid = (month: string, personal = 800, employer = 1600): MonthRecord => ({ month, status: 'paid', base: 10_000, employer, personal, employerName: '甲公司', paidOn: `${month}-15` });
const gap = (month: string): MonthRecord => ({ month, status: 'gap' });

describe('insurance format', () => {
  it('says up to which month the bureau has posted', () => {
    expect(dataUpToText('2026-09')).toBe('数据更新至 2026年9月');
  });

  it('counts contribution months in years and months', () => {
    expect(formatYearsMonths(163)).toBe('13 年 7 个月');
    expect(formatYearsMonths(24)).toBe('2 年');
    expect(formatYearsMonths(5)).toBe('5 个月');
    expect(formatYearsMonths(0)).toBe('0 个月');
    expect(formatYearsMonths(-3)).toBe('0 个月');
  });

  it('groups months by year, newest first, and totals only what was paid or back-paid', () => {
    const months: MonthRecord[] = [
      paid('2026-01'),
      { month: '2025-12', status: 'unpaid' },
      paid('2025-04'),
      { month: '2025-03', status: 'backpaid', base: 236_000, employer: 0, personal: 47_200, employerName: '个人补缴（灵活就业）', paidOn: '2025-08-12' },
      gap('2025-02'),
      gap('2025-01'),
      paid('2024-12'),
    ];
    // Out of order on purpose: the grouping does not trust the order it is given.
    const groups = groupByYear([...months].reverse());
    expect(groups.map((g) => g.year)).toEqual(['2026', '2025', '2024']);
    expect(groups[1]!.months.map((m) => m.month)).toEqual(['2025-12', '2025-04', '2025-03', '2025-02', '2025-01']);
    expect(groups[1]!.totals).toEqual({ employer: 1600, personal: 800 + 47_200, paidMonths: 2, gapMonths: 2, unpaidMonths: 1 });
    expect(yearSummary(groups[1]!.totals)).toBe('已缴 2 个月 · 个人 ¥480.00 · 单位 ¥16.00 · 欠缴 1 个月 · 断缴 2 个月');
    expect(yearSummary(groups[0]!.totals)).toBe('已缴 1 个月 · 个人 ¥8.00 · 单位 ¥16.00');
    // The years' personal parts add up to the total over all months that count.
    const all = months.filter((m) => m.status === 'paid' || m.status === 'backpaid').reduce((n, m) => n + (m.personal ?? 0), 0);
    expect(groups.reduce((n, g) => n + g.totals.personal, 0)).toBe(all);
    expect(groupByYear([])).toEqual([]);
  });

  it('says a month in words for screen readers, a gap as a gap', () => {
    expect(monthLabel(gap('2025-02'))).toBe('2025年2月，断缴，这个月没有缴费记录');
    expect(monthLabel(paid('2026-01'))).toBe('2026年1月，已缴，缴费基数 ¥100.00，单位缴 ¥16.00，个人缴 ¥8.00');
    expect(monthLabel({ month: '2025-03', status: 'backpaid', base: 236_000, employer: 0, personal: 47_200, paidOn: '2025-08-12' })).toBe(
      '2025年3月，补缴，缴费基数 ¥2,360.00，单位缴 ¥0.00，个人缴 ¥472.00，2025年8月12日补缴',
    );
    expect(monthLabel({ month: '2026-01', status: 'unpaid' })).toBe('2026年1月，欠缴');
  });

  it('names where a read came from', () => {
    const e: AccessLogEntry = { at: '2026-03-10T12:00:00+08:00', action: 'summary', description: '查看参保概况', verificationId: '0b6f7c1e-1111-4222-8333-944445555666', thisAccount: true };
    expect(accessSource(e)).toBe('本微信号 · 认证 0b6f7c1e');
    expect(accessSource({ ...e, thisAccount: false })).toBe('其他微信号 · 认证 0b6f7c1e');
  });

  it('counts whole minutes left, never below zero', () => {
    const now = new Date('2026-03-10T04:00:00Z');
    expect(minutesUntil('2026-03-10T12:30:00+08:00', now)).toBe(30);
    expect(minutesUntil('2026-03-10T12:00:30+08:00', now)).toBe(1);
    expect(minutesUntil('2026-03-10T11:00:00+08:00', now)).toBe(0);
    expect(minutesUntil('garbage', now)).toBe(0);
  });
});
