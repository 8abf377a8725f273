import Taro from '@tarojs/taro';
import { readLargeFont, readLargeFontOverride, SYSTEM_LARGE_FONT_PX, weChatFontSize, writeLargeFont } from './large-font';

const g = globalThis as { wx?: unknown };
// The jest build of Taro (h5) has no storage: the phone's storage as a map.
const storage = new Map<string, unknown>();
Object.assign(Taro, {
  getStorageSync: (k: string) => storage.get(k) ?? '',
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
});

describe('large-font mode and WeChat’s font size', () => {
  const env = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = env;
    delete g.wx;
    storage.clear();
  });
  const onWeapp = (fontSizeSetting?: number) => {
    process.env.TARO_ENV = 'weapp';
    g.wx = { getAppBaseInfo: () => (fontSizeSetting === undefined ? {} : { fontSizeSetting }) };
  };

  it.each([
    [16, false],
    [17, false],
    [18.5, false],
    [SYSTEM_LARGE_FONT_PX, true],
    [23.8, true],
  ])('on weapp follows WeChat’s font size %p px → large %p while the resident has not chosen', (px, large) => {
    onWeapp(px);
    expect(weChatFontSize()).toBe(px);
    expect(readLargeFontOverride()).toBeNull();
    expect(readLargeFont()).toBe(large);
  });

  it('keeps the switch as an override in both directions', () => {
    onWeapp(23.8);
    writeLargeFont(false);
    expect(readLargeFont()).toBe(false);
    onWeapp(17);
    writeLargeFont(true);
    expect(readLargeFont()).toBe(true);
  });

  it('reads no WeChat setting on h5 (the switch alone), nor from an old base library', () => {
    process.env.TARO_ENV = 'h5';
    g.wx = { getAppBaseInfo: () => ({ fontSizeSetting: 30 }) };
    expect(weChatFontSize()).toBeNull();
    expect(readLargeFont()).toBe(false);
    onWeapp(undefined);
    expect(readLargeFont()).toBe(false);
    process.env.TARO_ENV = 'weapp';
    g.wx = { getAppBaseInfo: () => { throw new Error('getAppBaseInfo:fail'); } };
    expect(readLargeFont()).toBe(false);
  });
});
