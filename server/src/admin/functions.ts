import { DATABASE_ALLOWANCE_MS, PAY_CALL_TIMEOUT_MS, WECHAT_CALL_MS } from '../runtime/budgets';
import { type DeployedFunction, PAY_ENV, type Source, workerFunction } from '../runtime/functions';
import { adminFunction } from './function';
import { opsJobs } from './ops-jobs';

/** The HTTP access service's path of the console's API. */
export const ADMIN_HTTP_PATH = '/admin-api';

/**
 * The platform's operator functions: `admin`, the console's API over HTTPS (CloudBase's HTTP
 * access service), and `opsWorker`, the health probes and the daily reconciliation.
 */
export function operatorFunctions(everyPayable: readonly Source[]): DeployedFunction[] {
  return [
    {
      name: 'admin',
      purpose: 'the operator console: WeChat Work sign-in, notices, schedules, queues, audit log, health history',
      handler: { kind: 'http', def: adminFunction, path: ADMIN_HTTP_PATH },
      source: { module: 'admin/function', export: 'adminFunction' },
      departments: [],
      // A refund retried from the queue is asked of WeChat Pay.
      openapi: ['cloudPay.refund'],
      env: { required: ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'ADMIN_CONSOLE_URL', PAY_ENV], optional: [] },
      peakFileBytes: 0,
      // A refund retried from the queue that completes tells the resident about the order it paid for.
      payables: everyPayable,
      // queues.retryRefund: one cloudPay.refund; signIn: WeChat Work's gettoken and getuserinfo
      // (one retry after a revoked token). The rest are queries.
      worstCaseMs: () => Math.max(PAY_CALL_TIMEOUT_MS, 3 * WECHAT_CALL_MS) + DATABASE_ALLOWANCE_MS,
    },
    workerFunction('opsWorker', opsJobs, { module: 'admin/ops-jobs', export: 'opsJobs' }, { env: { required: [PAY_ENV] } }),
  ];
}
