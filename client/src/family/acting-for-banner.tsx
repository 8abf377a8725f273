import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { actingForOfPage, actingLabel } from './acting-for';
import './acting-for-banner.css';

/**
 * "正在为 妈妈 代办" at the top of every page that acts for a relative (the page kit renders it),
 * so a helper never mistakes the relative's bill for their own. A polite live region: a screen
 * reader says it once when the page opens.
 */
export function ActingForBanner() {
  const [linkId, setLinkId] = useState<string | null>(() => actingForOfPage());
  useDidShow(() => setLinkId(actingForOfPage()));
  if (!linkId) return null;
  const who = actingLabel(linkId) ?? '亲友';
  return (
    <View className='bm-acting-for' role='status' aria-live='polite' data-link-id={linkId}>
      <Text className='bm-acting-for__text'>{`正在为 ${who} 代办`}</Text>
      <Text className='bm-acting-for__hint'>查询和缴费都记在对方名下，对方能看到您的每一次操作</Text>
    </View>
  );
}
