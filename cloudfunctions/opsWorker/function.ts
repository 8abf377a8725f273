// How `opsWorker` is deployed (runtime/deployment.ts): every minute, every department's health is
// probed and recorded; once a day, after WeChat Pay's statement is out, yesterday is reconciled.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, ALL_DEPARTMENTS } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'opsWorker',
  purpose: 'records every department’s health each minute; reconciles yesterday with WeChat Pay and the departments once a day',
  kind: 'timer',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('opsWorker'),
  memorySize: memoryFor(),
  triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
  vpc: true,
  permissions: { openapi: ['cloudPay.downloadBill'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(ALL_DEPARTMENTS), 'PAY_SUB_MCH_ID'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV],
  },
});
