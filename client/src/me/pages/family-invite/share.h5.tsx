import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../ui';
import { acceptUrl } from '../../flow';
import type { ShareProps } from './share-types';

/** h5's stand-in for WeChat's share card: the accept page's address with the code, to copy and send. */
export function ShareInvite({ code }: ShareProps) {
  const link = `${window.location.origin}${window.location.pathname}#${acceptUrl(code)}`;
  return (
    <View className='bm-family-share'>
      <Text className='bm-family-share__link' data-link={link}>
        {link}
      </Text>
      <Button className='bm-family-share__button' onPress={() => Taro.setClipboardData({ data: link })}>
        复制邀请链接
      </Button>
      <Text className='bm-family-share__hint'>在微信中是一张分享卡片；对方打开链接即可接受，邀请码只能使用一次。</Text>
    </View>
  );
}
