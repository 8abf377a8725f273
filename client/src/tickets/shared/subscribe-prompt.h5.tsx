import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { Button, Sheet } from '../../ui';
import type * as Weapp from './subscribe-prompt';
import { answerSubscription, subscribeSubscription, subscriptionAsked } from './subscribe-store';

/**
 * h5 only: the local stand-in for WeChat's subscribe-message prompt, asked when a ticket is filed.
 * Labelled as a stand-in so nobody takes it for WeChat's; its answer goes to the server like the
 * real prompt's (tickets.subscribed).
 */
export const SubscribePrompt: typeof Weapp.SubscribePrompt = () => {
  const [asked, setAsked] = useState(subscriptionAsked);
  useEffect(() => subscribeSubscription(() => setAsked(subscriptionAsked())), []);
  return (
    <Sheet
      visible={asked}
      title='接收 12345 办理进度通知'
      className='bm-tk-subscribe-sheet'
      onClose={() => answerSubscription('reject')}
      tag={<Text className='bm-tk-subscribe-sheet__tag'>本地演示 · 代替微信的订阅消息弹窗</Text>}
      actions={
        <>
          <Button variant='plain' className='bm-tk-subscribe-sheet__reject' onPress={() => answerSubscription('reject')} label='拒绝接收进度通知'>
            拒绝
          </Button>
          <Button className='bm-sheet__main bm-tk-subscribe-sheet__allow' onPress={() => answerSubscription('accept')} label='允许接收进度通知'>
            允许
          </Button>
        </>
      }
    >
      <Text className='bm-tk-subscribe-sheet__text'>12345 答复你的诉求（或不予受理）时，便民通过微信服务通知告诉你一次。允许一次，通知一次；不允许也没关系，办理进度都会在“消息”里。</Text>
    </Sheet>
  );
};
