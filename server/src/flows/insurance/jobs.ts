import { DATABASE_ALLOWANCE_MS, departmentCallMs } from '../../runtime/budgets';
import { defineJob, HOURLY } from '../../runtime/jobs';
import { purgeAccessLog } from './access-log';
import { sendEligibilityReminders } from './eligibility-reminders';

/**
 * Social insurance's timer jobs: run by `insuranceWorker` on CloudBase (one timer per function, so
 * they share its hourly schedule), by their levers locally. Hourly because the eligibility
 * reminders go out by day only; the access log's purge is one DELETE, as cheap at any hour.
 */
export const insuranceJobs = [
  defineJob({
    name: 'accesslog',
    purpose: "forgets reads of residents' insurance data once they are a year old",
    schedule: HOURLY,
    // One DELETE of the access log's year-old rows.
    itemMs: () => DATABASE_ALLOWANCE_MS,
    run: async (deps, now) => ({ purged: await purgeAccessLog(deps, now) }),
    // Locally only its lever runs it.
    localEveryMs: 0,
  }),
  defineJob({
    name: 'eligibility',
    purpose: "reads retirees' pension eligibility checks from the bureau and sends the 60/30/7-day reminders once each",
    schedule: HOURLY,
    // One retiree: a bureau read, then a subscribe message.
    itemMs: (t) => departmentCallMs(t) + DATABASE_ALLOWANCE_MS,
    run: (deps, now, budget) => sendEligibilityReminders(deps, now, { canContinue: () => budget.allows() }),
    // Locally only its lever runs it (the dev clock decides which day it is).
    localEveryMs: 0,
    departments: ['insurance'],
    openapi: ['subscribeMessage.send'],
    env: { optional: ['REMINDER_TEMPLATE_ID'] },
  }),
];
