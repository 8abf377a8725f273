import type { VerifyResult } from '@bianmin/core';

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
 * `wx.startVerify` is missing, `faceCheckAvailable()` says so and the verify step tells the
 * resident instead of starting a check. The h5 build takes face-step.h5.ts (FaceID's h5 page).
 */
export async function openFaceCheck(started: VerifyResult): Promise<FaceStepOutcome> {
  const start = startVerify();
  if (!start) return 'returned';
  await new Promise<void>((done) => {
    start({ data: { token: started.bizToken }, success: () => done(), fail: () => done() });
  });
  return 'returned';
}

function startVerify(): StartVerify | null {
  const start = (globalThis as { wx?: { startVerify?: StartVerify } }).wx?.startVerify;
  return typeof start === 'function' ? start : null;
}

/**
 * Whether this build can run the face check at all, asked before `insurance.verify` (each start
 * is a billed FaceID call): false until 慧眼's SDK has been added to the mini-program.
 */
export function faceCheckAvailable(): boolean {
  return startVerify() !== null;
}
