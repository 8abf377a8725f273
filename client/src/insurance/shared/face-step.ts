import type { FaceMethod, VerifyResult } from '@bianmin/core';

/** How the face check went from the phone's side; the result itself is only ever read by the server. */
export type FaceStepOutcome = 'returned' | 'left';

/** weapp runs WeChat's own face check (人脸核身 2.0): a government mini-program needs no SDK for it. */
export const FACE_METHOD: FaceMethod = 'wechat';
/** Who runs the check, as the page names it. */
export const FACE_PROVIDER_NAME = '微信人脸核身';

interface RequestFacialVerify {
  (o: { verifyId: string; success(res: unknown): void; fail(err: unknown): void }): void;
}

/**
 * weapp: `wx.requestFacialVerify({ verifyId })` (base library ≥ 3.8.12) runs WeChat's face check
 * for the verify_id the server got from `getVerifyId`, and calls back when the resident is done —
 * passed, failed or cancelled alike ("success" only means the check ran). The page then asks the
 * server (`insurance.verification`), which asks WeChat (`queryVerifyInfo`): the callback is never
 * taken as the result. https://developers.weixin.qq.com/miniprogram/dev/api/open-api/face/wx.requestFacialVerify.html
 * The h5 build takes face-step.h5.ts (FaceID's h5 page).
 */
export async function openFaceCheck(started: VerifyResult): Promise<FaceStepOutcome> {
  const request = requestFacialVerify();
  if (!request || started.method !== 'wechat') return 'returned';
  await new Promise<void>((done) => {
    request({ verifyId: started.verifyId, success: () => done(), fail: () => done() });
  });
  return 'returned';
}

function requestFacialVerify(): RequestFacialVerify | null {
  const request = (globalThis as { wx?: { requestFacialVerify?: RequestFacialVerify } }).wx?.requestFacialVerify;
  return typeof request === 'function' ? request : null;
}

/**
 * Whether this WeChat can run the face check, asked before `insurance.verify` (each start is a
 * billed check): false on a base library older than 3.8.12, where the page asks the resident to
 * update WeChat.
 */
export function faceCheckAvailable(): boolean {
  return requestFacialVerify() !== null;
}

/** What the page says when `faceCheckAvailable()` is false. */
export const FACE_CHECK_UNAVAILABLE = { title: '请先更新微信', message: '当前微信版本不支持人脸核身。请将微信更新到最新版本后再来认证。' };
