import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/**
 * Elder-friendly large-font mode (大字模式). One stored switch for the whole app: every page
 * wraps its content in <Page>, which adds `bm-large-font` to its root, and app.css derives
 * font sizes and tap targets from CSS variables under that class. Pages that are already
 * open follow a change through the event centre; pages opened later read storage.
 */
const KEY = 'bianmin.a11y.largeFont';
const CHANGED = 'bianmin:large-font-changed';
export const LARGE_FONT_CLASS = 'bm-large-font';

export function readLargeFont(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
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

  useDidShow(() => setState(readLargeFont()));

  const setLargeFont = useCallback((on: boolean) => writeLargeFont(on), []);
  const toggleLargeFont = useCallback(() => writeLargeFont(!readLargeFont()), []);
  return { largeFont, setLargeFont, toggleLargeFont };
}
