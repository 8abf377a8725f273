import Taro from '@tarojs/taro';
import type { VerifyResult } from '@bianmin/core';
import { COLORS } from '../../ui/tokens';

/** How the face check went from the phone's side; the result itself is only ever read by the server. */
export type FaceStepOutcome = 'returned' | 'left';

/** 慧眼's mini-program SDK (verify_mpsdk), once `Verify.init()` has run in App.onLaunch, adds this to `wx`. */
interface StartVerify {
  (o: { data: { token: string }; success(res: unknown): void; fail(err: unknown): void }): void;
}

/**
 * weapp: Tencent Cloud FaceID's mini-program SDK (`wx.startVerify({ data: { token: BizToken } })`,
 * https://cloud.tencent.com/document/product/1007/31071) runs the face check inside the
 * mini-program and calls back when the resident is done — passed, failed or cancelled alike:
 * the page then asks the server (`insurance.verification`), which asks FaceID. The callback's
 * own "success" is never taken as the result.
 *
 * The SDK ships from the FaceID console, not npm: until it is added to the app (README, 社保查询),
 * `wx.startVerify` is missing and the resident is told so instead of being sent nowhere. The h5
 * build takes face-step.h5.ts (FaceID's h5 page) instead.
 */
export async function openFaceCheck(started: VerifyResult): Promise<FaceStepOutcome> {
  const start = (globalThis as { wx?: { startVerify?: StartVerify } }).wx?.startVerify;
  if (typeof start !== 'function') {
    await Taro.showModal({
      title: '暂时无法刷脸',
      content: '这个版本的小程序还没有接入人脸核身组件，暂时不能在手机上完成认证。请稍后更新小程序再试。',
      showCancel: false,
      confirmText: '知道了',
      confirmColor: COLORS.primary,
    });
    return 'returned';
  }
  await new Promise<void>((done) => {
    start({ data: { token: started.bizToken }, success: () => done(), fail: () => done() });
  });
  return 'returned';
}
