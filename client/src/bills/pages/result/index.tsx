import { type ReactNode, useRef } from 'react';
import { formatDateTime, formatFen, formatMonth } from '@bianmin/core/format';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { BillView, OrderView } from '@bianmin/core';
import { ApiError, callFunction, type ApiError as ApiErrorType } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { Button, Card, Notice, Page, PageHeader, StateView } from '../../../ui';
import { KIND_INFO, ORDER_STATUS } from '../../shared/format';
import { backTo, billUrl, householdsUrl, PATHS, resultUrl } from '../../shared/nav';
import { newIdempotencyKey } from '../../../payments/idempotency';
import { SandboxPaySheet } from '../../../payments/sandbox-pay-sheet';
import { useCheckout } from '../../../payments/use-checkout';
import { Row } from '../../shared/ui';
import { orderTitle } from '../../shared/topup';
import { billReceiptFileName, billReceiptImage } from '../../shared/receipt-image';
import { SaveReceiptImage } from '../../../payments/receipt-image/save-receipt';
import '../../shared/bills.css';
import './index.css';

/**
 * How often to ask again, by how long we have been waiting: the payment notification usually
 * lands within seconds; posting to the department may take longer when it is busy. After the
 * last step the page stops asking and offers a refresh button (the server keeps trying).
 */
const POLL_PLAN = [
  { untilMs: 15_000, everyMs: 1_500 },
  { untilMs: 60_000, everyMs: 4_000 },
  { untilMs: 180_000, everyMs: 10_000 },
];

function nextDelay(waitedMs: number): number | null {
  return POLL_PLAN.find((p) => waitedMs < p.untilMs)?.everyMs ?? null;
}

const FINAL = new Set(['settled', 'closed', 'refunded']);

export default function Result() {
  const router = useRouter();
  const orderId = router.params.orderId ?? '';
  // Opened right after paying: a still-pending order means the notification is on its way.
  const justPaid = router.params.paid === '1';
  const startedAt = useRef(Date.now());
  // Shown again (back from the history) or refreshed by hand: wait the whole plan again.
  useDidShow(() => {
    startedAt.current = Date.now();
  });

  /** When to ask again: never once the order is final, or after the plan's last step. */
  const next = (order: OrderView | null, error: ApiErrorType | null): number | null => {
    // An unpaid order looked up from history is not waited on: nothing is on its way.
    if (order && (FINAL.has(order.status) || (order.status === 'pending' && !justPaid))) return null;
    if (!order && error && !error.retryable) return null;
    return nextDelay(Date.now() - startedAt.current);
  };

  // A failed poll answers with no order: the plan then goes by the last one shown.
  const lastOrder = useRef<OrderView | null>(null);
  const remote = useRemote(
    async () => {
      if (!orderId) throw new ApiError({ code: 'NOT_FOUND', message: '缺少订单号，请从缴费记录查看。', retryable: false });
      return (await callFunction('bills', { action: 'order', orderId })).order;
    },
    { key: orderId, refreshMs: (order, error) => next(order ?? lastOrder.current, error) },
  );
  lastOrder.current = remote.data;
  const restart = () => {
    startedAt.current = Date.now();
    return remote.reload();
  };

  const order = remote.data;
  // 继续支付 from the order itself: the same months, the same order (the server hands back its
  // saved payment), whether the resident cancelled the sheet or left the app.
  const co = useCheckout({ receiptUrl: (id, justPaid) => resultUrl(id, { justPaid }), handleRefusal: () => false, onAbandoned: () => void remote.reload() });
  const continuePay = async () => {
    if (!order?.bindingId) return;
    const { bindingId } = order;
    await co.checkout(() => callFunction('bills', { action: 'pay', bindingId, billIds: order.lines.map((l) => l.billId), idempotencyKey: newIdempotencyKey() }));
  };
  // What the household still owes, as the department says now: asked once the order is settled.
  // (Not for a top-up: it pays no bill, so "还有 N 期 待缴" would not be about it.)
  const owedKey = order?.status === 'settled' && order.bindingId && order.purpose !== 'topup' ? `${order.bindingId}:${order.orderId}` : '';
  const owed = useRemote(
    async () => (owedKey && order?.bindingId ? callFunction('bills', { action: 'bill', bindingId: order.bindingId }) : null),
    { key: owedKey },
  );
  const polling = remote.loading || (order ? next(order, null) !== null : false);
  const kind = order?.kind ?? null;
  const goHouseholds = () => void backTo(PATHS.households, householdsUrl(kind));
  const goOrders = () => void backTo(PATHS.orders, PATHS.orders);
  const actions = (
    <View className='bm-bills-result__actions'>
      <Button className='bm-bills-result__households' onPress={goHouseholds}>
        返回我的户号
      </Button>
      <Button className='bm-bills-result__orders' variant='secondary' onPress={goOrders}>
        查看缴费记录
      </Button>
    </View>
  );

  return (
    <Page
      className='bm-bills-page bm-bills-result'
      overlay={
        <SandboxPaySheet
          visible={co.sandbox !== null}
          order={co.sandbox?.order ?? null}
          payment={co.sandbox?.payment ?? null}
          description={co.sandbox ? `${KIND_INFO[co.sandbox.order.kind].bill} · ${co.sandbox.order.lines.map((l) => formatMonth(l.period)).join('、')}` : ''}
          onPaid={co.sandboxPaid}
          onCancel={co.sandboxCancelled}
        />
      }
    >
      <PageHeader className='bm-bills-result__header' title='缴费结果' />
      {!order && !remote.error ? (
        <View className='bm-bills-result__hero bm-bills-result__hero--pending' role='status' ariaRole='status'>
          <View className='bm-bills-result__icon' aria-hidden='true'>
            <Text>…</Text>
          </View>
          <Text className='bm-bills-result__status'>正在查询支付结果…</Text>
        </View>
      ) : null}

      {!order && remote.error ? (
        <View className='bm-bills-body bm-bills-result__error-body'>
          <StateView kind='error' prefix='bm-bills-result' title='订单暂时查不到' message={remote.error.message} retrying={remote.loading} onRetry={() => void restart()} />
          {actions}
        </View>
      ) : null}

      {order ? (
        <Receipt
          order={order}
          polling={polling}
          justPaid={justPaid}
          onRefresh={restart}
          actions={actions}
          owed={owed.data ? { bills: owed.data.arrears.bills, total: owed.data.arrears.total, stale: owed.data.stale } : null}
          payer={owed.data?.binding.holderName ?? null}
          onPayRest={() => order.bindingId && void Taro.navigateTo({ url: billUrl(order.bindingId, order.kind) })}
          continuing={co.busy}
          continueError={co.error}
          onContinue={continuePay}
        />
      ) : null}
    </Page>
  );
}

