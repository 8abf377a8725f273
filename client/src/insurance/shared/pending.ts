import Taro from '@tarojs/taro';

/**
 * The face check leaves the app (h5: FaceID's page; weapp: WeChat's face check) and comes back
 * to a page that may have been reloaded: what it needs to pick up is kept in storage — the
 * verification's id and where to return, never the name or ID number.
 */
const KEY = 'bianmin.insurance.pendingVerification';

export interface PendingVerification {
  verificationId: string;
  returnTo: string;
}

export function readPending(): PendingVerification | null {
  try {
    const v = Taro.getStorageSync(KEY) as unknown;
    if (v && typeof v === 'object' && typeof (v as PendingVerification).verificationId === 'string' && typeof (v as PendingVerification).returnTo === 'string') {
      return v as PendingVerification;
    }
  } catch {
    // Storage unreadable: start over with the form.
  }
  return null;
}

export function writePending(p: PendingVerification): void {
  try {
    Taro.setStorageSync(KEY, p);
  } catch {
    // Not kept: coming back, the page asks the server for the latest verification anyway.
  }
}

export function clearPending(): void {
  try {
    Taro.removeStorageSync(KEY);
  } catch {
    // Nothing to clear.
  }
}
