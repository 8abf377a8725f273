import { Text, View } from '@tarojs/components';
import { pressable } from '../../ui/press';

/** The message centre's door in the hub header: the unread count in words, not a dot alone. */
export function MessagesEntry({ unread, onOpen }: { unread: number; onOpen: () => void }) {
  return (
    <View
      className={`bm-hub-messages-entry bm-focusable ${unread > 0 ? 'bm-hub-messages-entry--unread' : ''}`}
      {...pressable(onOpen)}
      ariaLabel={unread > 0 ? `消息，${unread} 条未读` : '消息，没有未读'}
      hoverClass='bm-hub-messages-entry--pressed'
    >
      <Text className='bm-hub-messages-entry__text'>消息</Text>
      {unread > 0 ? (
        <Text className='bm-hub-messages-entry__count' data-unread={unread}>
          {unread > 99 ? '99+' : unread}
        </Text>
      ) : null}
    </View>
  );
}
