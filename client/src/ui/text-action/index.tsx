import { View } from '@tarojs/components';
import { cx, pressable } from '../press';
import './index.css';

/**
 * A link-like action in running text or under a notice (查看办理时间): underlined, still a
 * 44 px target, and named by exactly its visible words.
 */
export function TextAction({ label, onPress, className }: { label: string; onPress(): void; className?: string }) {
  return (
    <View className={cx('bm-text-action', 'bm-focusable', className)} {...pressable(onPress)} ariaLabel={label} hoverClass='bm-text-action--pressed'>
      {label}
    </View>
  );
}
