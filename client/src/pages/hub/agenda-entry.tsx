import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/** 我的待办 on top of the hub: a link and a count (the list itself lives in the me subpackage). */
export function AgendaEntry({ count, onOpen }: { count: number; onOpen: () => void }) {
  const said = count > 0 ? `${count} 项待处理` : '暂无待办';
  return (
    <View className='bm-card bm-hub-row bm-hub-agenda bm-focusable' {...pressable(onOpen)} ariaLabel={`我的待办，${said}`} hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>我的待办</Text>
      <Text className={`bm-hub-row__count ${count > 0 ? 'bm-hub-row__count--rate' : ''}`}>{said} ›</Text>
    </View>
  );
}
