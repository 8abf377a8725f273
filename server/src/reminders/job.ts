import { type DueReminderReport, sendDueBillReminders } from '../bills/due-reminders';
import type { Deps } from '../runtime/types';
import { type SendReport, sendDueReminders } from './reminders';

export type RemindersJobReport = SendReport & { bills: DueReminderReport };

/**
 * The `reminders` timer's run: the "remind me when it opens / recovers" reminders that are due,
 * then the bills' due-date and overdue reminders. The first part's counts stay at the top level
 * (what the job answered before bills had reminders).
 */
export async function runRemindersJob(deps: Deps, now: Date, opts: { canContinue?: () => boolean; canSendOpening?: () => boolean } = {}): Promise<RemindersJobReport> {
  const services = await sendDueReminders(deps, now, 100, { canContinue: opts.canSendOpening });
  const bills = await sendDueBillReminders(deps, now, { canContinue: opts.canContinue });
  return { ...services, bills };
}
