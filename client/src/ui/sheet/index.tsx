import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { useModalLayer } from '../page/modal-layer';
import { cx, pressable } from '../press';
import { SHEET_TAP_GUARD_MS, SheetGuardContext } from './guard';
import type { SheetProps } from './types';
import './index.css';

export type { SheetProps } from './types';

/**
 * The one bottom sheet (confirm a payment, the sandbox pay sheet, a service's hours). Our own
 * rather than NutUI's Popup: NutUI draws for a 375 design width and this app compiles at 750,
 * and the hub's sheet sits in the main package, where every kilobyte is downloaded by everyone.
 *
 * A dialog on both platforms: the page behind is hidden from screen readers while it is open
 * (see Page's `overlay`); on h5 focus moves into it on open and back where it was on close,
 * and Escape closes it.
 */
export function Sheet({ visible, title, label, tag, className, onClose, busy, footnote, actions, stacked, children, data }: SheetProps) {
  const panelId = `bm-sheet-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useModalLayer(visible);
  const close = useRef(onClose);
  close.current = busy ? () => undefined : onClose;
  // When it last opened: its buttons (the kit's Button reads the guard) ignore taps until SHEET_TAP_GUARD_MS later.
  const openedAt = useRef(0);
  const wasVisible = useRef(false);
  if (visible && !wasVisible.current) openedAt.current = Date.now();
  wasVisible.current = visible;
  const guarded = useCallback(() => Date.now() - openedAt.current < SHEET_TAP_GUARD_MS, []);
  // The same moment as a class, for the eye (buttons come up from dimmed) and for browser tests to wait on.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    setArmed(false);
    if (!visible) return undefined;
    const t = setTimeout(() => setArmed(true), SHEET_TAP_GUARD_MS);
    return () => clearTimeout(t);
  }, [visible]);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !visible || typeof document === 'undefined') return undefined;
    const before = document.activeElement as HTMLElement | null;
    // Taro's h5 components are custom elements that get their attributes (tabindex) a moment
    // after React mounts them: focus now, and again on the next frames until it holds.
    const panel = document.getElementById(panelId);
    const focusPanel = () => {
      if (panel?.isConnected && !panel.contains(document.activeElement)) panel.focus();
    };
    focusPanel();
    const frame = requestAnimationFrame(() => requestAnimationFrame(focusPanel));
    const late = setTimeout(focusPanel, 300);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(late);
      document.removeEventListener('keydown', onKey);
      before?.focus?.();
    };
  }, [visible, panelId]);

  if (!visible) return null;
  return (
    <View className='bm-sheet'>
      <View className='bm-sheet__mask' catchMove onClick={() => close.current()} aria-hidden='true' />
      <View
        id={panelId}
        className={cx('bm-sheet__panel', className)}
        role='dialog'
        ariaRole='dialog'
        aria-modal='true'
        ariaLabel={label ?? title}
        {...(process.env.TARO_ENV === 'h5' ? { tabindex: -1 } : {})}
        {...data}
      >
        <View className='bm-sheet__handle' aria-hidden='true' />
        <View className='bm-sheet__head'>
          <View className='bm-sheet__heading'>
            {tag}
            <View className='bm-sheet__title' role='heading' ariaRole='heading' aria-level='2'>
              {title}
            </View>
          </View>
          {busy ? null : (
            <View className='bm-sheet__close bm-focusable' {...pressable(() => close.current())} ariaLabel='关闭' hoverClass='bm-sheet__close--pressed'>
              <Text aria-hidden='true'>✕</Text>
            </View>
          )}
        </View>
        <ScrollView className='bm-sheet__body' scrollY>
          {children}
        </ScrollView>
        {footnote ? <View className='bm-sheet__footnote'>{footnote}</View> : null}
        {actions ? (
          <SheetGuardContext.Provider value={guarded}>
            <View className={cx('bm-sheet__actions', stacked && 'bm-sheet__actions--stacked', armed && 'bm-sheet__actions--armed')}>{actions}</View>
          </SheetGuardContext.Provider>
        ) : null}
      </View>
    </View>
  );
}
