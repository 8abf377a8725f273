// How `reminders` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, ALL_DEPARTMENTS } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'reminders',
  purpose: "the “remind me when it opens” reminders, and the bills' due-date and overdue reminders",
  kind: 'timer',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('reminders'),
  memorySize: memoryFor(),
  triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
  vpc: true,
  permissions: { openapi: ['subscribeMessage.send'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(ALL_DEPARTMENTS)],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, 'REMINDER_TEMPLATE_ID'],
  },
});
