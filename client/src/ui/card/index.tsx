import { View } from '@tarojs/components';
import { cx } from '../press';
import type { CardProps } from './types';
import './index.css';

export type { CardProps } from './types';

/** A white card on the page's grey, optionally headed. */
export function Card({ title, children, className }: CardProps) {
  return (
    <View className={cx('bm-card', className)}>
      {title ? <CardTitle>{title}</CardTitle> : null}
      {children}
    </View>
  );
}

/** A section heading with the brand bar at its left (cards, hub categories). */
export function CardTitle({ children, className }: { children?: CardProps['children']; className?: string }) {
  return (
    <View className={cx('bm-card__title', className)} role='heading' ariaRole='heading' aria-level='2'>
      {children}
    </View>
  );
}
