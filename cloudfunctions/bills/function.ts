// How `bills` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, UTILITIES } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'bills',
  purpose: 'utility households, bills, payments and prepaid top-ups',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('bills'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  // queryOrder and closeOrder: a resident's superseded pending order is expired inside `pay`, WeChat Pay asked first.
  permissions: { openapi: ['cloudPay.unifiedOrder', 'cloudPay.queryOrder', 'cloudPay.closeOrder'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(UTILITIES), 'PAY_SUB_MCH_ID'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV],
  },
});
