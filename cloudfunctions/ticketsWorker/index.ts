// CloudBase entry for `ticketsWorker`, fired every minute by its timer trigger: files pending
// 12345 tickets (the outbox) and follows filed ones (the platform's event feed). Only the timer
// may run it (cloudbaseTimerEntry refuses any other SOURCE): a client call could otherwise drive
// the platform at will.
import { performance } from 'node:perf_hooks';
import { TICKETS_WORKER_BUDGET_MS } from '@bianmin/server/runtime/budgets';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { runTicketsWorker } from '@bianmin/server/tickets/sync';

export const main = cloudbaseTimerEntry(deployment, (deps, now) => {
  // The run's own stopwatch: it takes no item it might not finish before its declared timeout.
  const started = performance.now();
  return runTicketsWorker(deps, now, (nextMs) => performance.now() - started + nextMs <= TICKETS_WORKER_BUDGET_MS);
});
