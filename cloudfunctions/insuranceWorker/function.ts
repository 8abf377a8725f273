// How `insuranceWorker` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'insuranceWorker',
  purpose: "forgets reads of residents' insurance data once they are a year old",
  kind: 'timer',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('insuranceWorker'),
  memorySize: memoryFor(),
  // 03:00 Beijing time (CloudBase reads a timer's cron in Beijing time): the quietest hour.
  triggers: [{ name: 'daily-0300', type: 'timer', config: '0 0 3 * * * *' }],
  vpc: true,
  permissions: { openapi: [] },
  env: {
    required: ['DATABASE_URL'],
    optional: [...COMMON_OPTIONAL_ENV],
  },
});
