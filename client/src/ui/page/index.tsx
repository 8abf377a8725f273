import { useCallback, useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import { LARGE_FONT_CLASS, useLargeFont } from '../../a11y/large-font';
import { ActingForBanner } from '../../family/acting-for-banner';
import { cx } from '../press';
import { globalOverlays } from './global-overlays';
import { ModalLayerContext } from './modal-layer';
import type { PageProps } from './types';

export type { PageProps } from './types';
export { useModalLayer } from './modal-layer';
export { addGlobalOverlay } from './global-overlays';

/**
 * The root of every page: carries the app-wide presentation classes (large-font mode), since a
 * mini-program has no single DOM root to put them on, and hides the content from screen
 * readers while a sheet of `overlay` is open. A page acting for a relative (亲友代办) says so on top.
 */
export function Page({ className, children, overlay }: PageProps) {
  const { largeFont } = useLargeFont();
  const [open, setOpen] = useState(0);
  const track = useCallback((delta: 1 | -1) => setOpen((n) => Math.max(0, n + delta)), []);
  const layer = useMemo(() => ({ track }), [track]);
  return (
    <View className={cx('bm-page', largeFont && LARGE_FONT_CLASS, className)}>
      <ModalLayerContext.Provider value={layer}>
        <View className='bm-page__content' aria-hidden={open > 0 ? 'true' : undefined}>
          <ActingForBanner />
          {children}
        </View>
        {overlay}
        {globalOverlays().map((Overlay, i) => (
          <Overlay key={`global-${i}`} />
        ))}
      </ModalLayerContext.Provider>
    </View>
  );
}
