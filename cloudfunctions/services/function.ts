// How `services` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, ALL_DEPARTMENTS } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'services',
  purpose: 'the service catalogue and live availability; reminders to set',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('services'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  permissions: { openapi: [] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(ALL_DEPARTMENTS)],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV],
  },
});
