import { AppError, fenToYuan, type PaymentParams } from '@bianmin/core';
import type { CallContext } from '../runtime/types';
import { channelFor } from './channels';
import { type OrderRow, payerOpenidOf, savePayment } from './orders';

/**
 * The WeChat Pay parameters for an order, created once: a duplicate tap or a retry gets the saved
 * ones, a settled or closed order none. Any flow that sells something (a utility bill, a traffic
 * fine) pays through here.
 */
export async function paymentForOrder(ctx: CallContext, order: OrderRow, description: string): Promise<PaymentParams | null> {
  if (order.status !== 'pending') return null;
  if (order.payment) return order.payment as PaymentParams;
  try {
    const kind = ctx.deps.payables.of(order.kind);
    const notice = kind.notice?.(order);
    const payment = await channelFor(ctx.deps, order.kind).createPayment({ orderId: order.id, amount: order.amount, description, openid: payerOpenidOf(order), ...(notice ? { notice } : {}) });
    await savePayment(await ctx.deps.db(), order.id, payment);
    return payment;
  } catch (e) {
    ctx.log.error({ order: order.id, err: e instanceof Error ? e.message : String(e) }, 'payment creation failed');
    throw new AppError('PAYMENT_FAILED', `微信支付下单失败，未扣款（订单 ${order.id}，金额 ¥${fenToYuan(order.amount)}），请稍后重试。`, { retryable: true });
  }
}
