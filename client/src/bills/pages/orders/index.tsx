import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { FamilyPaymentNote, OrderHistory, OrderView, TrafficOrderView } from '@bianmin/core';
import { formatDateTime, formatFen } from '@bianmin/core/format';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Glyph, Page, PageBody, PageHeader, pressable, RemoteStatus, StateView, StatusPill, Tabs } from '../../../ui';
import { KIND_INFO } from '../../shared/format';
import { FINE_POSTING, historyLabel, orderStatusWords, paidThrough, UTILITY_POSTING, type Posting } from '../../../payments/status';
import { householdsUrl, PATHS, resultUrl } from '../../flow';
import { backTo } from '../../../back-to';
import { orderTitle } from '../../shared/topup';
import '../../shared/bills.css';
import './index.css';

/**
 * The fines' receipt page, in the traffic subpackage. A path, not an import: a weapp subpackage
 * cannot load another subpackage's modules.
 */
const FINE_RECEIPT = '/traffic/pages/receipt/index';

type Entry = ({ flow: 'bills'; at: string; order: OrderView } | { flow: 'traffic'; at: string; order: TrafficOrderView }) & { family?: FamilyPaymentNote };

interface History {
  entries: Entry[];
}

const SHOW: Array<{ id: OrderHistory; name: string }> = [
  { id: 'paid', name: '已支付' },
  { id: 'all', name: '全部' },
];

/**
 * 我的订单: every payment made in the app, utility bills and traffic fines together, newest
 * first; each one opens its own receipt. The list is our own records of every payable kind
 * (payments.orders), so no department's maintenance hides part of it.
 * 已支付 (the default) lists payments that went through; 全部 adds the pending, cancelled and
 * refunded orders, each labelled with whether money was taken.
 */
export default function Orders() {
  const [show, setShow] = useState<OrderHistory>('paid');
  const orders = useRemote<History>(async () => {
    // One list of every kind, from our own records (payments.orders): no department can hide part of it.
    const { orders } = await callFunction('payments', { action: 'orders', show });
    const entries = orders.map((e) => ({ ...e, at: e.order.paidAt ?? e.order.createdAt }) as Entry);
    entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return { entries };
  }, { key: show });
  const list = orders.data?.entries;

  return (
    <Page className='bm-bills-orders'>
      <PageHeader title='我的订单' subtitle='水电燃气缴费、预存电费和交通罚款，最新的在最前' />
      <PageBody>
        <Tabs<OrderHistory> label='筛选订单：已支付，或全部（含未支付、已取消和已退款）' className='bm-bills-orders-show' tabs={SHOW} value={show} onChange={setShow} />

        <RemoteStatus remote={orders} prefix='bm-bills-orders' errorTitle='缴费记录暂时打不开' loading={{ label: '正在加载缴费记录…', count: 3, className: 'bm-bills-orders-loading' }} />

        {list && list.length === 0 && show === 'paid' ? (
          <StateView
            kind='empty'
            className='bm-bills-orders-empty bm-bills-orders-empty--paid'
            icon='单'
            title='还没有支付成功的订单'
            text='未支付、已取消和已退款的订单在“全部”里。'
            action={<Button onPress={() => setShow('all')}>看全部订单</Button>}
          />
        ) : null}

        {list && list.length === 0 && show === 'all' ? (
          <StateView
            kind='empty'
            className='bm-bills-orders-empty'
            icon='单'
            title='还没有缴费记录'
            text='缴水电燃气费或交通罚款后，每一笔都会记在这里，可随时查看回执。'
            action={<Button onPress={() => void backTo(PATHS.households, householdsUrl(null))}>去我的户号</Button>}
          />
        ) : null}

        {list ? list.map((e) => (e.flow === 'bills' ? <BillOrder key={e.order.orderId} o={e.order} family={e.family} /> : <FineOrder key={e.order.orderId} o={e.order} family={e.family} />)) : null}
      </PageBody>
    </Page>
  );
}

/** 亲友代办: a relative paid it for me (由 儿子 代缴), or I paid it for a relative (为 妈妈 代缴). */
const familyWords = (f: FamilyPaymentNote | undefined) => (f ? (f.role === 'for_me' ? `由 ${f.label} 代缴` : `为 ${f.label} 代缴`) : null);

function BillOrder({ o, family }: { o: OrderView; family?: FamilyPaymentNote }) {
  return (
    <OrderCard
      o={o}
      family={familyWords(family)}
      posting={UTILITY_POSTING}
      glyph={{ glyph: o.purpose === 'topup' ? '预' : KIND_INFO[o.kind].glyph, tone: o.kind }}
      title={orderTitle(o)}
      sub={`${o.providerName} · 户号 ${o.accountNoMasked}`}
      url={resultUrl(o.orderId)}
    />
  );
}

/** A fine's order: the same statuses as a bill's (pending → paid → settled, closed, or refunding → refunded). */
function FineOrder({ o, family }: { o: TrafficOrderView; family?: FamilyPaymentNote }) {
  return (
    <OrderCard
      o={o}
      family={familyWords(family)}
      posting={FINE_POSTING}
      glyph={{ glyph: '罚', tone: 'fine' }}
      title={`交通罚款 · ${o.plateMasked}`}
      sub={`决定书 ${o.decisionNo}`}
      url={`${FINE_RECEIPT}?orderId=${encodeURIComponent(o.orderId)}`}
      className='bm-bills-order--fine'
    />
  );
}

/** One order in the history, of any kind: what, for whom, how much, its state in words, when; it opens its own receipt. */
function OrderCard({ o, posting, glyph, title, sub, url, className, family }: { o: OrderView | TrafficOrderView; posting: Posting; glyph: { glyph: string; tone: string }; title: string; sub: string; url: string; className?: string; family?: string | null }) {
  const label = historyLabel(o.status, posting);
  const paid = paidThrough(o.status);
  return (
    <View
      className={`bm-card bm-bills-order bm-focusable ${paid ? '' : 'bm-bills-order--not-paid'} ${className ?? ''}`}
      data-order-id={o.orderId}
      data-status={o.status}
      {...pressable(() => void Taro.navigateTo({ url }))}
      ariaLabel={`${title}，${sub}${family ? `，${family}` : ''}，${formatFen(o.amount)}，${label}`}
      hoverClass='bm-pressed'
    >
      <View className='bm-bills-order__head'>
        <Glyph glyph={glyph.glyph} tone={glyph.tone} />
        <View className='bm-bills-order__what'>
          <Text className='bm-bills-order__title'>{title}</Text>
          <Text className='bm-bills-order__sub'>{sub}</Text>
          {family ? <Text className='bm-bills-order__sub bm-bills-order__family'>{family}</Text> : null}
        </View>
        <Text className='bm-bills-order__amount'>{formatFen(o.amount)}</Text>
      </View>
      <View className='bm-bills-order__foot'>
        <StatusPill tone={orderStatusWords(o.status, posting).tone} className='bm-bills-order__status'>
          {label}
        </StatusPill>
        <Text className='bm-bills-order__time'>{formatDateTime(o.paidAt ?? o.createdAt)}</Text>
      </View>
    </View>
  );
}
