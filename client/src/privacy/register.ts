import Taro from '@tarojs/taro';
import { askConsent, type ConsentResolve } from './consent';

type Listener = (resolve: ConsentResolve, eventInfo?: { referrer?: string }) => void;

let registered = false;

/**
 * weapp: hands WeChat's privacy interception to the consent sheet. Registered once, before any
 * page runs (app.ts): WeChat keeps one listener for the whole mini-program, and registering it
 * replaces WeChat's own popup. Below base library 2.32.3 the API does not exist and WeChat does
 * not intercept privacy calls at all: nothing to do there. Returns whether it is registered.
 */
export function registerPrivacyListener(): boolean {
  if (registered) return true;
  const on = (Taro as unknown as { onNeedPrivacyAuthorization?: (l: Listener) => void }).onNeedPrivacyAuthorization;
  if (typeof on !== 'function') return false;
  on((resolve, eventInfo) => askConsent(eventInfo?.referrer ?? '', resolve));
  registered = true;
  return true;
}
