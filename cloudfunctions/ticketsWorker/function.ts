// How `ticketsWorker` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'ticketsWorker',
  purpose: "files pending 12345 tickets, follows the platform's events, tells residents",
  kind: 'timer',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('ticketsWorker'),
  memorySize: memoryFor(),
  triggers: [{ name: 'every-minute', type: 'timer', config: '0 * * * * * *' }],
  vpc: true,
  permissions: { openapi: ['subscribeMessage.send'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(['hotline'])],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, 'TICKET_TEMPLATE_ID'],
  },
});
