import type { ReactNode } from 'react';
import { Text } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/** The small print under a card or a form: a rule, what happens next, where to complain. Still 4.5:1 and 12 CSS px at least. */
export function Fineprint({ children, className }: { children?: ReactNode; className?: string }) {
  return <Text className={cx('bm-fineprint', className)}>{children}</Text>;
}
