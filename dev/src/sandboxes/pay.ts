import { createHash } from 'node:crypto';
import { handlePayNotify, type NotifyAnswer } from '@bianmin/server/payments/notify';
import type { Deps } from '@bianmin/server/runtime/types';
import { orders } from '@bianmin/server/db/schema';
import { eq } from '@bianmin/server/db/sql';

/**
 * The sandbox of WeChat Pay: "the resident paid" becomes the notification cloudPay would deliver
 * to payNotify (camelCase v2 fields, SOURCE wx_paycallback). The transaction id is derived from
 * the order, so confirming twice is a repeated callback, exactly as WeChat repeats them.
 */
export async function confirmSandboxPayment(deps: Deps, orderId: string, now: Date): Promise<NotifyAnswer> {
  const db = await deps.db();
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const transactionId = `42000${createHash('sha256').update(orderId).digest('hex').slice(0, 23)}`;
  const event = {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: orderId,
    transactionId,
    totalFee: order?.amount ?? 0,
    timeEnd: now.toISOString().replace(/\D/g, '').slice(0, 14),
    tradeType: 'JSAPI',
  };
  return handlePayNotify(deps, event, 'wx_paycallback', now);
}
