import type { ReactNode } from 'react';
import { formatDateTime, formatFen } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Notice } from '../../ui/notice';
import { Row } from '../../ui/row';
import { StateView } from '../../ui/state-view';
import { cx } from '../../ui/press';
import type { ReceiptImage } from '../receipt-image/layout';
import { SaveReceiptImage } from '../receipt-image/save-receipt';
import { orderStatusWords, type Posting, statusGlyph } from '../status';
import type { OrderPolling } from '../use-order-polling';
import './index.css';

/** What every kind's order tells its receipt (a bill's, a top-up's, a fine's). */
export interface ReceiptFacts {
  orderId: string;
  status: string;
  amount: number;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  settledAt?: string;
  closedAt?: string;
  refundedAt?: string;
  transactionId?: string;
  departmentRef?: string;
  refund?: { amount: number; status: string };
}

export interface ReceiptProps {
  order: ReceiptFacts;
  posting: Posting;
  /** 缴费单位回执号 / 交警回执号 */
  departmentRefLabel: string;
  justPaid: boolean;
  polling: boolean;
  onRefresh(): Promise<void>;
  /** A pending order looked up later: what to do about it (继续支付 below / 回到违法详情). */
  pendingHint?: string;
  /** The kind's notices above what was paid (还有 N 期待缴, the refund, 继续支付). */
  notices?: ReactNode;
  /** What was paid: the kind's own rows (months and late fees, the fine and its late fee, 余额). */
  details: ReactNode;
  /** The receipt as an image, once settled. */
  image?: { model: ReceiptImage; fileName: string } | null;
  /** Where to go from here (返回…, 我的订单). */
  actions: ReactNode;
}

/**
 * One receipt for every payable kind: the state in words with its glyph, the amount, what it
 * means; while the payment or its posting is on its way, that it will complete by itself; the
 * kind's own lines; the image to keep; and every number and time that identifies the payment.
 */
export function Receipt({ order, posting: p, departmentRefLabel, justPaid, polling, onRefresh, pendingHint, notices, details, image, actions }: ReceiptProps) {
  const words = orderStatusWords(order.status, p);
  const waiting = order.status === 'pending';
  const confirming = waiting && justPaid;
  const title = confirming ? (polling ? '正在确认支付结果…' : '尚未收到支付结果') : words.label;
  const hint = confirming
    ? polling
      ? '正在等待微信支付的结果通知，通常几秒内完成，请不要重复支付。'
      : '暂未收到支付结果。如果您已付款，系统收到通知后会自动确认，请勿重复支付；如果没有付款，订单会在到期后自动关闭。'
    : waiting && pendingHint
      ? `${words.hint}${pendingHint}`
      : words.hint;
  return (
    <>
      <View className={cx('bm-receipt__hero', `bm-receipt__hero--${order.status}`)} data-status={order.status} role='status' ariaRole='status'>
        <View className='bm-receipt__icon' aria-hidden='true'>
          <Text>{statusGlyph(order.status)}</Text>
        </View>
        <Text className='bm-receipt__status'>{title}</Text>
        <Text className='bm-receipt__amount'>{formatFen(order.amount)}</Text>
        <Text className='bm-receipt__hint'>{hint}</Text>
      </View>
      <View className='bm-body bm-receipt__body'>
        {order.status === 'paid' ? (
          <Notice tone='info' title={`会自动${p.verb}，无需再缴`} className='bm-receipt__posting'>
            {polling
              ? `钱已付到本平台，正在送达${p.to}${p.verb}。完成后这里会显示${p.to}的回执号。`
              : `${p.to}暂时没有回执，系统会自动重试直到${p.verb}成功，您不需要做任何事，也不要重复缴费。`}
          </Notice>
        ) : null}
        {notices}
        <Card className='bm-receipt__details'>{details}</Card>
        {image ? <SaveReceiptImage className='bm-receipt__image' image={image.model} fileName={image.fileName} /> : null}
        {!polling && (confirming || order.status === 'paid') ? (
          <Button className='bm-receipt__refresh' variant='secondary' onPress={onRefresh}>
            刷新结果
          </Button>
        ) : null}
        {actions}
        <Card className='bm-receipt__refs'>
          <Row label='状态' value={words.label} className='bm-receipt__status-row' />
          <Row label='订单号' value={order.orderId} className='bm-receipt__order-id' token />
          {order.transactionId ? <Row label='微信支付单号' value={order.transactionId} className='bm-receipt__transaction' token /> : null}
          {order.departmentRef ? <Row label={departmentRefLabel} value={order.departmentRef} className='bm-receipt__department-ref' token /> : null}
          <Row label='下单时间' value={formatDateTime(order.createdAt)} />
          {order.paidAt ? <Row label='支付时间' value={formatDateTime(order.paidAt)} /> : null}
          {order.settledAt ? <Row label={`${p.verb}时间`} value={formatDateTime(order.settledAt)} /> : null}
          {order.closedAt ? <Row label='关闭时间' value={formatDateTime(order.closedAt)} /> : null}
          {order.refund ? <Row label={order.refund.status === 'refunded' ? '已退款' : '退款中'} value={formatFen(order.refund.amount)} className='bm-receipt__refund' /> : null}
          {order.refundedAt ? <Row label='退款时间' value={formatDateTime(order.refundedAt)} /> : null}
          {waiting ? <Row label='支付截止' value={formatDateTime(order.expiresAt)} /> : null}
        </Card>
      </View>
    </>
  );
}

/**
 * A receipt page's states before there is an order to show: asking (the hero says so), a failed
 * first ask (why, a retry, and the ways out), then the receipt itself.
 */
export function ReceiptStates<O extends { status: string }>({ polling, actions, children }: { polling: OrderPolling<O>; actions: ReactNode; children(order: O): ReactNode }) {
  const { remote, restart } = polling;
  if (remote.data) return <>{children(remote.data)}</>;
  if (remote.error) {
    return (
      <View className='bm-body bm-receipt__error-body'>
        <StateView kind='error' prefix='bm-receipt' title='订单暂时查不到' message={remote.error.message} retrying={remote.loading} onRetry={() => void restart()} />
        {actions}
      </View>
    );
  }
  return (
    <View className='bm-receipt__hero bm-receipt__hero--pending' role='status' ariaRole='status'>
      <View className='bm-receipt__icon' aria-hidden='true'>
        <Text>…</Text>
      </View>
      <Text className='bm-receipt__status'>正在查询支付结果…</Text>
    </View>
  );
}

/** The way out of a receipt, stacked: the flow's own page first, then 我的订单. */
export function ReceiptActions({ children }: { children: ReactNode }) {
  return <View className='bm-receipt__actions'>{children}</View>;
}
