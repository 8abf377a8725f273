import { Text, View } from '@tarojs/components';
import { useLargeFont } from '../../a11y/large-font';
import { cx, pressable } from '../../ui/press';
import './index.css';

/** The 大字模式 switch. Its state is written out (开/关), not shown by colour or position alone. */
export function LargeFontToggle({ className }: { className?: string }) {
  const { largeFont, toggleLargeFont } = useLargeFont();
  return (
    <View
      className={cx('bm-large-font-toggle', 'bm-focusable', largeFont && 'bm-large-font-toggle--on', className)}
      {...pressable(toggleLargeFont, { role: 'switch' })}
      aria-checked={largeFont}
      ariaLabel='大字模式'
      hoverClass='bm-large-font-toggle--pressed'
    >
      <Text className='bm-large-font-toggle__glyph' aria-hidden='true'>
        A
      </Text>
      <Text className='bm-large-font-toggle__text'>大字模式</Text>
      <View className='bm-large-font-toggle__state' aria-hidden='true'>
        <Text>{largeFont ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
