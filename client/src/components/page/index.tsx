import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { LARGE_FONT_CLASS, useLargeFont } from '../../a11y/large-font';

/**
 * The root of every page: carries the app-wide presentation classes (large-font mode), since
 * a mini-program has no single DOM root to put them on.
 */
export function Page({ className, children }: PropsWithChildren<{ className?: string }>) {
  const { largeFont } = useLargeFont();
  const classes = ['bm-page', largeFont ? LARGE_FONT_CLASS : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
