import type { FaceMethod, VerifyResult } from '@bianmin/core';
import type { FaceStepOutcome } from './face-step';

export type { FaceStepOutcome } from './face-step';

/**
 * h5: FaceID's h5 page (the FaceID sandbox's page locally) in place of the app, as FaceID's h5
 * flow works: the page sends the resident back when the check ends (to `RedirectUrl` when the
 * function is configured with one, else back in history). The app page that comes back finds the
 * pending verification in storage and asks the server for the result.
 */
export async function openFaceCheck(started: VerifyResult): Promise<FaceStepOutcome> {
  if (started.method !== 'faceid') return 'returned';
  window.location.assign(started.url);
  return 'left';
}

/** h5 runs Tencent 慧眼's h5 face check. */
export const FACE_METHOD: FaceMethod = 'faceid';
/** Who runs the check, as the page names it. */
export const FACE_PROVIDER_NAME = '腾讯云人脸核身';

/** Never shown on h5 (the page works in any browser); here so both builds export the same names. */
export const FACE_CHECK_UNAVAILABLE = { title: '暂时无法刷脸', message: '当前浏览器无法完成人脸核身，请换一个浏览器再试。' };

/** FaceID's h5 page works in any browser. */
export function faceCheckAvailable(): boolean {
  return true;
}
