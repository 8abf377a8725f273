import { insuranceContract } from '@bianmin/core';
import type { FaceVerifier } from '../../faceid/port';
import { tencentFaceVerifier } from '../../faceid/tencent';
import { weChatFaceVerifier } from '../../faceid/wechat';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, TENCENT_CLOUD_CALL_MS, WECHAT_CALL_MS } from '../../runtime/budgets';
import { TENCENT_CLOUD_OPTIONAL_ENV } from '../../runtime/deployment';
import { defineFlow } from '../../runtime/flow';
import { weChatApi } from '../../wechat/api';
import { checkEligibility, readEligibility } from './eligibility';
import { insuranceJobs } from './jobs';
import { listAccessLog, readInsuranceRecords, readInsuranceSummary } from './reads';
import { showVerification, startVerification } from './verification';

/**
 * Social insurance: real-name verification (face check), then the resident's own contributions,
 * balances and years, and the log of every read. Every data action needs a live verification.
 */
export const insuranceFlow = defineFlow({
  contract: insuranceContract,
  purpose: 'real-name verification (WeChat 人脸核身 or FaceID) and social insurance records',
  actions: {
    // A face check is the holder's own face: a relative cannot start one for them.
    verify: { service: 'insurance.query', run: startVerification, family: false },
    verification: { run: showVerification, familyWhat: '查看实名认证状态' },
    summary: { service: 'insurance.query', servesStale: true, run: readInsuranceSummary, familyWhat: '查询社保概况' },
    records: { service: 'insurance.query', servesStale: true, run: readInsuranceRecords, familyWhat: '查询社保缴费记录' },
    accessLog: { run: listAccessLog, familyWhat: '查看社保查询记录' },
    // The pension check is the holder's own face verification posted; reading its status is a relative's help.
    eligibility: { service: 'insurance.query', servesStale: true, run: readEligibility, familyWhat: '查询养老金资格认证' },
    eligibilityCheck: { service: 'insurance.query', run: checkEligibility, familyWhat: '完成养老金资格认证' },
  },
  // verify: availability probe, the bureau's person lookup, then FaceID's DetectAuth or WeChat's
  // stable token and getVerifyId — twice each at worst, when WeChat refuses the token (api.ts).
  budget: (t) => HEALTH_PROBE_MS + departmentCallMs(t) + Math.max(TENCENT_CLOUD_CALL_MS, 4 * WECHAT_CALL_MS) + DATABASE_ALLOWANCE_MS,
  jobs: insuranceJobs,
  // With the holder's consent (their face check when inviting), and within their live verification.
  family: 'insurance',
  deployment: {
    env: {
      required: ['INSURANCE_ID_HASH_KEY'],
      optional: ['FACE_METHODS', 'MP_APPID', 'MP_APPSECRET', 'WECHAT_API_URL', 'FACEID_RULE_ID', 'FACEID_REDIRECT_URL', ...TENCENT_CLOUD_OPTIONAL_ENV],
    },
  },
  // Only this function's bundle carries the FaceID client: no other loads a Tencent Cloud service.
  wire: (config, log) => {
    const providers: Partial<Record<'wechat' | 'faceid', FaceVerifier>> = {};
    if (config.faceMethods.includes('wechat') && config.weChat) providers.wechat = weChatFaceVerifier(weChatApi(config.weChat, { timeoutMs: WECHAT_CALL_MS, log }), { log });
    if (config.faceMethods.includes('faceid') && config.tencentCloud && config.faceId) providers.faceid = tencentFaceVerifier(config.tencentCloud, { ...config.faceId, log });
    return { realName: config.insuranceIdHashKey && Object.keys(providers).length > 0 ? { providers, idHashKey: config.insuranceIdHashKey } : undefined };
  },
});
