import type { VerifyResult } from '@bianmin/core';
import type { FaceStepOutcome } from './face-step';

export type { FaceStepOutcome } from './face-step';

/**
 * h5: FaceID's h5 page (the FaceID sandbox's page locally) in place of the app, as FaceID's h5
 * flow works: the page sends the resident back when the check ends (to `RedirectUrl` when the
 * function is configured with one, else back in history). The app page that comes back finds the
 * pending verification in storage and asks the server for the result.
 */
export async function openFaceCheck(started: VerifyResult): Promise<FaceStepOutcome> {
  window.location.assign(started.url);
  return 'left';
}

/** FaceID's h5 page works in any browser. */
export function faceCheckAvailable(): boolean {
  return true;
}
