import type { DepartmentId } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, PAY_CALL_TIMEOUT_MS } from '../runtime/budgets';
import { type DeployedFunction, PAY_ENV, type Source, workerFunction } from '../runtime/functions';
import { defineJob, EVERY_MINUTE } from '../runtime/jobs';
import { handlePayNotify } from './notify';
import { nontaxNotify } from './nontax-notify';
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
 * The platform's payment functions, for the payable kinds every flow declares (where they are
 * exported, and the departments they post to): the worker that posts, expires and refunds, and
 * WeChat Pay's notification receiver. Both are wired with every kind.
 */
export function paymentsFunctions(departments: readonly DepartmentId[], payables: readonly Source[]): DeployedFunction[] {
  return [
    workerFunction('paymentsWorker', paymentsJobs, { module: 'payments/functions', export: 'paymentsJobs' }, { departments, env: { required: [PAY_ENV] }, payables }),
    {
      name: 'payNotify',
      purpose: "WeChat Pay's payment and refund notifications",
      handler: { kind: 'paycallback', handle: handlePayNotify },
      source: { module: 'payments/notify', export: 'handlePayNotify' },
      departments: [],
      openapi: [],
      env: { required: [], optional: [] },
      peakFileBytes: 0,
      payables,
      // Records the payment and answers: no department, no WeChat call.
      worstCaseMs: () => DATABASE_ALLOWANCE_MS,
    },
    // WeChat 非税's notifications come over HTTPS to the route the collecting unit registered with the platform.
    ...(payables.some((s) => s.channels?.includes('nontax'))
      ? [
          {
            name: 'nontaxNotify',
            purpose: "WeChat 非税缴费's signed payment notifications",
            handler: { kind: 'httpnotify', path: NONTAX_NOTIFY_PATH, handle: nontaxNotify },
            source: { module: 'payments/nontax-notify', export: 'nontaxNotify' },
            departments: [],
            openapi: [],
            env: { required: ['NONTAX_NOTIFY_KEY'], optional: [] },
            peakFileBytes: 0,
            payables,
            worstCaseMs: () => DATABASE_ALLOWANCE_MS,
          } satisfies DeployedFunction,
        ]
      : []),
  ];
}

/** The HTTP access route WeChat 非税 posts to: give the platform `https://<env domain>/nontax-notify`. */
export const NONTAX_NOTIFY_PATH = '/nontax-notify';
