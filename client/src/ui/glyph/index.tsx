import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/** One character in a coloured square (水 电 气 车 罚): the hub's tiles and every flow's cards; decorative, the words say it. */
export function Glyph({ glyph, tone, className }: { glyph: string; tone: string; className?: string }) {
  return (
    <View className={cx('bm-glyph', `bm-tone--${tone}`, className)} aria-hidden='true'>
      <Text>{glyph}</Text>
    </View>
  );
}
