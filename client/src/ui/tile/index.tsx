import { Text, View } from '@tarojs/components';
import { Glyph } from '../glyph';
import { cx, pressable } from '../press';
import type { TileProps } from './types';
import './index.css';

export type { TileProps } from './types';

/** A service on the hub: glyph, name, department and its status, pressable as one button. */
export function Tile({ glyph, tone, title, subtitle, status, label, onPress, className, data }: TileProps) {
  return (
    <View className={cx('bm-tile', 'bm-focusable', className)} {...pressable(onPress)} ariaLabel={label} hoverClass='bm-tile--pressed' {...data}>
      <View className='bm-tile__head'>
        <Glyph glyph={glyph} tone={tone} />
        <View className='bm-tile__body'>
          <Text className='bm-tile__title'>{title}</Text>
          {subtitle ? <Text className='bm-tile__subtitle'>{subtitle}</Text> : null}
        </View>
      </View>
      {status ? <View className='bm-tile__status'>{status}</View> : null}
    </View>
  );
}
