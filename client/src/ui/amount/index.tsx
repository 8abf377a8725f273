import { formatFen } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/**
 * A sum said large, with what it is above it (应付金额 ¥400.00): the confirm sheets, a bill's
 * and a fine's amount due. One token: it never breaks inside ¥1,234.56.
 */
export function Amount({ label, fen, className, tone }: { label: string; fen: number; className?: string; tone?: 'danger' }) {
  return (
    <View className={cx('bm-amount', tone && `bm-amount--${tone}`, className)}>
      <Text className='bm-amount__label'>{label}</Text>
      <Text className='bm-amount__value'>{formatFen(fen)}</Text>
    </View>
  );
}
