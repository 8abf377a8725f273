import Taro from '@tarojs/taro';
import { answerConsent, pendingConsent, subscribeConsent } from './consent';
import { CONSENT_KEY, withConsent } from './gate.h5';
import { declaredInfoTypes } from './info-types';

/** Resolves once the consent sheet would be showing. */
const asked = () => new Promise<void>((done) => {
  if (pendingConsent()) return done();
  const stop = subscribeConsent(() => {
    if (pendingConsent()) {
      stop();
      done();
    }
  });
});

// taro-h5's storage under jest is not the browser's: a Map with the same three calls.
const storage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  },
}));

beforeEach(() => storage.clear());

describe('the h5 stand-in for WeChat’s privacy interception', () => {
  it('asks before the first call, runs it once agreed, keeps the agreement and does not ask again', async () => {
    const call = jest.fn().mockResolvedValue('picked');
    const first = withConsent('chooseMedia', call);
    await asked();
    expect(pendingConsent()).toEqual({ api: 'chooseMedia' });
    expect(call).not.toHaveBeenCalled();
    answerConsent(true);
    await expect(first).resolves.toBe('picked');
    expect(Taro.getStorageSync(CONSENT_KEY)).toMatchObject({ infoTypes: declaredInfoTypes() });
    await expect(withConsent('chooseMedia', call)).resolves.toBe('picked');
    expect(pendingConsent()).toBeNull();
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('fails a refused call as WeChat does (errno 104), without running it or keeping anything', async () => {
    const call = jest.fn();
    const refused = withConsent('chooseMedia', call);
    await asked();
    answerConsent(false);
    await expect(refused).rejects.toEqual({ errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 });
    expect(call).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(CONSENT_KEY)).toBe('');
  });

  it('asks again when the guide declares a type the resident has not agreed to (as WeChat does)', async () => {
    Taro.setStorageSync(CONSENT_KEY, { agreedAt: '2026-03-10T12:00:00+08:00', infoTypes: ['选中的照片或视频信息'] });
    const again = withConsent('chooseMedia', async () => 'ok');
    await asked();
    answerConsent(true);
    await expect(again).resolves.toBe('ok');
  });
});
