import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/**
 * 我的数据 at the foot of the hub, where a resident looks for their account: a link and nothing
 * more (the page and its code live in the me subpackage), styled as 我的诉求's row.
 */
export function MyDataEntry({ onOpen }: { onOpen: () => void }) {
  return (
    <View className='bm-card bm-hub-row bm-hub-my-data bm-focusable' {...pressable(onOpen, { role: 'link' })} ariaLabel='我的数据，查看、导出或删除' hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>我的数据</Text>
      <Text className='bm-hub-row__count'>查看、导出或删除 ›</Text>
    </View>
  );
}
