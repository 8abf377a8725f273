import { Text, View } from '@tarojs/components';
import { cx } from '../press';
import './index.css';

/** The large round glyph atop an empty, error or result state; decorative (the words say it). */
export function RoundIcon({ glyph, tone = 'info', className }: { glyph: string; tone?: 'info' | 'error'; className?: string }) {
  return (
    <View className={cx('bm-round-icon', `bm-round-icon--${tone}`, className)} aria-hidden='true'>
      <Text>{glyph}</Text>
    </View>
  );
}
