import Taro, { useRouter } from '@tarojs/taro';
import type { BillView, OrderView } from '@bianmin/core';
import { formatFen, formatMonth } from '@bianmin/core/format';
import { Text } from '@tarojs/components';
import { callFunction } from '../../../api';
import { useRemote } from '../../../hooks/use-remote';
import { backTo } from '../../../back-to';
import { Button, Fineprint, Notice, Page, PageHeader, Row } from '../../../ui';
import { ORDERS_PAGE } from '../../../payments/orders-link';
import { Receipt, ReceiptActions, ReceiptStates } from '../../../payments/receipt';
import { SandboxCheckout } from '../../../payments/sandbox-checkout';
import { UTILITY_POSTING } from '../../../payments/status';
import { useCheckout } from '../../../payments/use-checkout';
import { paymentOrder, useOrderPolling } from '../../../payments/use-order-polling';
import { billUrl, householdsUrl, PATHS, resultUrl } from '../../flow';
import { billReceiptFileName, billReceiptImage } from '../../shared/receipt-image';
import { orderTitle } from '../../shared/topup';
import '../../shared/bills.css';
import './index.css';

/** A bill's or a top-up's receipt (`?orderId=…&paid=1`): the order as the server has it, on the shared receipt layout. */
export default function Result() {
  const router = useRouter();
  const orderId = router.params.orderId ?? '';
  // Opened right after paying: a still-pending order means the notification is on its way.
  const justPaid = router.params.paid === '1';
  const polling = useOrderPolling(orderId, () => paymentOrder(orderId, 'bills'), { justPaid });
  const order = polling.remote.data;

  // 继续支付 from the order itself: the same months, the same order (the server hands back its
  // saved payment), whether the resident cancelled the sheet or left the app.
  const again = useCheckout<{ bindingId: string; billIds: string[] }>({
    place: ({ bindingId, billIds }, idempotencyKey) => callFunction('bills', { action: 'pay', bindingId, billIds, idempotencyKey }),
    receiptUrl: resultUrl,
    onAbandoned: () => void polling.remote.reload(),
  });
  // What the household still owes, as the department says now: asked once the order is settled.
  // (Not for a top-up: it pays no bill, so "还有 N 期 待缴" would not be about it.)
  const owedKey = order?.status === 'settled' && order.bindingId && order.purpose !== 'topup' ? `${order.bindingId}:${order.orderId}` : '';
  const owed = useRemote(async () => (owedKey && order?.bindingId ? callFunction('bills', { action: 'bill', bindingId: order.bindingId }) : null), { key: owedKey });

  const actions = (
    <ReceiptActions>
      <Button className='bm-bills-result__households' onPress={() => void backTo(PATHS.households, householdsUrl(order?.kind ?? null))}>
        返回我的户号
      </Button>
      <Button className='bm-bills-result__orders' variant='secondary' onPress={() => void backTo(ORDERS_PAGE)}>
        我的订单
      </Button>
    </ReceiptActions>
  );

  return (
    <Page className='bm-bills-result' overlay={<SandboxCheckout checkout={again} payee={order?.providerName ?? null} describe={(o) => orderTitle(o)} />}>
      <PageHeader className='bm-receipt__header' title='缴费结果' />
      <ReceiptStates polling={polling} actions={actions}>
        {(o) => (
          <Receipt
            order={o}
            posting={UTILITY_POSTING}
            departmentRefLabel='缴费单位回执号'
            justPaid={justPaid}
            polling={polling.polling}
            onRefresh={polling.restart}
            // A top-up is started again from the bill page (a new amount is a new order), so no 继续支付 here.
            pendingHint={o.purpose === 'topup' ? '如需预存，请回到账单页点“预存电费”。' : '如需继续支付，请点下方“继续支付”。'}
            notices={
              <>
                {o.status === 'pending' && o.bindingId && o.purpose !== 'topup' ? (
                  <ContinuePay order={o} busy={again.busy} error={again.error} onPay={() => again.pay({ bindingId: o.bindingId!, billIds: o.lines.map((l) => l.billId) })} />
                ) : null}
                {o.status === 'settled' && owed.data && !owed.data.stale ? <StillOwed bills={owed.data.arrears.bills} total={owed.data.arrears.total} onPay={() => o.bindingId && void Taro.navigateTo({ url: billUrl(o.bindingId, o.kind) })} /> : null}
              </>
            }
            details={<PaidLines order={o} />}
            image={o.status === 'settled' ? { model: billReceiptImage(o, owed.data?.binding.holderName ?? null), fileName: billReceiptFileName(o) } : null}
            actions={actions}
          />
        )}
      </ReceiptStates>
    </Page>
  );
}

