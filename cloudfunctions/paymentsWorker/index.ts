// CloudBase entry for `paymentsWorker`, fired every minute by its timer trigger: posts paid
// orders to their departments (the outbox), settles expired orders with WeChat Pay (books a
// payment it reports, closes the rest) and gives back refunds — within one run budget, so the
// function always ends before its declared timeout (runtime/budgets.ts).
import { performance } from 'node:perf_hooks';
import { loadConfig } from '@bianmin/server/config';
import { closeExpiredOrders, processOutbox } from '@bianmin/server/payments/outbox';
import { processRefunds } from '@bianmin/server/payments/refunds';
import { PAYMENTS_WORKER_BUDGET_MS, runBudget } from '@bianmin/server/runtime/budgets';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { withoutBlanks } from '@bianmin/server/runtime/cold-start';
import { deployment } from './function';

export const main = cloudbaseTimerEntry(deployment, async (deps, now) => {
  const started = performance.now();
  const budget = runBudget(PAYMENTS_WORKER_BUDGET_MS, loadConfig(withoutBlanks(process.env)).departmentTimeoutMs, () => performance.now() - started);
  return {
    outbox: await processOutbox(deps, now, 50, budget),
    expired: await closeExpiredOrders(deps, now, 50, budget),
    refunds: await processRefunds(deps, now, 50, budget),
  };
});
