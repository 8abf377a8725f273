import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/** ok: done; progress: under way; warn: needs the resident; danger: owed, overdue, refused; muted: closed, nothing to do; gap: no record. */
export type PillTone = 'ok' | 'progress' | 'warn' | 'danger' | 'muted' | 'gap';

export interface StatusPillProps {
  tone: PillTone;
  /** A glyph of its own (✓ ! ↺ —), so the state never rests on colour alone; hidden from screen readers. */
  icon?: string;
  children: ReactNode;
  className?: string;
  /** The state's machine name, for tests and styles (`data-status`). */
  status?: string;
}

/** A state in words, in a tinted pill: the one look for an order's, a bill's, a violation's, a month's and a ticket's state. */
export function StatusPill({ tone, icon, children, className, status }: StatusPillProps) {
  return (
    <View className={cx('bm-status-pill', `bm-status-pill--${tone}`, className)} data-status={status}>
      {icon ? (
        <Text className='bm-status-pill__icon' aria-hidden='true'>
          {icon}
        </Text>
      ) : null}
      <Text className='bm-status-pill__text'>{children}</Text>
    </View>
  );
}
