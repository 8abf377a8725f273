import { AppError } from '@bianmin/core';
// One service only: the SDK's root import loads all of its services (~300 ms of cold start).
import { faceid } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid';
import type { Logger } from '../log';
import { sdkClientConfig, type TencentCloudConfig } from '../tencentcloud/config';
import { TENCENT_CLOUD_CALL_MS } from '../runtime/budgets';
import type { FaceFailure, FaceResult, FaceVerifier } from './port';

export interface TencentFaceOptions {
  /** The business flow configured in the FaceID console (慧眼 → 自助接入). */
  ruleId: string;
  /** Where FaceID's h5 page returns to when the check ends (h5 only). */
  redirectUrl?: string;
  log: Logger;
}

/**
 * Result codes of FaceID's h5 / mini-program flow (DetectInfoText.ErrCode), grouped by what a
 * resident can do about them. https://cloud.tencent.com/document/product/1007/31082
 */
const FAILURES: Array<[FaceFailure, number[]]> = [
  // 姓名和身份证号不匹配 / 姓名有误 / 身份证号有误 / 证件号码与传入不符
  ['identity_mismatch', [2006, 2002, 2003, 301]],
  // 未查询到身份信息或照片 / 照片分辨率过低
  ['no_identity_record', [2005, 2007, 2008, 2009]],
  // 无法判断为同一人（比对失败 / 相似度未达到通过阈值 / 疑似非活体）/ 人脸验证失败
  ['face_mismatch', [2015, 2016, 2011, 1003, 1004, 1005]],
  // 疑似非真人录制 / 引擎超时 / 网络不稳定 / 脸部未完整露出 / 多张人脸 / 像素太低
  ['liveness', [1001, 1002, 1007, 1008, 2010, 2012, 2013, 2014]],
];
/** 本次流程未完成: the resident left the check. */
const ABANDONED = 17;
/** Token 过期 */
const EXPIRED = 15;

function failureOf(code: number): FaceFailure {
  return FAILURES.find(([, codes]) => codes.includes(code))?.[0] ?? 'other';
}

/** Codes of the API (not of the check) that mean "FaceID is not answering properly now". */
const TRANSIENT = /^(InternalError|RequestLimitExceeded|ResourceUnavailable|ServiceUnavailable|FailedOperation\.(DbError|UnKnown|CompareSystemError|DetectEngineSystemError))/;

/**
 * Tencent Cloud FaceID (慧眼人脸核身) behind the FaceVerifier port: `DetectAuth` starts a check
 * (BizToken + the h5 URL), `GetDetectInfoEnhanced` reads its result on the server. Locally the
 * same client talks to the FaceID handlers on the Tencent Cloud sandbox.
 */
export function tencentFaceVerifier(cfg: TencentCloudConfig, o: TencentFaceOptions): FaceVerifier {
  const client = new faceid.v20180301.Client(sdkClientConfig(cfg, TENCENT_CLOUD_CALL_MS / 1000));

  const mapError = (e: unknown, action: string): AppError => {
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'string' && code.startsWith('AuthFailure')) {
      o.log.error({ action, code }, 'FaceID refused our credentials');
      return new AppError('INTERNAL', '实名认证服务配置有误，请稍后再试。');
    }
    if (typeof code !== 'string' || TRANSIENT.test(code)) {
      o.log.warn({ action, code: typeof code === 'string' ? code : 'network' }, 'FaceID unreachable');
      return new AppError('DEPARTMENT_UNAVAILABLE', '人脸认证服务暂时无法连接，请稍后再试。', { retryable: true, cause: e });
    }
    o.log.warn({ action, code }, 'FaceID refused the request');
    return new AppError('DEPARTMENT_ERROR', '人脸认证服务暂时无法受理，请稍后再试。', { retryable: true, cause: e });
  };

  return {
    method: 'faceid',
    async start({ idNumber, name, extra }) {
      let r;
      try {
        r = await client.DetectAuth({ RuleId: o.ruleId, IdCard: idNumber, Name: name, Extra: extra, ...(o.redirectUrl ? { RedirectUrl: o.redirectUrl } : {}) });
      } catch (e) {
        throw mapError(e, 'DetectAuth');
      }
      if (!r.BizToken || !r.Url) throw mapError({ code: 'InternalError' }, 'DetectAuth');
      return { session: r.BizToken, url: r.Url };
    },
    async result({ session: bizToken }): Promise<FaceResult> {
      let r;
      try {
        // InfoType 1: the text result only; no photos or video of the resident are fetched or kept.
        r = await client.GetDetectInfoEnhanced({ BizToken: bizToken, RuleId: o.ruleId, InfoType: '1' });
      } catch (e) {
        throw mapError(e, 'GetDetectInfoEnhanced');
      }
      const code = r.Text?.ErrCode;
      if (code === null || code === undefined) return { state: 'pending' };
      if (code === 0) {
        if (!r.Text?.IdCard || !r.Text?.Name) return { state: 'failed', code: 'NO_IDENTITY', reason: 'other' };
        return { state: 'passed', verified: { idNumber: r.Text.IdCard, name: r.Text.Name } };
      }
      if (code === ABANDONED) return { state: 'abandoned' };
      if (code === EXPIRED) return { state: 'expired' };
      return { state: 'failed', code: String(code), reason: failureOf(code) };
    },
  };
}
