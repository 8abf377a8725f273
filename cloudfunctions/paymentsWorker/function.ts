// How `paymentsWorker` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, UTILITIES } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'paymentsWorker',
  purpose: 'posts paid orders to departments, expires unpaid orders with WeChat Pay, gives back refunds',
  kind: 'timer',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('paymentsWorker'),
  memorySize: memoryFor(),
  triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
  vpc: true,
  permissions: { openapi: ['cloudPay.queryOrder', 'cloudPay.closeOrder', 'cloudPay.refund'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv([...UTILITIES, 'traffic']), 'PAY_SUB_MCH_ID'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV],
  },
});
