import { PROVIDER_IDS } from '@bianmin/core';
import { departmentCallMs } from '../../runtime/budgets';
import { defineJob, EVERY_MINUTE } from '../../runtime/jobs';
import { sendDueBillReminders } from './due-reminders';

/** The bills' timer jobs: run by `billsWorker` on CloudBase, by a loop and a lever locally. */
export const billsJobs = [
  defineJob({
    name: 'dueReminders',
    purpose: "the bills' due-date and overdue reminders",
    schedule: EVERY_MINUTE,
    // One bound account's bills: one department call.
    itemMs: departmentCallMs,
    run: (deps, now, budget) => sendDueBillReminders(deps, now, { canContinue: () => budget.allows() }),
    localEveryMs: 30_000,
    departments: PROVIDER_IDS,
    openapi: ['subscribeMessage.send'],
    env: { optional: ['REMINDER_TEMPLATE_ID'] },
  }),
];
