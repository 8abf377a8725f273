import type { ComponentType } from 'react';

/**
 * Overlays every page carries, registered once at start-up by the app (app.ts): the privacy
 * consent sheet, which WeChat may ask for on whichever page calls a privacy API. Registered
 * rather than imported here, so the kit does not depend on the features that use it.
 */
const overlays: Array<ComponentType> = [];

export function addGlobalOverlay(overlay: ComponentType): void {
  if (!overlays.includes(overlay)) overlays.push(overlay);
}

export function globalOverlays(): readonly ComponentType[] {
  return overlays;
}
