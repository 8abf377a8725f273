/**
 * The demo-resident picker exists only in the h5 build (index.h5.tsx, chosen by Taro's
 * platform-suffix resolution). In the mini-program the caller is the WeChat user, so this
 * stub renders nothing and none of the picker's code or styles reach the weapp package.
 */
import type { DevPanelProps } from './types';

export type { DevPanelProps } from './types';

export function DevPanel(_props: DevPanelProps) {
  return null;
}
