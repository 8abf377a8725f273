import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { cx } from '../press';
import './body.css';

/**
 * A page's content under its header band. Cards overlap the band's foot; content that starts
 * with anything but a card (a list's group title) sits below the band (`flush`), never on it,
 * where dark text on the band's blue would be unreadable.
 */
export function PageBody({ children, flush, className }: { children?: ReactNode; flush?: boolean; className?: string }) {
  return <View className={cx('bm-body', flush && 'bm-body--flush', className)}>{children}</View>;
}
