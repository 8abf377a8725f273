import Taro from '@tarojs/taro';
import { askConsent } from './consent';
import { declaredInfoTypes } from './info-types';
import { privacyRefusedError } from './refusal';
import type * as Weapp from './gate';

/** Where h5 keeps the agreement, as WeChat keeps it per resident and mini-program. */
export const CONSENT_KEY = 'bianmin.privacy.consent';

interface Stored {
  agreedAt: string;
  /** The information types agreed to: when the guide declares a new one, WeChat asks again, and so do we. */
  infoTypes: string[];
}

function agreed(): boolean {
  try {
    const s = Taro.getStorageSync(CONSENT_KEY) as Stored | '';
    const now = declaredInfoTypes();
    return Boolean(s) && now.every((t) => (s as Stored).infoTypes.includes(t));
  } catch {
    return false;
  }
}

/**
 * h5: the stand-in for WeChat's interception. Before the first privacy API call (and again once
 * the guide declares something new) the consent sheet asks; agreeing is kept in storage, refusing
 * fails the call exactly as WeChat fails it (errno 104), so the page says the same thing.
 */
export const withConsent: typeof Weapp.withConsent = async (api, call) => {
  if (!agreed()) {
    const yes = await new Promise<boolean>((done) =>
      askConsent(api, (answer) => {
        if (answer.event !== 'exposureAuthorization') done(answer.event === 'agree');
      }),
    );
    if (!yes) throw privacyRefusedError(api);
    const stored: Stored = { agreedAt: new Date().toISOString(), infoTypes: declaredInfoTypes() };
    Taro.setStorageSync(CONSENT_KEY, stored);
  }
  return call();
};
