import type { AccessLogEntry, InsuranceView, MonthRecord } from '@bianmin/core';
import { accessSource, dataUpToText, earlierWindow, formatYearsMonths, groupByYear, insuranceStanding, minutesUntil, monthLabel, monthRuns, yearNote, yearSummary } from './format';

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
      { month: '2025-03', status: 'backpaid', base: 236_000, employer: 0, personal: 47_200, employerName: '个人补缴（灵活就业）', payer: 'self', paidOn: '2025-08-12' },
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
    // 灵活就业: the person paid it all; no 单位 money is named.
    expect(monthLabel({ month: '2025-03', status: 'backpaid', base: 236_000, employer: 0, personal: 56_640, payer: 'self', paidOn: '2025-08-12' })).toBe(
      '2025年3月，补缴，缴费基数 ¥2,360.00，个人缴 ¥566.40，灵活就业，全部由个人缴纳，2025年8月12日补缴',
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

  it('says arrears and gaps in the summary before anything reads 参保缴费, and a retiree’s kept cover as such', () => {
    const base: InsuranceView = { type: 'unemployment', name: '失业保险', status: 'active', statusName: '参保缴费', startMonth: '2019-03', owedMonths: [], gapMonths: [] };
    expect(insuranceStanding(base)).toEqual({ label: '参保缴费', tone: 'ok', icon: '✓', detail: '2019年3月起' });
    expect(insuranceStanding({ ...base, owedMonths: ['2026-01'], gapMonths: ['2025-01', '2025-02', '2025-03'] })).toEqual({
      label: '欠缴 1 个月',
      tone: 'danger',
      icon: '!',
      detail: '2019年3月起，欠缴 2026年1月，断缴 2025年1月至2025年3月',
    });
    expect(insuranceStanding({ ...base, gapMonths: ['2025-01'] })).toMatchObject({ label: '断缴 1 个月', tone: 'warn' });
    expect(insuranceStanding({ ...base, type: 'medical', statusName: '参保，退休后不再缴费', startMonth: '1990-03', contributionsEndMonth: '2008-09' })).toMatchObject({
      label: '参保，退休后不再缴费',
      detail: '1990年3月起，缴至2008年9月',
    });
    expect(monthRuns(['2025-03', '2025-01', '2025-02', '2025-06'])).toBe('2025年1月至2025年3月、2025年6月');
  });

  it('says why a year has fewer than 12 months, so a partial year never reads as a missing month', () => {
    const r = { startMonth: '2012-07', dataUpTo: '2026-01' };
    expect(yearNote('2012', r)).toBe('7 月起参保');
    expect(yearNote('2026', r)).toBe('数据更新至 1 月');
    expect(yearNote('2025', r)).toBe('');
    expect(yearNote('2008', { startMonth: '1990-03', contributionsEndMonth: '2008-09', dataUpTo: '2026-01' })).toBe('9 月后不再缴费');
  });

  it('reaches the years before the ones shown, whole years at a time, never before the first contribution', () => {
    expect(earlierWindow('2024-01', '2012-07')).toEqual({ from: '2021-01', to: '2023-12' });
    expect(earlierWindow('2015-01', '2012-07')).toEqual({ from: '2012-07', to: '2014-12' });
    expect(earlierWindow('2012-07', '2012-07')).toBeNull();
    // A retiree's contributions ended in 2008-09: the years before it, not the empty ones after.
    expect(earlierWindow('2024-01', '1990-03', '2008-09')).toEqual({ from: '2006-01', to: '2008-09' });
  });
});
