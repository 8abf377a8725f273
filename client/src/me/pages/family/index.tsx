import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FamilyListResult } from '@bianmin/core';
import { FAMILY_SCOPE_NAMES, type FamilyScope } from '@bianmin/core/family-scopes';
import { formatDateTime } from '@bianmin/core/date-time';
import { formatFen } from '@bianmin/core/money';
import { useState } from 'react';
import { callFunction, toApiError } from '../../../api';
import { rememberActingLabels } from '../../../family/acting-for';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, COLORS, Notice, Page, PageHeader, RemoteStatus, StateView } from '../../../ui';
import { actingUrl, PATHS } from '../../flow';
import './index.css';

const PAID_WORDS: Record<string, string> = { paid: '已支付', settled: '已缴清', refund_pending: '正在退款', refunded: '已退款' };

async function family(): Promise<FamilyListResult> {
  const list = await callFunction('me', { action: 'familyList' });
  // The banner of a page opened for a relative names them as the helper does (妈妈).
  rememberActingLabels(Object.fromEntries(list.helping.map((h) => [h.linkId, h.label])), { replace: true });
  return list;
}

const scopesText = (scopes: FamilyScope[]) => scopes.map((s) => FAMILY_SCOPE_NAMES[s]).join('、');

/**
 * 亲友代办: who helps me (and what they paid for me), whom I help (one tap to act for them in each
 * scope they gave), everything done for me, by whom and when; ending a link from either side.
 */
export default function Family() {
  const remote = useRemote(family);
  const [ending, setEnding] = useState<string | null>(null);
  const data = remote.data;

  const revoke = async (linkId: string, words: string) => {
    const { confirm } = await Taro.showModal({
      title: '解除代办',
      content: `${words}解除后立即生效，对方的下一次操作就会被拒绝；已经办过的事仍保留记录。`,
      confirmText: '解除',
      confirmColor: COLORS.danger,
      cancelText: '取消',
      cancelColor: COLORS.text,
    });
    if (!confirm) return;
    setEnding(linkId);
    try {
      await callFunction('me', { action: 'familyRevoke', linkId });
      void Taro.showToast({ title: '已解除', icon: 'success' });
      await remote.reload();
    } catch (e) {
      void Taro.showModal({ title: '解除没有成功', content: toApiError(e).message, showCancel: false, confirmText: '知道了', confirmColor: COLORS.primary });
    } finally {
      setEnding(null);
    }
  };

  const empty = data && data.helpers.length === 0 && data.helping.length === 0;

  return (
    <Page className='bm-family'>
      <PageHeader title='亲友代办' subtitle='让家人帮您缴费、查询，或帮家人办理' />
      <View className='bm-family-body'>
        <RemoteStatus remote={remote} prefix='bm-family' errorTitle='亲友代办暂时打不开' loading={{ label: '正在加载亲友代办…', count: 2, className: 'bm-family-loading' }} />

        <View className='bm-family-actions'>
          <Button className='bm-family-invite' onPress={() => void Taro.navigateTo({ url: PATHS.familyInvite })}>
            邀请亲友代办
          </Button>
          <Button variant='secondary' className='bm-family-accept' onPress={() => void Taro.navigateTo({ url: PATHS.familyAccept })}>
            输入邀请码
          </Button>
        </View>

        {empty ? <StateView kind='empty' className='bm-family-empty' icon='亲' title='还没有亲友代办' text='邀请家人后，对方可以在您授权的范围内帮您缴费、查询；您能看到对方办的每一件事，随时可以解除。' /> : null}

        {data && data.helping.length > 0 ? (
          <View className='bm-family-section' aria-label='我在帮谁代办'>
            <Text className='bm-family-section__title'>我在帮谁代办</Text>
            {data.helping.map((h) => (
              <Card key={h.linkId} className='bm-family-link bm-family-helping'>
                <Text className='bm-family-link__who'>{h.label}</Text>
                <Text className='bm-family-link__scopes'>{`可代办：${scopesText(h.scopes)}`}</Text>
                <View className='bm-family-link__go'>
                  {h.scopes.map((s) => (
                    <Button key={s} small className={`bm-family-act bm-family-act--${s}`} label={`为 ${h.label} 办理${FAMILY_SCOPE_NAMES[s]}`} onPress={() => void Taro.navigateTo({ url: actingUrl(s, h.linkId) })}>
                      {`为 ${h.label} 办理${FAMILY_SCOPE_NAMES[s]}`}
                    </Button>
                  ))}
                </View>
                <Button small variant='plain' className='bm-family-revoke' busy={ending === h.linkId} label={`不再为 ${h.label} 代办`} onPress={() => revoke(h.linkId, `您将不再为 ${h.label} 代办。`)}>
                  {`不再为 ${h.label} 代办`}
                </Button>
              </Card>
            ))}
          </View>
        ) : null}

        {data && data.helpers.length > 0 ? (
          <View className='bm-family-section' aria-label='谁在帮我代办'>
            <Text className='bm-family-section__title'>谁在帮我代办</Text>
            {data.helpers.map((h) => (
              <Card key={h.linkId} className='bm-family-link bm-family-helper'>
                <Text className='bm-family-link__who'>{h.label}</Text>
                <Text className='bm-family-link__scopes'>{`可代办：${scopesText(h.scopes)}`}</Text>
                <Text className='bm-family-link__since'>{`${formatDateTime(h.since)} 起`}</Text>
                {h.payments.length > 0 ? (
                  <View className='bm-family-payments'>
                    {h.payments.map((p) => (
                      <View key={p.orderId} className='bm-family-payment' data-order-id={p.orderId}>
                        <Text className='bm-family-payment__what'>{`由 ${h.label} 代缴 · ${p.what}`}</Text>
                        <Text className='bm-family-payment__amount'>{`${formatFen(p.amount)} · ${PAID_WORDS[p.status] ?? p.status} · ${formatDateTime(p.at)}`}</Text>
                      </View>
                    ))}
                  </View>
                ) : null}
                <Button small variant='danger' className='bm-family-revoke' busy={ending === h.linkId} label={`解除 ${h.label} 的代办`} onPress={() => revoke(h.linkId, `${h.label} 将不能再为您代办。`)}>
                  {`解除 ${h.label} 的代办`}
                </Button>
              </Card>
            ))}
          </View>
        ) : null}

        {data && data.actions.length > 0 ? (
          <View className='bm-family-section' aria-label='为我办过的事'>
            <Text className='bm-family-section__title'>为我办过的事</Text>
            <Card className='bm-family-log'>
              {data.actions.map((a, i) => (
                <View key={`${a.at}-${i}`} className='bm-family-log__item'>
                  <Text className='bm-family-log__what'>{`${a.who}：${a.what}`}</Text>
                  <Text className='bm-family-log__at'>{formatDateTime(a.at)}</Text>
                </View>
              ))}
            </Card>
          </View>
        ) : null}

        {data && data.invites.length > 0 ? (
          <Notice tone='info' title={`${data.invites.length} 个邀请等待接受`} className='bm-family-open-invites'>
            {data.invites.map((i) => `${scopesText(i.scopes)}（${formatDateTime(i.expiresAt)} 前有效）`).join('；')}
          </Notice>
        ) : null}
      </View>
    </Page>
  );
}
