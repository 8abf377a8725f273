import { Button as NativeButton, Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { acceptUrl } from '../../flow';
import type { ShareProps } from './share-types';

/**
 * weapp: WeChat's share card to a chat, opening the accept page with the code filled in. Only a
 * native `<button open-type="share">` (or the menu) shares; the card's path carries the code.
 */
export function ShareInvite({ code, holderLabel }: ShareProps) {
  useShareAppMessage(() => ({ title: `邀请您为 ${holderLabel} 代办便民服务`, path: acceptUrl(code) }));
  return (
    <View className='bm-family-share'>
      <NativeButton className='bm-button bm-button--primary bm-family-share__button' openType='share' ariaLabel='发给亲友（微信好友）'>
        发给亲友（微信好友）
      </NativeButton>
      <Text className='bm-family-share__hint'>对方点开卡片即可接受，邀请码只能使用一次。</Text>
    </View>
  );
}
