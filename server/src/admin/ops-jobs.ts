import { DEPARTMENT_IDS } from '@bianmin/core';
import { recordHealth } from '../health/record';
import { POSTING_DEPARTMENTS, runDailyReconciliation } from '../reconcile/run';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, PAY_CALL_TIMEOUT_MS } from '../runtime/budgets';
import { PAY_ENV } from '../runtime/functions';
import { defineJob, EVERY_MINUTE } from '../runtime/jobs';

/** The operations worker's jobs, run every minute in this order. */
export const opsJobs = [
  defineJob({
    name: 'health',
    purpose: 'records every department’s health (uptime and outages for the console and the status page)',
    schedule: EVERY_MINUTE,
    // Every department probed in parallel, then one write.
    itemMs: () => HEALTH_PROBE_MS + DATABASE_ALLOWANCE_MS,
    run: (deps, now) => recordHealth(deps, now),
    localEveryMs: 60_000,
    departments: DEPARTMENT_IDS,
  }),
  defineJob({
    name: 'reconcile',
    purpose: 'reconciles yesterday with WeChat Pay’s statement and the departments’ postings, once a day after 10:30',
    schedule: EVERY_MINUTE,
    // The statement, each posting department read one after the other, the comparison's queries.
    itemMs: (t) => PAY_CALL_TIMEOUT_MS + POSTING_DEPARTMENTS.length * departmentCallMs(t) + 2 * DATABASE_ALLOWANCE_MS,
    // One day is one item: it is begun only when it fits the run (a lease makes the next run take it otherwise).
    run: async (deps, now, budget) => (budget.allows() ? runDailyReconciliation(deps, now) : { ran: false, skipped: 'budget' }),
    localEveryMs: 10 * 60_000,
    departments: POSTING_DEPARTMENTS,
    openapi: ['cloudPay.downloadBill'],
    env: { required: [PAY_ENV] },
  }),
];
