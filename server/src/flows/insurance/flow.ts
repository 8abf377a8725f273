import { insuranceContract } from '@bianmin/core';
import { tencentFaceVerifier } from '../../faceid/tencent';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, TENCENT_CLOUD_CALL_MS } from '../../runtime/budgets';
import { TENCENT_CLOUD_OPTIONAL_ENV } from '../../runtime/deployment';
import { defineFlow } from '../../runtime/flow';
import { insuranceJobs } from './jobs';
import { listAccessLog, readInsuranceRecords, readInsuranceSummary } from './reads';
import { showVerification, startVerification } from './verification';

/**
 * Social insurance: real-name verification (face check), then the resident's own contributions,
 * balances and years, and the log of every read. Every data action needs a live verification.
 */
export const insuranceFlow = defineFlow({
  contract: insuranceContract,
  purpose: 'real-name verification (FaceID) and social insurance records',
  actions: {
    verify: { service: 'insurance.query', run: startVerification },
    verification: { run: showVerification },
    summary: { service: 'insurance.query', servesStale: true, run: readInsuranceSummary },
    records: { service: 'insurance.query', servesStale: true, run: readInsuranceRecords },
    accessLog: { run: listAccessLog },
  },
  // verify: availability probe, the bureau's person lookup, FaceID's DetectAuth.
  budget: (t) => HEALTH_PROBE_MS + departmentCallMs(t) + TENCENT_CLOUD_CALL_MS + DATABASE_ALLOWANCE_MS,
  jobs: insuranceJobs,
  deployment: {
    env: { required: ['FACEID_RULE_ID', 'INSURANCE_ID_HASH_KEY'], optional: ['FACEID_REDIRECT_URL', ...TENCENT_CLOUD_OPTIONAL_ENV] },
  },
  // Only this function's bundle carries the FaceID client: no other loads a Tencent Cloud service.
  wire: (config, log) => ({
    realName:
      config.tencentCloud && config.faceId && config.insuranceIdHashKey
        ? { face: tencentFaceVerifier(config.tencentCloud, { ...config.faceId, log }), idHashKey: config.insuranceIdHashKey }
        : undefined,
  }),
});
