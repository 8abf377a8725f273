import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/**
 * A door at the foot of the hub (各部门服务状态, 我的数据), styled as 我的诉求's row: the kit's
 * LinkRow would bring its component and styles into the main package (~1.5 KB), and one component
 * for both rows keeps the main package within its budget.
 */
export function HubLinkRow({ className, title, note, onOpen }: { className: string; title: string; note: string; onOpen: () => void }) {
  return (
    <View className={`bm-card bm-hub-row ${className} bm-focusable`} {...pressable(onOpen, { role: 'link' })} ariaLabel={`${title}，${note}`} hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>{title}</Text>
      <Text className='bm-hub-row__count'>{note} ›</Text>
    </View>
  );
}
