// How `traffic` is deployed (runtime/deployment.ts): the build writes its config.json and its
// entry in cloudbaserc.json from this; its entry checks the required variables at cold start.
import { PEAK_FILE_BYTES, memoryFor, timeoutFor } from '@bianmin/server/runtime/budgets';
import { defineDeployment, FUNCTION_RUNTIME, COMMON_OPTIONAL_ENV, departmentEnv, DEPARTMENT_OPTIONAL_ENV, TENCENT_CLOUD_OPTIONAL_ENV } from '@bianmin/server/runtime/deployment';

export const deployment = defineDeployment({
  name: 'traffic',
  purpose: 'vehicles, violations, confirmation and fines; the vehicle licence read by OCR',
  kind: 'resident',
  runtime: FUNCTION_RUNTIME,
  timeout: timeoutFor('traffic'),
  memorySize: memoryFor(PEAK_FILE_BYTES.traffic),
  triggers: [],
  vpc: true,
  // queryOrder and closeOrder: an outpriced order on the same violation is expired inside `pay`, WeChat Pay asked first.
  permissions: { openapi: ['cloudPay.unifiedOrder', 'cloudPay.queryOrder', 'cloudPay.closeOrder'] },
  env: {
    required: ['DATABASE_URL', ...departmentEnv(['traffic']), 'PAY_SUB_MCH_ID'],
    optional: [...COMMON_OPTIONAL_ENV, ...DEPARTMENT_OPTIONAL_ENV, ...TENCENT_CLOUD_OPTIONAL_ENV],
  },
});
