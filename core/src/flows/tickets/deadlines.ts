import type { HolidayCalendar } from '../../availability/calendar';
import { MINUTE_MS } from '../../availability/shanghai-time';
import { toShanghaiIso } from '../../time';
import { describeLimit, DUE_SOON_SHARE, type TicketKind, type TimeLimit, TIME_LIMITS } from './rules';
import { addWorkingTime, workingTimeBetween } from './working-time';

export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';
export type DeadlineStep = 'accept' | 'answer';

export interface Deadline {
  step: DeadlineStep;
  at: Date;
  limit: TimeLimit;
  /** Counted partly by the Mon–Fri fallback: the holiday calendar does not cover that year yet. */
  estimated: boolean;
}

/** When `limit` runs out for something that started at `from`. */
export function deadlineAfter(from: Date, limit: TimeLimit, calendar: HolidayCalendar): { at: Date; estimated: boolean } {
  if ('calendarMinutes' in limit) return { at: new Date(from.getTime() + limit.calendarMinutes * MINUTE_MS), estimated: false };
  return addWorkingTime(from, limit.workingMinutes, calendar);
}

/**
 * On time, due soon (a quarter of the limit or less left, measured the way the limit is:
 * working time for working limits) or overdue.
 */
export function deadlineState(d: Pick<Deadline, 'at' | 'limit'>, now: Date, calendar: HolidayCalendar): DeadlineState {
  if (now.getTime() >= d.at.getTime()) return 'overdue';
  const left = 'calendarMinutes' in d.limit ? d.at.getTime() - now.getTime() : workingTimeBetween(now, d.at, calendar);
  const whole = ('calendarMinutes' in d.limit ? d.limit.calendarMinutes : d.limit.workingMinutes) * MINUTE_MS;
  return left <= whole * DUE_SOON_SHARE ? 'due_soon' : 'on_time';
}

/**
 * The statuses a ticket moves through (ours: `pending` until the platform has it, `failed` when
 * the platform numbered it with a number another ticket already holds and it cannot be followed).
 */
export type TicketStatus = 'pending' | 'submitted' | 'accepted' | 'dispatched' | 'replied' | 'closed' | 'rejected' | 'reopened' | 'failed';

export interface DeadlineInput {
  kind: TicketKind;
  urgent: boolean;
  status: TicketStatus;
  /** When the resident filed it (our clock): the platform's limits run from the resident's submission. */
  filedAt: Date;
  /** When the resident last asked for it to be handled again. */
  reopenedAt?: Date | null;
}

/**
 * The next step the centre owes the resident and when it is due: acceptance until it is accepted,
 * then the answer; a reopened ticket owes a new answer counted from the reopening. Nothing is
 * owed once it is answered, closed or refused.
 */
export function nextDeadline(t: DeadlineInput, calendar: HolidayCalendar): Deadline | null {
  const limits = TIME_LIMITS[t.urgent ? 'urgent' : t.kind];
  switch (t.status) {
    case 'pending':
    case 'submitted':
      return { step: 'accept', limit: limits.accept, ...deadlineAfter(t.filedAt, limits.accept, calendar) };
    case 'accepted':
    case 'dispatched':
      return { step: 'answer', limit: limits.answer, ...deadlineAfter(t.reopenedAt ?? t.filedAt, limits.answer, calendar) };
    case 'reopened':
      return { step: 'answer', limit: limits.answer, ...deadlineAfter(t.reopenedAt ?? t.filedAt, limits.answer, calendar) };
    default:
      return null;
  }
}

export interface DeadlineView {
  step: DeadlineStep;
  /** '受理时限' / '答复时限' */
  label: string;
  /** ISO 8601, +08:00 */
  dueAt: string;
  state: DeadlineState;
  /** '2 个工作小时内受理' */
  rule: string;
  estimated: boolean;
}

const STEP_LABEL: Record<DeadlineStep, { label: string; verb: string }> = {
  accept: { label: '受理时限', verb: '受理' },
  answer: { label: '答复时限', verb: '答复' },
};

export function deadlineView(d: Deadline, now: Date, calendar: HolidayCalendar): DeadlineView {
  return {
    step: d.step,
    label: STEP_LABEL[d.step].label,
    dueAt: toShanghaiIso(d.at),
    state: deadlineState(d, now, calendar),
    rule: `${describeLimit(d.limit)}内${STEP_LABEL[d.step].verb}`,
    estimated: d.estimated,
  };
}
