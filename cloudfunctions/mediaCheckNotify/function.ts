// How `mediaCheckNotify` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'mediaCheckNotify',
  purpose: "WeChat's verdicts on 12345 photos (消息推送 wxa_media_check): a flagged photo is withdrawn from its ticket",
  kind: 'push',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('mediaCheckNotify'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  permissions: { openapi: [] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(['hotline'])],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV],
  },
});
