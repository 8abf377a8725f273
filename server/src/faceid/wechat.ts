import { AppError } from '@bianmin/core';
import { createHash } from 'node:crypto';
import type { Logger } from '../log';
import { type WeChatApi, WeChatApiError, WeChatUnreachableError } from '../wechat/api';
import type { FaceFailure, FaceResult, FaceVerifier } from './port';

/**
 * WeChat 人脸核身 2.0 behind the FaceVerifier port, for a government mini-program: `getVerifyId`
 * with the person's name and ID number and the resident's openid starts a check, the mini-program
 * runs `wx.requestFacialVerify({ verifyId })`, and `queryVerifyInfo` — with the same out_seq_no and
 * openid, and the cert_hash of the same identity — reads the result on the server. Whatever the
 * phone says, only `verify_ret` 10000 from `queryVerifyInfo` is a pass.
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_getverifyid
 * https://developers.weixin.qq.com/miniprogram/dev/server/API/face/api_queryverifyinfo
 */
export const GET_VERIFY_ID = '/cityservice/face/identify/getverifyid';
export const QUERY_VERIFY_INFO = '/cityservice/face/identify/queryverifyinfo';
export const CERT_TYPE_ID_CARD = 'IDENTITY_CARD';
/** verify_ret: 识别成功. */
export const VERIFY_PASSED = 10000;

/**
 * WeChat's digest of the identity a check was started for: each of cert_type, cert_name and
 * cert_no in standard base64, joined as `cert_type=…&cert_name=…&cert_no=…`, SHA-256 in lower-case
 * hex. (WeChat's worked example: IDENTITY_CARD / 张三 / 310101199801011234 →
 * 3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b; certHash.test.ts.)
 */
export function certHash(certType: string, certName: string, certNo: string): string {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return createHash('sha256').update(`cert_type=${b64(certType)}&cert_name=${b64(certName)}&cert_no=${b64(certNo)}`).digest('hex');
}

/** verify_ret values by what a resident can do about them (the 9xxxx come from the phone's side). */
const FAILURES: Array<[FaceFailure, number[]]> = [
  // 身份证号不匹配
  ['identity_mismatch', [10003]],
  // 比对人脸信息不匹配
  ['face_mismatch', [10004]],
  // 人脸特征检测失败 / 人脸数据采集无效 / 识别过程超时 / 人脸追踪失败 / 用户检测超时
  ['liveness', [10002, 90011, 90013, 90014, 90017, 90023, 90107]],
  // 设备不支持人脸检测 / 相机、麦克风权限未授权 / 相机失败
  ['device', [90001, 90008, 90009, 90010, 90106, 90109]],
];
/** 用户取消 (tutorial, initialisation, during, upload, release) / 用户在确认页退出. */
const CANCELLED = new Set([90002, 90003, 90004, 90005, 90006, 90024]);
/** invalid identify id: WeChat does not know this verify_id (any more: it lives 3600 s). */
const UNKNOWN_VERIFY_ID = 84001;
/** Our appid or secret is wrong: a configuration error, never the resident's. */
const BAD_CREDENTIALS = new Set([40013, 40125, 40164, 41004]);

const failureOf = (ret: number): FaceFailure => FAILURES.find(([, codes]) => codes.includes(ret))?.[0] ?? 'other';

export function weChatFaceVerifier(api: WeChatApi, o: { log: Logger }): FaceVerifier {
  const mapError = (e: unknown, action: string): AppError => {
    if (e instanceof WeChatApiError && BAD_CREDENTIALS.has(e.errcode)) {
      o.log.error({ action, errcode: e.errcode }, 'WeChat refused our appid or secret');
      return new AppError('INTERNAL', '实名认证服务配置有误，请稍后再试。');
    }
    if (e instanceof WeChatApiError && e.errcode !== -1) {
      o.log.warn({ action, errcode: e.errcode }, 'WeChat face verification refused the request');
      return new AppError('DEPARTMENT_ERROR', '微信人脸核身暂时无法受理，请稍后再试。', { retryable: true, cause: e });
    }
    o.log.warn({ action, reason: e instanceof WeChatUnreachableError ? e.detail : e instanceof WeChatApiError ? 'system busy' : 'unknown' }, 'WeChat face verification unreachable');
    return new AppError('DEPARTMENT_UNAVAILABLE', '微信人脸核身服务暂时无法连接，请稍后再试。', { retryable: true, cause: e });
  };

  return {
    method: 'wechat',
    async start({ reference, openid, idNumber, name }) {
      let r;
      try {
        r = await api.post(GET_VERIFY_ID, { out_seq_no: reference, cert_info: { cert_type: CERT_TYPE_ID_CARD, cert_name: name, cert_no: idNumber }, openid });
      } catch (e) {
        throw mapError(e, 'getVerifyId');
      }
      if (typeof r.verify_id !== 'string' || !r.verify_id) throw mapError(new WeChatUnreachableError(GET_VERIFY_ID, 'no verify_id'), 'getVerifyId');
      return { session: r.verify_id, secret: certHash(CERT_TYPE_ID_CARD, name, idNumber) };
    },
    async result({ session, reference, openid, secret }): Promise<FaceResult> {
      if (!secret) throw new AppError('INTERNAL', '实名认证记录不完整，请重新认证。');
      let r;
      try {
        r = await api.post(QUERY_VERIFY_INFO, { verify_id: session, out_seq_no: reference, cert_hash: secret, openid });
      } catch (e) {
        if (e instanceof WeChatApiError && e.errcode === UNKNOWN_VERIFY_ID) {
          o.log.warn({ action: 'queryVerifyInfo', errcode: e.errcode }, 'WeChat no longer knows this verify_id');
          return { state: 'expired' };
        }
        throw mapError(e, 'queryVerifyInfo');
      }
      // WeChat documents no "not finished yet" answer: anything without a verify_ret is pending,
      // never a pass.
      const ret = r.verify_ret;
      if (typeof ret !== 'number') return { state: 'pending' };
      if (ret === VERIFY_PASSED) return { state: 'passed', verified: 'as_asked' };
      if (CANCELLED.has(ret)) return { state: 'abandoned' };
      return { state: 'failed', code: String(ret), reason: failureOf(ret) };
    },
  };
}
