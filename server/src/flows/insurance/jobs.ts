import { DATABASE_ALLOWANCE_MS } from '../../runtime/budgets';
import { DAILY_0300, defineJob } from '../../runtime/jobs';
import { purgeAccessLog } from './access-log';

/** Social insurance's timer job: run by `insuranceWorker` on CloudBase, by its lever locally. */
export const insuranceJobs = [
  defineJob({
    name: 'accesslog',
    purpose: "forgets reads of residents' insurance data once they are a year old",
    schedule: DAILY_0300,
    // One DELETE of the access log's year-old rows.
    itemMs: () => DATABASE_ALLOWANCE_MS,
    run: async (deps, now) => ({ purged: await purgeAccessLog(deps, now) }),
    // Daily on CloudBase; locally only its lever runs it.
    localEveryMs: 0,
  }),
];
