import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/**
 * Elder-friendly large-font mode (大字模式). On weapp it follows the resident's WeChat font size
 * (我 → 设置 → 通用 → 字体大小, and iOS 关怀模式): a WeChat font at or above
 * SYSTEM_LARGE_FONT_PX turns it on by itself. The in-app switch stays, as an override kept on the
 * phone (and as the only source on h5, where there is no WeChat setting to read).
 *
 * Every page wraps its content in <Page>, which adds `bm-large-font` to its root, and app.css
 * derives font sizes and tap targets from CSS variables under that class. Pages that are already
 * open follow a change through the event centre; pages opened later read storage and WeChat.
 *
 * Why not `<page-meta page-font-size="system">`: it sets the font size the `page` element passes
 * down, and every text here takes its size from the type-scale tokens (rpx after Taro's
 * pxtransform) on `.bm-page`, which override anything inherited; it also needs
 * `enablePageMeta` in every page's config. The tokens switch instead, from WeChat's own number.
 */
const KEY = 'bianmin.a11y.largeFont';
const CHANGED = 'bianmin:large-font-changed';
export const LARGE_FONT_CLASS = 'bm-large-font';

/**
 * WeChat's font size (px, `wx.getAppBaseInfo().fontSizeSetting`) from which pages use the large
 * type scale. WeChat's standard is 17 px on iOS and 16 px on Android; iOS's steps are 18 / 19.5 /
 * 21 / 22 / 23.8 (关怀模式) on a 375-pt screen and 18.5 / 20 / 22 / 23.8 / 25.5 on a 414-pt one.
 * 19.5 is the second step up on either: one step is a slight preference, two a need.
 */
export const SYSTEM_LARGE_FONT_PX = 19.5;

interface AppBaseInfo {
  fontSizeSetting?: number;
}

/** WeChat's font size setting in px on weapp (base library ≥ 2.23.4); null on h5 or when WeChat does not say. */
export function weChatFontSize(): number | null {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    const info = (globalThis as { wx?: { getAppBaseInfo?: () => AppBaseInfo } }).wx?.getAppBaseInfo?.();
    return typeof info?.fontSizeSetting === 'number' && Number.isFinite(info.fontSizeSetting) ? info.fontSizeSetting : null;
  } catch {
    return null;
  }
}

/** The resident's own choice on the switch, or null: follow WeChat. */
export function readLargeFontOverride(): boolean | null {
  try {
    const v: unknown = Taro.getStorageSync(KEY);
    return v === true || v === false ? v : null;
  } catch {
    return null;
  }
}

/** Whether pages use the large type scale now: the switch if the resident set it, else WeChat's font size. */
export function readLargeFont(): boolean {
  const override = readLargeFontOverride();
  if (override !== null) return override;
  const px = weChatFontSize();
  return px !== null && px >= SYSTEM_LARGE_FONT_PX;
}

export function writeLargeFont(on: boolean): void {
  try {
    Taro.setStorageSync(KEY, on);
  } catch {
    // Not persisted this time; the change still applies to open pages.
  }
  applyToDocument(on);
  Taro.eventCenter.trigger(CHANGED, on);
}

/** h5: also mark <html>, so anything outside a page root (toasts, modals) grows too. */
function applyToDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle(LARGE_FONT_CLASS, on);
  }
}

export function useLargeFont(): { largeFont: boolean; setLargeFont: (on: boolean) => void; toggleLargeFont: () => void } {
  const [largeFont, setState] = useState(readLargeFont);

  useEffect(() => applyToDocument(largeFont), [largeFont]);

  useEffect(() => {
    const onChange = (on: boolean) => setState(on);
    Taro.eventCenter.on(CHANGED, onChange);
    return () => {
      Taro.eventCenter.off(CHANGED, onChange);
    };
  }, []);

  // Back from WeChat's settings with another font size: read it again.
  useDidShow(() => setState(readLargeFont()));

  const setLargeFont = useCallback((on: boolean) => writeLargeFont(on), []);
  const toggleLargeFont = useCallback(() => writeLargeFont(!readLargeFont()), []);
  return { largeFont, setLargeFont, toggleLargeFont };
}
