// How `messages` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'messages',
  purpose: 'the in-app message centre',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('messages'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  permissions: { openapi: [] },
  env: {
    required: ['DATABASE_URL'],
    optional: [...COMMON_OPTIONAL_ENV],
  },
});
