// How `tickets` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { PEAK_FILE_BYTES, memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'tickets',
  purpose: '12345 complaints and consultations: filing (files and texts checked), following, rating, reopening',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('tickets'),
  memorySize: memoryFor(PEAK_FILE_BYTES.tickets),
  triggers: [],
  vpc: true,
  permissions: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(['hotline'])],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, 'TICKET_TEMPLATE_ID'],
  },
});
