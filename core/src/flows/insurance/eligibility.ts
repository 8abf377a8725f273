import { addDays } from '../../late-fee';
import { daysBetween } from '../../money';

/**
 * 养老金领取资格认证 (待遇资格认证): a retiree confirms once every 12 months that they are alive
 * and entitled, or the bureau suspends the pension. The rules are stated once here and read by the
 * server (the answer, the agenda, the reminders) and the client (the words).
 */

/** A check is valid for 12 months: it is due again on the same day a year after the last one. */
export const ELIGIBILITY_VALID_MONTHS = 12;
/** 'due' from this many days before the deadline (the first reminder goes out then). */
export const ELIGIBILITY_DUE_DAYS = 60;
/** Reminders before the deadline, each sent once per cycle: 60, 30 and 7 days before. */
export const ELIGIBILITY_REMINDER_DAYS = [60, 30, 7] as const;
export type EligibilityThreshold = (typeof ELIGIBILITY_REMINDER_DAYS)[number];
/**
 * Past the deadline the bureau stops the pension from the next payment: we say 'overdue' for these
 * days and 'suspended' after them (or at once when the bureau itself says it has suspended it).
 */
export const ELIGIBILITY_GRACE_DAYS = 30;

export type EligibilityStatus = 'ok' | 'due' | 'overdue' | 'suspended';

export const ELIGIBILITY_STATUS_NAMES: Record<EligibilityStatus, string> = {
  ok: '已认证',
  due: '即将到期',
  overdue: '已逾期',
  suspended: '养老金已暂停发放',
};

/** The deadline of a check made on `lastCheckedOn` (YYYY-MM-DD): the same day 12 months later (29 Feb → 28 Feb). */
export function eligibilityDueBy(lastCheckedOn: string): string {
  const y = Number(lastCheckedOn.slice(0, 4)) + ELIGIBILITY_VALID_MONTHS / 12;
  const m = lastCheckedOn.slice(5, 7);
  const d = Number(lastCheckedOn.slice(8, 10));
  const lastOfMonth = new Date(Date.UTC(y, Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
}

export interface EligibilityState {
  status: EligibilityStatus;
  dueBy: string;
  /** Whole days from today to the deadline; negative once past it. */
  daysLeft: number;
}

/** Where a retiree stands on `asOf` (Shanghai date). `bureauSuspended`: the bureau says it has stopped the pension. */
export function eligibilityState(lastCheckedOn: string, asOf: string, bureauSuspended = false): EligibilityState {
  const dueBy = eligibilityDueBy(lastCheckedOn);
  const daysLeft = daysBetween(asOf, dueBy);
  let status: EligibilityStatus;
  if (bureauSuspended || daysLeft < -ELIGIBILITY_GRACE_DAYS) status = 'suspended';
  else if (daysLeft < 0) status = 'overdue';
  else if (daysLeft <= ELIGIBILITY_DUE_DAYS) status = 'due';
  else status = 'ok';
  return { status, dueBy, daysLeft };
}

/**
 * The reminder a retiree is owed on a day: the smallest threshold already reached (45 days left →
 * the 60-day one; 25 → the 30-day one), or null before 60 days or once past the deadline. A run
 * that missed a threshold sends only the latest one reached, never two at once.
 */
export function eligibilityThresholdFor(daysLeft: number): EligibilityThreshold | null {
  if (daysLeft < 0) return null;
  let hit: EligibilityThreshold | null = null;
  for (const t of ELIGIBILITY_REMINDER_DAYS) if (daysLeft <= t) hit = t;
  return hit;
}

/** The day after the deadline's grace ends: 'suspended' from this day on. */
export const eligibilitySuspendedFrom = (dueBy: string) => addDays(dueBy, ELIGIBILITY_GRACE_DAYS + 1);
