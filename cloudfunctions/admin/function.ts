// How `admin` is deployed (runtime/deployment.ts): the operator console's API, an HTTP function
// behind CloudBase's HTTP access service at /admin-api; the build writes its config.json and its
// entry in cloudbaserc.json from this, and `npm run deploy` creates the route.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, UTILITIES } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'admin',
  purpose: 'the operator console: WeChat Work sign-in, notices, schedules, queues, audit log, health history',
  kind: 'http',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('admin'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  // A refund retried from the queue is asked of WeChat Pay (cloudPay.refund).
  permissions: { openapi: ['cloudPay.refund'] },
  env: {
    required: ['DATABASE_URL', 'WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'ADMIN_CONSOLE_URL', 'PAY_SUB_MCH_ID'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, ...departmentEnv([...UTILITIES, 'traffic'])],
  },
  http: { path: '/admin-api' },
});
