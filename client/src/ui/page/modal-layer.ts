import { createContext, useContext, useEffect } from 'react';

/**
 * How an open sheet hides the page behind it from screen readers. `aria-modal` alone does that
 * on h5 only: WeChat's reader ignores it and would walk into the page under the mask, so the
 * page's content is marked `aria-hidden` while any sheet is open (both platforms).
 */
export interface ModalLayer {
  /** Called with +1 when a sheet opens and -1 when it closes. */
  track(delta: 1 | -1): void;
}

export const ModalLayerContext = createContext<ModalLayer | null>(null);

/** A sheet reports that it is open for as long as `open` is true. */
export function useModalLayer(open: boolean): void {
  const layer = useContext(ModalLayerContext);
  useEffect(() => {
    if (!open || !layer) return undefined;
    layer.track(1);
    return () => layer.track(-1);
  }, [open, layer]);
}
