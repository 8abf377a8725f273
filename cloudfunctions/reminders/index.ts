// CloudBase entry for the `reminders` function, fired every minute by its timer trigger
// (function.ts): sends the "remind me when it opens" reminders that are due, and the bills'
// due-date and overdue reminders.
import { loadConfig } from '@bianmin/server/config';
import { runRemindersJob } from '@bianmin/server/reminders/job';
import { departmentCallMs, REMINDER_ITEM_MS, REMINDERS_BUDGET_MS } from '@bianmin/server/runtime/budgets';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { withoutBlanks } from '@bianmin/server/runtime/cold-start';
import { deployment } from './function';

export const main = cloudbaseTimerEntry(deployment, (deps, now) => {
  // The run's own stopwatch, not the domain clock: it must end before its declared timeout.
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const perAccount = departmentCallMs(loadConfig(withoutBlanks(process.env)).departmentTimeoutMs);
  return runRemindersJob(deps, now, {
    canSendOpening: () => elapsed() + REMINDER_ITEM_MS <= REMINDERS_BUDGET_MS,
    canContinue: () => elapsed() + perAccount <= REMINDERS_BUDGET_MS,
  });
});
