import { Text, View } from '@tarojs/components';
import { useLargeFont } from '../../a11y/large-font';
import './index.css';

/** The 大字模式 switch. Its state is written out (开/关), not shown by colour or position alone. */
export function LargeFontToggle({ className }: { className?: string }) {
  const { largeFont, toggleLargeFont } = useLargeFont();
  return (
    <View
      className={`large-font-toggle ${largeFont ? 'large-font-toggle--on' : ''} ${className ?? ''}`}
      role='switch'
      ariaRole='switch'
      aria-checked={largeFont}
      ariaLabel={largeFont ? '大字模式，已开启，点按关闭' : '大字模式，已关闭，点按开启'}
      hoverClass='large-font-toggle--pressed'
      onClick={toggleLargeFont}
    >
      <Text className='large-font-toggle__glyph'>A</Text>
      <Text className='large-font-toggle__text'>大字模式</Text>
      <View className='large-font-toggle__state'>
        <Text>{largeFont ? '开' : '关'}</Text>
      </View>
    </View>
  );
}
