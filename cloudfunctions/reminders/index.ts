// CloudBase entry for the `reminders` function, fired every minute by its timer trigger
// (config.json): sends the "remind me when it opens" reminders that are due, and the bills'
// due-date and overdue reminders.
import { loadConfig } from '@bianmin/server/config';
import { runRemindersJob } from '@bianmin/server/reminders/job';
import { departmentCallMs, REMINDERS_BUDGET_MS } from '@bianmin/server/runtime/budgets';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';

export const main = cloudbaseTimerEntry(deployment, (deps, now) => {
  // The run's own stopwatch, not the domain clock: it must end before config.json's timeout.
  const started = performance.now();
  const perAccount = departmentCallMs(loadConfig(process.env).departmentTimeoutMs);
  return runRemindersJob(deps, now, { canContinue: () => performance.now() - started + perAccount <= REMINDERS_BUDGET_MS });
});
