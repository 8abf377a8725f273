import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

export interface MyTicketsCount {
  total: number;
  /** Answered and not yet rated by the resident. */
  toRate: number;
}

/** 我的诉求 under the 12345 tiles, with how many answers wait for the resident's rating, in words. */
export function MyTicketsEntry({ count, onOpen }: { count: MyTicketsCount; onOpen: () => void }) {
  const label = count.toRate > 0 ? `我的诉求，${count.toRate} 件待评价` : count.total > 0 ? `我的诉求，共 ${count.total} 件` : '我的诉求，还没有提交过';
  return (
    <View className='bm-card bm-hub-row bm-hub-my-tickets bm-focusable' {...pressable(onOpen)} ariaLabel={label} hoverClass='bm-hub-messages-entry--pressed'>
      <Text className='bm-hub-row__title'>我的诉求</Text>
      <Text className={`bm-hub-row__count ${count.toRate > 0 ? 'bm-hub-row__count--rate' : ''}`} data-to-rate={count.toRate}>
        {count.toRate > 0 ? `${count.toRate} 件待评价` : count.total > 0 ? `共 ${count.total} 件` : '查看进度'} ›
      </Text>
    </View>
  );
}
