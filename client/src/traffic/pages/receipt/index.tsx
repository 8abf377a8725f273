import { type ReactNode, useRef } from 'react';
import { formatDateTime, formatFen } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import type { TrafficOrderView } from '@bianmin/core';
import { ApiError, callFunction, type ApiError as ApiErrorType } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Notice, Page, PageHeader, StateView } from '../../../ui';
import { moneySplit, orderStatusInfo } from '../../shared/format';
import { backTo, PATHS, violationsUrl } from '../../shared/nav';
import { Row } from '../../shared/ui';
import '../../shared/traffic.css';
import './index.css';

/**
 * How often to ask again while the payment notification and the posting to the traffic police
 * are on their way; after the last step the page stops and offers a refresh (the server keeps trying).
 */
const POLL_PLAN = [
  { untilMs: 15_000, everyMs: 1_500 },
  { untilMs: 60_000, everyMs: 4_000 },
  { untilMs: 180_000, everyMs: 10_000 },
];
const FINAL = new Set(['settled', 'closed', 'refunded']);

function nextDelay(waitedMs: number): number | null {
  return POLL_PLAN.find((p) => waitedMs < p.untilMs)?.everyMs ?? null;
}

/** The receipt of a fine (`?orderId=…&paid=1`): the order as the server has it. The shared 我的订单 links here. */
export default function Receipt() {
  const router = useRouter();
  const orderId = router.params.orderId ?? '';
  const justPaid = router.params.paid === '1';
  const startedAt = useRef(Date.now());
  useDidShow(() => {
    startedAt.current = Date.now();
  });

  const next = (order: TrafficOrderView | null, error: ApiErrorType | null): number | null => {
    if (order && (FINAL.has(order.status) || (order.status === 'pending' && !justPaid))) return null;
    if (!order && error && !error.retryable) return null;
    return nextDelay(Date.now() - startedAt.current);
  };
  const lastOrder = useRef<TrafficOrderView | null>(null);
  const remote = useRemote(
    async () => {
      if (!orderId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少订单号，请从“我的订单”查看。', retryable: false });
      return (await callFunction('traffic', { action: 'order', orderId })).order;
    },
    { key: orderId, refreshMs: (order, error) => next(order ?? lastOrder.current, error) },
  );
  lastOrder.current = remote.data;
  const restart = () => {
    startedAt.current = Date.now();
    return remote.reload();
  };

  const order = remote.data;
  const polling = remote.loading || (order ? next(order, null) !== null : false);
  const goViolations = () => {
    const url = order?.vehicleId ? violationsUrl(order.vehicleId) : PATHS.vehicles;
    void backTo(order?.vehicleId ? PATHS.violations : PATHS.vehicles, url);
  };
  const actions = (
    <View className='bm-traffic-actions'>
      <Button className='bm-traffic-receipt__back' onPress={goViolations}>
        {order?.vehicleId ? '返回这辆车的违法记录' : '返回我的车辆'}
      </Button>
      <Button className='bm-traffic-receipt__orders' variant='secondary' onPress={() => void backTo(PATHS.orders, PATHS.orders)}>
        我的订单
      </Button>
    </View>
  );

  return (
    <Page className='bm-traffic-page bm-traffic-receipt'>
      <PageHeader className='bm-traffic-receipt__header' title='缴款凭证' />
      {!order && !remote.error ? (
        <View className='bm-traffic-receipt__hero bm-traffic-receipt__hero--pending' role='status' ariaRole='status'>
          <View className='bm-traffic-receipt__icon' aria-hidden='true'>
            <Text>…</Text>
          </View>
          <Text className='bm-traffic-receipt__status'>正在查询支付结果…</Text>
        </View>
      ) : null}
      {!order && remote.error ? (
        <View className='bm-traffic-body bm-traffic-receipt__error-body'>
          <StateView kind='error' prefix='bm-traffic-receipt' title='订单暂时查不到' message={remote.error.message} retrying={remote.loading} onRetry={() => void restart()} />
          {actions}
        </View>
      ) : null}
      {order ? <Body order={order} polling={polling} justPaid={justPaid} onRefresh={restart} actions={actions} /> : null}
    </Page>
  );
}

function Body({ order, polling, justPaid, onRefresh, actions }: { order: TrafficOrderView; polling: boolean; justPaid: boolean; onRefresh(): Promise<void>; actions: ReactNode }) {
  const status = orderStatusInfo(order.status);
  const confirming = order.status === 'pending' && justPaid;
  const title = confirming ? (polling ? '正在确认支付结果…' : '尚未收到支付结果') : status.label;
  const hint = confirming
    ? polling
      ? '正在等待微信支付的结果通知，通常几秒内完成，请不要重复支付。'
      : '暂未收到支付结果。如果您已付款，系统收到通知后会自动确认，请勿重复支付；如果没有付款，订单会自动关闭。'
    : order.status === 'pending'
      ? `${status.hint}如需继续支付，请回到违法详情点“继续支付”。`
      : status.hint;
  const icon = order.status === 'settled' || order.status === 'paid' ? '✓' : order.status === 'closed' ? '✕' : order.status === 'refunded' || order.status === 'refund_pending' ? '↩' : '…';
  return (
    <>
      <View className={`bm-traffic-receipt__hero bm-traffic-receipt__hero--${order.status}`} data-status={order.status} role='status' ariaRole='status'>
        <View className='bm-traffic-receipt__icon' aria-hidden='true'>
          <Text>{icon}</Text>
        </View>
        <Text className='bm-traffic-receipt__status'>{title}</Text>
        <View className='bm-traffic-receipt__amount' ariaLabel={`金额 ${formatFen(order.amount)}`}>
          {formatFen(order.amount)}
        </View>
        <Text className='bm-traffic-receipt__hint'>{hint}</Text>
      </View>
      <View className='bm-traffic-body bm-traffic-receipt__body'>
        {order.status === 'paid' ? (
          <Notice tone='info' title='会自动销账，无需再缴' className='bm-traffic-receipt__posting'>
            {polling ? '罚款已付到本平台，正在送达交警销账，完成后这里会显示交警的回执号。' : '交警系统暂时没有回执，系统会自动重试直到销账成功，您不需要做任何事，也不要重复缴款。'}
          </Notice>
        ) : null}
        <Card className='bm-traffic-receipt__split'>
          <Row label='车辆' value={order.plateMasked} />
          <Row label='处罚决定书编号' value={order.decisionNo} className='bm-traffic-receipt__decision' />
          {moneySplit(order).map((r, i) => (
            <Row key={r.label} label={i === 2 ? (order.status === 'closed' ? '订单金额' : '实付金额') : r.label} value={r.value} tone={i === 2 ? 'strong' : i === 1 && order.lateFee > 0 ? 'money' : undefined} className={`bm-traffic-receipt__money-${i}`} />
          ))}
        </Card>
        {order.refund ? (
          <Notice tone='warn' title={order.refund.status === 'refunded' ? `${formatFen(order.refund.amount)} 已退回` : `${formatFen(order.refund.amount)} 正在退回`} className='bm-traffic-receipt__refund-notice'>
            罚款仍未缴纳，交警仍按当日金额（含加处罚款）计算。请回到这辆车的违法记录重新缴纳。
          </Notice>
        ) : null}
        {!polling && (confirming || order.status === 'paid') ? (
          <Button className='bm-traffic-receipt__refresh bm-traffic-card-gap' variant='secondary' onPress={onRefresh}>
            刷新结果
          </Button>
        ) : null}
        {actions}
        <Card className='bm-traffic-receipt__refs'>
          <Row label='状态' value={status.label} className='bm-traffic-receipt__status-row' />
          <Row label='订单号' value={order.orderId} className='bm-traffic-receipt__order-id' token />
          {order.transactionId ? <Row label='微信支付单号' value={order.transactionId} token /> : null}
          {order.departmentRef ? <Row label='交警回执号' value={order.departmentRef} className='bm-traffic-receipt__department-ref' token /> : null}
          <Row label='下单时间' value={formatDateTime(order.createdAt)} />
          {order.paidAt ? <Row label='支付时间' value={formatDateTime(order.paidAt)} /> : null}
          {order.settledAt ? <Row label='销账时间' value={formatDateTime(order.settledAt)} /> : null}
          {order.closedAt ? <Row label='关闭时间' value={formatDateTime(order.closedAt)} /> : null}
          {order.refund ? (
            <Row label={order.refund.status === 'refunded' ? '已退款' : '退款中'} value={formatFen(order.refund.amount)} className='bm-traffic-receipt__refund' />
          ) : null}
          {order.refundedAt ? <Row label='退款时间' value={formatDateTime(order.refundedAt)} /> : null}
          {order.status === 'pending' ? <Row label='支付截止' value={formatDateTime(order.expiresAt)} /> : null}
        </Card>
      </View>
    </>
  );
}
