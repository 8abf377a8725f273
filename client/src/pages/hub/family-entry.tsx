import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/** 亲友代办's door on the hub: one row, styled as the other rows (the page itself is in the me subpackage). */
export function FamilyEntry({ onOpen }: { onOpen: () => void }) {
  return (
    <View className='bm-card bm-hub-row bm-hub-family-entry bm-focusable' {...pressable(onOpen, { role: 'link' })} ariaLabel='亲友代办，帮家人缴费查询' hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>亲友代办</Text>
      <Text className='bm-hub-row__count'>帮家人缴费查询 ›</Text>
    </View>
  );
}
