import { formatDate } from './format';
import { daysBetween, type Fen, formatFen } from './money';

/**
 * Traffic fine late fee (加处罚款). 《行政处罚法》第七十二条: a party who does not pay a fine on time
 * is charged 3% of the fine for every day overdue, never more than the fine itself;
 * 《道路交通安全法》第一百零九条 applies it to traffic fines, and 第一百零八条 gives 15 days to pay.
 *
 * Counting: the decision date is day 0, days 1–15 are the time to pay, day 16 is the first
 * overdue day. Days are Shanghai calendar dates (the caller passes them as 'YYYY-MM-DD').
 *
 * Rounding: the fee is computed once on the whole overdue period (fine × 3% × days) and rounded
 * DOWN to the fen. The statute sets a ceiling of 3% a day; rounding up would charge a fraction
 * of a fen above it. Fines are whole yuan in practice, so this only bites on odd amounts.
 */
const FINE_DUE_DAYS = 15;
const LATE_FEE_PERCENT_PER_DAY = 3;

export interface FineLateFee {
  /** Days past the 15 to pay (0 while within them, and before the decision). */
  overdueDays: number;
  /** Fen. */
  lateFee: Fen;
  /** True once the cap (the fine itself) is reached. */
  capped: boolean;
  /** The last day to pay without a late fee. */
  dueDate: string;
}

/** A Shanghai calendar date `days` later ('YYYY-MM-DD' in and out). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function fineLateFee(fine: Fen, decisionDate: string, asOf: string): FineLateFee {
  const overdueDays = Math.max(0, daysBetween(decisionDate, asOf) - FINE_DUE_DAYS);
  const uncapped = Math.floor((fine * LATE_FEE_PERCENT_PER_DAY * overdueDays) / 100);
  return { overdueDays, lateFee: Math.min(fine, uncapped), capped: overdueDays > 0 && uncapped >= fine, dueDate: addDays(decisionDate, FINE_DUE_DAYS) };
}

/**
 * The first day on which the late fee reaches the fine (the cap): from then on paying later costs
 * nothing more. Found with `fineLateFee` itself, so the day and the amounts can never disagree.
 */
export function fineCapReachedOn(fine: Fen, decisionDate: string): string {
  const due = fineLateFee(fine, decisionDate, decisionDate).dueDate;
  // 3% a day reaches 100% within 34 days; the bound only guards a fine of 0.
  for (let d = 1; d <= 100; d++) {
    const day = addDays(due, d);
    if (fineLateFee(fine, decisionDate, day).capped) return day;
  }
  return addDays(due, 100);
}

/** The rule in words, next to the amount: what today's late fee is and why. */
export function lateFeeSentence(f: FineLateFee): string {
  if (f.overdueDays === 0) {
    return `请于 ${formatDate(f.dueDate)} 前缴纳；逾期每日按罚款的 ${LATE_FEE_PERCENT_PER_DAY}% 加处罚款，最多不超过罚款本金`;
  }
  if (f.capped) return `逾期 ${f.overdueDays} 天，加处罚款 ${formatFen(f.lateFee)}，已达上限（不超过罚款本金）`;
  return `逾期 ${f.overdueDays} 天，加处罚款 ${formatFen(f.lateFee)}，最多不超过罚款本金`;
}
