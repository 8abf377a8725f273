import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/**
 * The public status page's door at the foot of the hub, styled as 我的诉求's row: the kit's
 * LinkRow would bring its component and styles into the main package (~1.5 KB) for one row.
 */
export function StatusEntry({ onOpen }: { onOpen: () => void }) {
  return (
    <View className='bm-card bm-hub-row bm-hub-status-entry bm-focusable' {...pressable(onOpen, { role: 'link' })} ariaLabel='各部门服务状态，停办与中断记录' hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>各部门服务状态</Text>
      <Text className='bm-hub-row__count'>停办与中断记录 ›</Text>
    </View>
  );
}