function Receipt({
  order,
  polling,
  justPaid,
  onRefresh,
  actions,
  owed,
  payer,
  onPayRest,
  continuing,
  continueError,
  onContinue,
}: {
  order: OrderView;
  polling: boolean;
  justPaid: boolean;
  onRefresh(): Promise<void>;
  actions: ReactNode;
  /** What the household owes now, once the order settled and the department answered. */
  owed: { bills: BillView[]; total: number; stale: boolean } | null;
  /** The household holder's name as the department masks it (张*明), for the receipt image. */
  payer: string | null;
  onPayRest(): void;
  continuing: boolean;
  continueError: string | null;
  onContinue(): Promise<void>;
}) {
  const isTopup = order.purpose === 'topup';
  const status = ORDER_STATUS[order.status];
  const waiting = order.status === 'pending';
  const confirming = waiting && justPaid;
  const title = confirming ? (polling ? '正在确认支付结果…' : '尚未收到支付结果') : status.label;
  const hint = confirming
    ? polling
      ? '正在等待微信支付的结果通知，通常几秒内完成，请不要重复支付。'
      : '暂未收到支付结果。如果您已付款，系统收到通知后会自动确认，请勿重复支付；如果没有付款，订单会在到期后自动关闭。'
    : waiting
      ? // A top-up is started again from the bill page (a new amount is a new order), so no 继续支付 here.
        isTopup
        ? `${status.hint}如需预存，请回到账单页点“预存电费”。`
        : `${status.hint}如需继续支付，请点下方“继续支付”。`
      : status.hint;
  const icon = order.status === 'settled' || order.status === 'paid' ? '✓' : order.status === 'closed' ? '✕' : order.status === 'refunded' || order.status === 'refund_pending' ? '↩' : '…';
  return (
    <>
      <View className={`bm-bills-result__hero bm-bills-result__hero--${order.status}`} data-status={order.status} role='status' ariaRole='status'>
        <View className='bm-bills-result__icon' aria-hidden='true'>
          <Text>{icon}</Text>
        </View>
        <Text className='bm-bills-result__status'>{title}</Text>
        <View className='bm-bills-result__amount' ariaLabel={`金额 ${formatFen(order.amount)}`}>
          {formatFen(order.amount)}
        </View>
        <Text className='bm-bills-result__hint'>{hint}</Text>
      </View>

      <View className='bm-bills-body bm-bills-result__body'>
        {order.status === 'paid' ? (
          <Notice tone='info' title='会自动入账，无需再缴' className='bm-bills-result__posting'>
            {polling
              ? '钱已付到本平台，正在送达缴费单位。入账完成后这里会显示缴费单位的回执号。'
              : '缴费单位暂时没有回执，系统会自动重试直到入账成功，您不需要做任何事，也不要重复缴费。'}
          </Notice>
        ) : null}

        {waiting && order.bindingId && !isTopup ? (
          <View className='bm-bills-result__continue'>
            {continueError ? (
              <Notice tone='error' title='没有支付成功' className='bm-bills-result__continue-error'>
                {continueError}
              </Notice>
            ) : null}
            <Button className='bm-bills-result__continue-pay' busy={continuing} onPress={onContinue} label={`继续支付 ${formatFen(order.amount)}`}>
              继续支付 {formatFen(order.amount)}
            </Button>
          </View>
        ) : null}

        {order.status === 'settled' && owed && !owed.stale ? (
          owed.total > 0 ? (
            <Notice tone='warn' title={`还有 ${owed.bills.length} 期 ${formatFen(owed.total)} 待缴`} className='bm-bills-result__remaining'>
              <Text>{owed.bills.map((b) => `${formatMonth(b.period)} ${formatFen(b.amountDue)}`).join('，')}</Text>
              <Button small className='bm-bills-result__pay-rest' onPress={onPayRest} label={`去缴纳剩余 ${owed.bills.length} 期 ${formatFen(owed.total)}`}>
                去缴纳 {formatFen(owed.total)}
              </Button>
            </Notice>
          ) : (
            <Notice tone='info' title='已结清' className='bm-bills-result__cleared'>
              缴费单位确认这户目前没有欠费。
            </Notice>
          )
        ) : null}

        <Card className='bm-bills-result__details'>
          <Row label='缴费项目' value={orderTitle(order)} />
          <Row label='缴费单位' value={order.providerName} />
          <Row label='户号' value={order.accountNoMasked} />
          {isTopup ? (
            <>
              <Row label={order.status === 'closed' ? '订单金额' : '预存金额'} value={formatFen(order.amount)} tone='strong' />
              {order.topup ? (
                <Row
                  className='bm-bills-result__balance'
                  label='余额'
                  value={`${formatFen(order.topup.balanceBefore)} → ${formatFen(order.topup.balanceAfter)}`}
                  tone='strong'
                />
              ) : order.status === 'settled' ? (
                <Text className='bm-bills-fineprint'>余额变化暂时查不到，以缴费单位为准；稍后刷新可再看。</Text>
              ) : null}
            </>
          ) : null}
          {isTopup ? null : order.lines.map((l) => (
            <Row
              key={l.billId}
              className='bm-bills-result__line'
              label={formatMonth(l.period)}
              value={`${formatFen(l.amount)}${l.lateFee > 0 ? `（含违约金 ${formatFen(l.lateFee)}）` : ''}${l.departmentRef ? ` · 回执 ${l.departmentRef}` : ''}`}
            />
          ))}
          {isTopup ? null : (
            <>
              <Row label='账单金额' value={formatFen(order.amount - order.lateFee)} />
              <Row label='违约金' value={formatFen(order.lateFee)} tone={order.lateFee > 0 ? 'money' : undefined} />
              <Row label={order.status === 'closed' ? '订单金额' : '实付金额'} value={formatFen(order.amount)} tone='strong' />
            </>
          )}
        </Card>

        {order.status === 'settled' && !isTopup ? <SaveReceiptImage className='bm-bills-result__image' image={billReceiptImage(order, payer)} fileName={billReceiptFileName(order)} /> : null}

        {!polling && (confirming || order.status === 'paid') ? (
          <Button className='bm-bills-result__refresh' variant='secondary' onPress={onRefresh}>
            刷新结果
          </Button>
        ) : null}

        {actions}

        <Card className='bm-bills-result__refs'>
          <Row label='状态' value={status.label} className='bm-bills-result__status-row' />
          <Row label='订单号' value={order.orderId} className='bm-bills-result__order-id' token />
          {order.transactionId ? <Row label='微信支付单号' value={order.transactionId} className='bm-bills-result__transaction' token /> : null}
          {order.departmentRef ? <Row label='缴费单位回执号' value={order.departmentRef} className='bm-bills-result__department-ref' token /> : null}
          <Row label='下单时间' value={formatDateTime(order.createdAt)} />
          {order.paidAt ? <Row label='支付时间' value={formatDateTime(order.paidAt)} /> : null}
          {order.settledAt ? <Row label='入账时间' value={formatDateTime(order.settledAt)} /> : null}
          {order.closedAt ? <Row label='关闭时间' value={formatDateTime(order.closedAt)} /> : null}
          {order.refund ? (
            <Row
              label={order.refund.status === 'refunded' ? '已退款' : '退款中'}
              value={formatFen(order.refund.amount)}
              className='bm-bills-result__refund'
            />
          ) : null}
          {order.refundedAt ? <Row label='退款时间' value={formatDateTime(order.refundedAt)} /> : null}
          {waiting ? <Row label='支付截止' value={formatDateTime(order.expiresAt)} /> : null}
        </Card>

      </View>
    </>
  );
}
