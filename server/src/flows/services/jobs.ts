import { DEPARTMENT_IDS } from '@bianmin/core';
import { REMINDER_ITEM_MS } from '../../runtime/budgets';
import { defineJob, EVERY_MINUTE } from '../../runtime/jobs';
import { sendDueReminders } from './reminders';

/** The hub's timer job: run by `servicesWorker` on CloudBase, by a loop and a lever locally. */
export const servicesJobs = [
  defineJob({
    name: 'reminders',
    purpose: 'the “remind me when it opens” reminders',
    schedule: EVERY_MINUTE,
    // One opening reminder: a department probe and a subscribe message.
    itemMs: () => REMINDER_ITEM_MS,
    run: (deps, now, budget) => sendDueReminders(deps, now, 100, { canContinue: () => budget.allows() }),
    localEveryMs: 30_000,
    // Each reminder's department is probed before it is sent.
    departments: DEPARTMENT_IDS,
    openapi: ['subscribeMessage.send'],
    env: { optional: ['REMINDER_TEMPLATE_ID'] },
  }),
];
