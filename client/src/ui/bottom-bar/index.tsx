import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/**
 * The bar fixed at a page's foot that holds its one payment action (立即缴费, 立即缴款), with a
 * line above the button when something about it must be said first. The page adds
 * `bm-page--with-bar` so its content ends above the bar.
 */
export function BottomBar({ hint, children, className }: { hint?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <View className={cx('bm-bottom-bar', className)}>
      {typeof hint === 'string' ? <Text className='bm-bottom-bar__hint'>{hint}</Text> : hint}
      {children}
    </View>
  );
}
