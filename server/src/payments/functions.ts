import type { DepartmentId } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, PAY_CALL_TIMEOUT_MS } from '../runtime/budgets';
import { type DeployedFunction, PAY_ENV, workerFunction } from '../runtime/functions';
import { defineJob, EVERY_MINUTE } from '../runtime/jobs';
import { handlePayNotify } from './notify';
import { closeExpiredOrders, processOutbox } from './outbox';
import { processRefunds } from './refunds';

/** Items a payments job takes per run at most (then the next run, a minute later). */
const BATCH = 50;

/** The payments worker's jobs, run every minute in this order. */
export const paymentsJobs = [
  defineJob({
    name: 'outbox',
    purpose: 'posts paid orders to their departments',
    schedule: EVERY_MINUTE,
    // One posting to a department.
    itemMs: departmentCallMs,
    run: (deps, now, budget) => processOutbox(deps, now, BATCH, budget),
    localEveryMs: 5_000,
  }),
  defineJob({
    name: 'expire',
    purpose: 'expires unpaid orders with WeChat Pay',
    schedule: EVERY_MINUTE,
    // queryOrder, closeOrder (ORDERPAID), queryOrder again.
    itemMs: () => 3 * PAY_CALL_TIMEOUT_MS,
    run: (deps, now, budget) => closeExpiredOrders(deps, now, BATCH, budget),
    localEveryMs: 5_000,
    openapi: ['cloudPay.queryOrder', 'cloudPay.closeOrder'],
  }),
  defineJob({
    name: 'refunds',
    purpose: 'gives back refunds',
    schedule: EVERY_MINUTE,
    // One refund request.
    itemMs: () => PAY_CALL_TIMEOUT_MS,
    run: (deps, now, budget) => processRefunds(deps, now, BATCH, budget),
    localEveryMs: 5_000,
    openapi: ['cloudPay.refund'],
  }),
];

/**
 * The platform's payment functions, for the departments the payable kinds post to: the worker
 * that posts, expires and refunds, and WeChat Pay's notification receiver.
 */
export function paymentsFunctions(departments: readonly DepartmentId[]): DeployedFunction[] {
  return [
    workerFunction('paymentsWorker', paymentsJobs, { module: 'payments/functions', export: 'paymentsJobs' }, { departments, env: { required: [PAY_ENV] } }),
    {
      name: 'payNotify',
      purpose: "WeChat Pay's payment and refund notifications",
      handler: { kind: 'paycallback', handle: handlePayNotify },
      source: { module: 'payments/notify', export: 'handlePayNotify' },
      departments: [],
      openapi: [],
      env: { required: [], optional: [] },
      peakFileBytes: 0,
      // Records the payment and answers: no department, no WeChat call.
      worstCaseMs: () => DATABASE_ALLOWANCE_MS,
    },
  ];
}
