import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { Button } from '../ui/button';
import { pressable } from '../ui/press';
import { Sheet } from '../ui/sheet';
import { AgreeButton } from './agree-button';
import { answerConsent, exposeConsent, pendingConsent, subscribeConsent, type PendingConsent } from './consent';
import { PRIVACY_USES, privacyUse } from './info-types';
import './consent-sheet.css';

/** The consent sheet's state: what waits for an answer, on the page that is showing. */
function usePendingConsent(): PendingConsent | null {
  const [pending, setPending] = useState(pendingConsent);
  const [shown, setShown] = useState(true);
  useEffect(() => subscribeConsent(() => setPending(pendingConsent())), []);
  // Pages under the current one stay mounted (weapp's page stack, Taro's h5 router): only the
  // page in front asks, so there is one agree button the resident can see.
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  return shown ? pending : null;
}

/**
 * 用户隐私保护指引: asks before the first privacy API runs — what it needs and why, everything
 * the app handles, what refusing costs — with 同意 and 拒绝. Mounted on every page (the kit's Page,
 * through ui/page/global-overlays.ts), since WeChat asks on whichever page makes the call.
 */
export function PrivacyConsentSheet() {
  const pending = usePendingConsent();
  const use = pending ? privacyUse(pending.api) : undefined;
  useEffect(() => {
    if (pending) exposeConsent();
  }, [pending]);
  if (!pending) return null;
  const lead = use ? `${use.feature}需要你同意《便民隐私保护指引》中的“${use.infoType}”：${use.purpose}。` : '这项功能需要你先同意《便民隐私保护指引》。';
  return (
    <Sheet
      visible
      title='便民隐私保护指引'
      className='bm-privacy-sheet'
      onClose={() => answerConsent(false)}
      data={{ 'data-api': pending.api }}
      actions={
        <>
          <Button variant='plain' className='bm-privacy-sheet__refuse' onPress={() => answerConsent(false)} label='拒绝，不提供这些信息'>
            拒绝
          </Button>
          <AgreeButton onAgree={() => answerConsent(true)} />
        </>
      }
    >
      <Text className='bm-privacy-sheet__lead'>{lead}</Text>
      <Text className='bm-privacy-sheet__subtitle'>便民会处理的全部信息</Text>
      <View className='bm-privacy-sheet__list' role='list' ariaRole='list'>
        {PRIVACY_USES.map((u) => (
          <View key={u.api} className={`bm-privacy-sheet__item ${u === use ? 'bm-privacy-sheet__item--asked' : ''}`} role='listitem' ariaRole='listitem'>
            <Text className='bm-privacy-sheet__type'>{u.infoType}</Text>
            <Text className='bm-privacy-sheet__why'>{u.purpose}</Text>
          </View>
        ))}
      </View>
      <Text className='bm-privacy-sheet__refusal'>
        {`不同意也能继续缴费、查询和提交诉求，只是${use ? use.feature : '这项功能'}用不了。以后想用时再点一次，在这里选“同意”即可。`}
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='bm-privacy-sheet__contract bm-focusable' {...pressable(() => void Promise.resolve(Taro.openPrivacyContract({})).catch(() => undefined), { role: 'link' })}>
          阅读完整的《便民隐私保护指引》
        </View>
      ) : null}
    </Sheet>
  );
}
