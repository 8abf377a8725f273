import type { AccessLogEntry, InsuranceStatus, MonthRecord, MonthStatus } from '@bianmin/core';
import { formatDate, formatFen, formatMonth } from '@bianmin/core/format';
import { parseInstant } from '@bianmin/core/time';



/** Contribution months as a resident counts them: 163 → '13年7个月', 24 → '2年', 5 → '5个月', 0 → '0个月'. */
export function formatYearsMonths(totalMonths: number): string {
  const n = Math.max(0, Math.floor(totalMonths));
  const years = Math.floor(n / 12);
  const months = n % 12;
  if (years === 0) return `${months} 个月`;
  return months === 0 ? `${years} 年` : `${years} 年 ${months} 个月`;
}

/** '数据更新至 2026年9月': the last month the bureau has posted. */
export function dataUpToText(dataUpTo: string): string {
  return `数据更新至 ${formatMonth(dataUpTo)}`;
}

export type Tone = 'ok' | 'warn' | 'muted' | 'danger' | 'gap';

/** An insurance's enrolment status: words, a glyph of its own (never colour alone) and a tone. */
export const INSURANCE_STATUS_LOOK: Record<InsuranceStatus, { icon: string; tone: Tone }> = {
  active: { icon: '✓', tone: 'ok' },
  suspended: { icon: '‖', tone: 'warn' },
  terminated: { icon: '■', tone: 'muted' },
};

/** A month's record: its words, glyph and tone. A gap reads as a gap, not as a zero. */
export const MONTH_LOOK: Record<MonthStatus, { label: string; icon: string; tone: Tone }> = {
  paid: { label: '已缴', icon: '✓', tone: 'ok' },
  backpaid: { label: '补缴', icon: '↺', tone: 'warn' },
  unpaid: { label: '欠缴', icon: '!', tone: 'danger' },
  gap: { label: '断缴', icon: '—', tone: 'gap' },
};

export interface YearGroup {
  year: string;
  /** Newest first, as the server sends them. */
  months: MonthRecord[];
  /** Paid and back-paid months only (what was actually contributed), fen. */
  totals: { employer: number; personal: number; paidMonths: number; gapMonths: number; unpaidMonths: number };
}

const counted = (m: MonthRecord) => m.status === 'paid' || m.status === 'backpaid';

/**
 * Months grouped by calendar year, newest year first, each with its totals. Only paid and
 * back-paid months count towards the amounts — the bureau's totals count the same — so the
 * years' personal parts add up to the bureau's total.
 */
export function groupByYear(months: MonthRecord[]): YearGroup[] {
  const groups: YearGroup[] = [];
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  for (const m of sorted) {
    const year = m.month.slice(0, 4);
    let g = groups[groups.length - 1];
    if (!g || g.year !== year) {
      g = { year, months: [], totals: { employer: 0, personal: 0, paidMonths: 0, gapMonths: 0, unpaidMonths: 0 } };
      groups.push(g);
    }
    g.months.push(m);
    if (counted(m)) {
      g.totals.employer += m.employer ?? 0;
      g.totals.personal += m.personal ?? 0;
      g.totals.paidMonths += 1;
    } else if (m.status === 'gap') g.totals.gapMonths += 1;
    else g.totals.unpaidMonths += 1;
  }
  return groups;
}

/** A year's totals in one line: '已缴 9 个月 · 个人 ¥1800.00 · 单位 ¥3600.00 · 断缴 3 个月'. */
export function yearSummary(t: YearGroup['totals']): string {
  const parts = [`已缴 ${t.paidMonths} 个月`, `个人 ${formatFen(t.personal)}`, `单位 ${formatFen(t.employer)}`];
  if (t.unpaidMonths > 0) parts.push(`欠缴 ${t.unpaidMonths} 个月`);
  if (t.gapMonths > 0) parts.push(`断缴 ${t.gapMonths} 个月`);
  return parts.join(' · ');
}

/** What a screen reader says for one month: the words a sighted resident reads across the row. */
export function monthLabel(m: MonthRecord): string {
  const head = `${formatMonth(m.month)}，${MONTH_LOOK[m.status].label}`;
  if (m.status === 'gap') return `${head}，这个月没有缴费记录`;
  const amounts = m.base !== undefined ? `，缴费基数 ${formatFen(m.base)}，单位缴 ${formatFen(m.employer ?? 0)}，个人缴 ${formatFen(m.personal ?? 0)}` : '';
  const paid = m.status === 'backpaid' && m.paidOn ? `，${formatDate(m.paidOn)}补缴` : '';
  return `${head}${amounts}${paid}`;
}

/** An access-log entry's source in words. */
export function accessSource(e: AccessLogEntry): string {
  return `${e.thisAccount ? '本微信号' : '其他微信号'} · 认证 ${e.verificationId.slice(0, 8)}`;
}

/** Whole minutes from `now` until `iso` (0 once past). */
export function minutesUntil(iso: string, now: Date): number {
  const at = parseInstant(iso);
  if (!at) return 0;
  return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}