function ContinuePay({ order, busy, error, onPay }: { order: OrderView; busy: boolean; error: string | null; onPay(): Promise<void> }) {
  return (
    <>
      {error ? (
        <Notice tone='error' title='没有支付成功' className='bm-bills-result__continue-error'>
          {error}
        </Notice>
      ) : null}
      <Button className='bm-bills-result__continue-pay' busy={busy} onPress={onPay}>
        继续支付 {formatFen(order.amount)}
      </Button>
    </>
  );
}

/** What the department says the household still owes once this order is in: the rest, or 已结清. */
function StillOwed({ bills, total, onPay }: { bills: BillView[]; total: number; onPay(): void }) {
  if (total <= 0) {
    return (
      <Notice tone='info' title='已结清' className='bm-bills-result__cleared'>
        缴费单位确认这户目前没有欠费。
      </Notice>
    );
  }
  return (
    <Notice tone='warn' title={`还有 ${bills.length} 期 ${formatFen(total)} 待缴`} className='bm-bills-result__remaining'>
      <Text>{bills.map((b) => `${formatMonth(b.period)} ${formatFen(b.amountDue)}`).join('，')}</Text>
      <Button small className='bm-bills-result__pay-rest' onPress={onPay} label={`去缴纳 ${formatFen(total)}，剩余 ${bills.length} 期`}>
        去缴纳 {formatFen(total)}
      </Button>
    </Notice>
  );
}

/** A bill's months with their late fees and receipt numbers, or a top-up's amount and the balance before → after. */
function PaidLines({ order }: { order: OrderView }) {
  const closed = order.status === 'closed';
  if (order.purpose === 'topup') {
    return (
      <>
        <Row label='缴费项目' value={orderTitle(order)} />
        <Row label='缴费单位' value={order.providerName} />
        <Row label='户号' value={order.accountNoMasked} />
        <Row label={closed ? '订单金额' : '预存金额'} value={formatFen(order.amount)} tone='strong' />
        {order.topup ? (
          <Row className='bm-bills-result__balance' label='余额' value={`${formatFen(order.topup.balanceBefore)} → ${formatFen(order.topup.balanceAfter)}`} tone='strong' />
        ) : order.status === 'settled' ? (
          <Fineprint>余额变化暂时查不到，以缴费单位为准；稍后刷新可再看。</Fineprint>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Row label='缴费项目' value={orderTitle(order)} />
      <Row label='缴费单位' value={order.providerName} />
      <Row label='户号' value={order.accountNoMasked} />
      {order.lines.map((l) => (
        <Row
          key={l.billId}
          className='bm-bills-result__line'
          label={formatMonth(l.period)}
          value={`${formatFen(l.amount)}${l.lateFee > 0 ? `（含违约金 ${formatFen(l.lateFee)}）` : ''}${l.departmentRef ? ` · 回执号 ${l.departmentRef}` : ''}`}
          token
        />
      ))}
      <Row label='账单金额' value={formatFen(order.amount - order.lateFee)} />
      <Row label='违约金' value={formatFen(order.lateFee)} tone={order.lateFee > 0 ? 'money' : undefined} />
      <Row label={closed ? '订单金额' : '实付金额'} value={formatFen(order.amount)} tone='strong' />
    </>
  );
}
