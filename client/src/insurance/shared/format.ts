import type { AccessLogEntry, InsuranceStatus, InsuranceView, MonthRecord, MonthStatus } from '@bianmin/core';
import { formatDate, formatFen, formatMonth, formatMonthRange } from '@bianmin/core/format';
import { parseInstant } from '@bianmin/core/time';
import type { PillTone } from '../../ui/status-pill';

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

type Tone = PillTone;

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
  return yearSummaryParts(t).join(' · ');
}

/** The same summary as its phrases, each a label with its figure, for a line that breaks only between them. */
export function yearSummaryParts(t: YearGroup['totals']): string[] {
  const parts = [`已缴 ${t.paidMonths} 个月`, `个人 ${formatFen(t.personal)}`, `单位 ${formatFen(t.employer)}`];
  if (t.unpaidMonths > 0) parts.push(`欠缴 ${t.unpaidMonths} 个月`);
  if (t.gapMonths > 0) parts.push(`断缴 ${t.gapMonths} 个月`);
  return parts;
}

/** What a screen reader says for one month: the words a sighted resident reads across the row. */
export function monthLabel(m: MonthRecord): string {
  const head = `${formatMonth(m.month)}，${MONTH_LOOK[m.status].label}`;
  if (m.status === 'gap') return `${head}，这个月没有缴费记录`;
  const amounts =
    m.base === undefined
      ? ''
      : m.payer === 'self'
        ? `，缴费基数 ${formatFen(m.base)}，个人缴 ${formatFen(m.personal ?? 0)}，灵活就业，全部由个人缴纳`
        : `，缴费基数 ${formatFen(m.base)}，单位缴 ${formatFen(m.employer ?? 0)}，个人缴 ${formatFen(m.personal ?? 0)}`;
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

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Months as runs: ['2025-01','2025-02','2025-03','2025-06'] → '2025年1月至2025年3月、2025年6月'. */
export function monthRuns(months: readonly string[]): string {
  const sorted = [...months].sort();
  const runs: Array<[string, string]> = [];
  for (const m of sorted) {
    const last = runs[runs.length - 1];
    if (last && monthIndex(m) === monthIndex(last[1]) + 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => formatMonthRange(a, b)).join('、');
}

/**
 * An insurance as the summary lists it: an owed month or a gap is said first, in the pill and
 * under the name, never "参保缴费" alone over them; a retiree's pension and kept cover say so.
 */
export function insuranceStanding(i: InsuranceView): { label: string; tone: Tone; icon: string; detail: string } {
  const lines = [`${formatMonth(i.startMonth)}起`];
  if (i.contributionsEndMonth) lines.push(`缴至${formatMonth(i.contributionsEndMonth)}`);
  if (i.owedMonths.length) lines.push(`欠缴 ${monthRuns(i.owedMonths)}`);
  if (i.gapMonths.length) lines.push(`断缴 ${monthRuns(i.gapMonths)}`);
  const detail = lines.join('，');
  if (i.owedMonths.length) return { label: `欠缴 ${i.owedMonths.length} 个月`, tone: 'danger', icon: '!', detail };
  if (i.gapMonths.length) return { label: `断缴 ${i.gapMonths.length} 个月`, tone: 'warn', icon: '—', detail };
  const look = INSURANCE_STATUS_LOOK[i.status];
  return { label: i.statusName, tone: look.tone, icon: look.icon, detail };
}

/**
 * Why a year has fewer than 12 months, said beside it: contributions began or ended in it, or the
 * bureau has posted only so far. Nothing for a whole year.
 */
export function yearNote(year: string, r: { startMonth: string; contributionsEndMonth?: string; dataUpTo: string }): string {
  const notes: string[] = [];
  if (r.startMonth.startsWith(year) && !r.startMonth.endsWith('-01')) notes.push(`${Number(r.startMonth.slice(5))} 月起参保`);
  if (r.contributionsEndMonth?.startsWith(year) && !r.contributionsEndMonth.endsWith('-12')) notes.push(`${Number(r.contributionsEndMonth.slice(5))} 月后不再缴费`);
  else if (r.dataUpTo.startsWith(year) && !r.dataUpTo.endsWith('-12')) notes.push(`数据更新至 ${Number(r.dataUpTo.slice(5))} 月`);
  return notes.join('，');
}

/**
 * The window before one already shown, in whole calendar years and at most 36 months (one
 * request), never before the first contribution nor after the last (a retiree's): null when
 * there is nothing earlier.
 */
export function earlierWindow(shownFrom: string, startMonth: string, endMonth?: string): { from: string; to: string } | null {
  if (shownFrom <= startMonth) return null;
  const before = monthOf(monthIndex(shownFrom) - 1);
  const to = endMonth && endMonth < before ? endMonth : before;
  const yearStart = `${Number(to.slice(0, 4)) - 2}-01`;
  return { from: yearStart > startMonth ? yearStart : startMonth, to };
}
