import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { callFunction } from '../api';
import { actingForOfPage, actingLabel, rememberActingLabels } from './acting-for';
import './acting-for-banner.css';

/**
 * "正在为 妈妈 代办" at the top of every page that acts for a relative (the page kit renders it),
 * so a helper never mistakes the relative's bill for their own. A polite live region: a screen
 * reader says it once when the page opens.
 */
export function ActingForBanner() {
  const [linkId, setLinkId] = useState<string | null>(() => actingForOfPage());
  const [who, setWho] = useState<string | null>(() => (linkId ? actingLabel(linkId) : null));
  useDidShow(() => setLinkId(actingForOfPage()));
  // Opened from elsewhere (the agenda, a message): the name is asked once, then kept.
  useEffect(() => {
    if (!linkId) return;
    const known = actingLabel(linkId);
    if (known) return setWho(known);
    let alive = true;
    callFunction('me', { action: 'familyList' })
      .then((list) => {
        rememberActingLabels(Object.fromEntries(list.helping.map((h) => [h.linkId, h.label])), { replace: true });
        if (alive) setWho(actingLabel(linkId));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [linkId]);
  if (!linkId) return null;
  return (
    <View className='bm-acting-for' role='status' aria-live='polite' data-link-id={linkId}>
      <Text className='bm-acting-for__text'>{`正在为 ${who ?? '亲友'} 代办`}</Text>
      <Text className='bm-acting-for__hint'>查询和缴费都记在对方名下，对方能看到您的每一次操作</Text>
    </View>
  );
}
