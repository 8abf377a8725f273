import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

export interface RowProps {
  label: string;
  /** Omitted for a heading row whose text follows below it (a law article). */
  value?: ReactNode;
  tone?: 'strong' | 'money';
  /** `bm-row--total` for the sum under a list. */
  className?: string;
  /**
   * The value is a token (an order number) or tokens separated by spaces (receipt numbers): it
   * never breaks inside one, and when label and value do not fit on one line (large-font mode)
   * the value moves under the label.
   */
  token?: boolean;
}

/** One label / value line: the same on every receipt, bill, fine and balance. */
export function Row({ label, value, tone, className, token }: RowProps) {
  return (
    <View className={cx('bm-row', token && 'bm-row--token', className)}>
      <Text className='bm-row__label'>{label}</Text>
      {value === undefined ? null : <Text className={cx('bm-row__value', tone && `bm-row__value--${tone}`)}>{value}</Text>}
    </View>
  );
}
