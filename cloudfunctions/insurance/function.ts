// How `insurance` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, TENCENT_CLOUD_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'insurance',
  purpose: 'real-name verification (FaceID) and social insurance records',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('insurance'),
  memorySize: memoryFor(),
  triggers: [],
  vpc: true,
  permissions: { openapi: [] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(['insurance']), 'FACEID_RULE_ID', 'INSURANCE_ID_HASH_KEY'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, 'FACEID_REDIRECT_URL', ...TENCENT_CLOUD_OPTIONAL_ENV],
  },
});
