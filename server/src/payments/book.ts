import { fenToYuan, type OrderStatus, toShanghaiIso } from '@bianmin/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { orders, outbox, payments, refunds } from '../db/schema';
import { fileMessage } from '../messages/inbox';
import type { Logger } from '../log';
import type { PayableKinds, PayableWords } from './kinds';
import { isUniqueViolation } from '../db/errors';
import { canMove, movableInto, type OrderRow, payerOpenidOf } from './orders';

/** A payment WeChat Pay reported, by notification or when the expiry job asked. */
export interface ReportedPayment {
  orderId: string;
  transactionId: string;
  /** Fen. */
  amount: number;
  /** When the resident paid (WeChat's time_end): the department books this time, not ours. */
  paidAt: Date;
}

export type Booking =
  /** The order is paid; its department posting is queued in the same transaction. */
  | 'booked'
  /** This transaction was recorded before (callbacks repeat): nothing changed. */
  | 'replay'
  /** Recorded, and the money is on its way back: the order could not take it. */
  | 'refunding'
  | 'unknown_order'
  | 'amount_mismatch'
  /** The transaction id is already recorded for another order: never acknowledged as this one's. */
  | 'transaction_reused';

export type RefundReason = 'late_payment' | 'duplicate_payment' | 'department_refused';

/** Our refund id (WeChat's out_refund_no): one per WeChat transaction, so asking twice refunds once. */
export const refundIdFor = (transactionId: string) => `RF${transactionId}`;

/** The page that shows an order (its kind's receipt): a message about an order must open a page that can answer for it. */
export const orderPagePath = (kinds: PayableKinds, order: Pick<OrderRow, 'id' | 'kind'>): string => kinds.of(order.kind).receiptPath(encodeURIComponent(order.id));

/** What an order paid for, in a resident's words (its kind's). */
export const describeOrder = (kinds: PayableKinds, order: OrderRow): string => kinds.of(order.kind).words.describe(order);

const REFUND_NOTICE: Record<RefundReason, (w: PayableWords, o: OrderRow, amount: number, detail?: string) => { title: string; body: string }> = {
  late_payment: (w, o, amount) => ({
    title: '付款未能入账，将原路退回',
    body: `您为${w.describe(o)}支付的 ¥${fenToYuan(amount)} 到账时，这笔订单已超时关闭，${w.lateReason}。这笔钱不会入账，我们正在原路退回您的微信支付账户，一般 1–3 个工作日内到账，无需任何操作（订单 ${o.id}）。`,
  }),
  duplicate_payment: (w, o, amount) => ({
    title: '重复付款将原路退回',
    body: `您为${w.describe(o)}多付了一笔 ¥${fenToYuan(amount)}。${w.thing}只缴一次，多付的钱正在原路退回您的微信支付账户，一般 1–3 个工作日内到账（订单 ${o.id}）。`,
  }),
  department_refused: (w, o, amount, detail) => ({
    title: w.refusedTitle,
    body: `${w.refuser(o)}未能${w.booking}您为${w.describe(o)}支付的 ¥${fenToYuan(amount)}${detail ? `（${detail}）` : ''}。我们正在原路退回您的微信支付账户，一般 1–3 个工作日内到账。${w.again}（订单 ${o.id}）。`,
  }),
};

/** What the holder of an order a relative paid is told: the money goes back to the relative. */
const HOLDER_REFUND_NOTICE = (w: PayableWords, o: OrderRow, amount: number) =>
  `亲友为您代缴${w.describe(o)}的 ¥${fenToYuan(amount)} 未能入账，正在原路退回代缴人的微信支付账户，一般 1–3 个工作日内到账（订单 ${o.id}）。`;

/**
 * Queues giving a payment back, in the caller's transaction, and tells the resident in the
 * message centre. The refunds worker does the asking; the unique transaction id makes a second
 * queueing of the same payment a no-op.
 */
export async function queueRefund(
  tx: Db,
  kinds: PayableKinds,
  r: { order: OrderRow; transactionId: string; totalFee: number; amount: number; reason: RefundReason; detail?: string },
  now: Date,
): Promise<void> {
  const id = refundIdFor(r.transactionId);
  const [queued] = await tx
    .insert(refunds)
    .values({ id, orderId: r.order.id, transactionId: r.transactionId, openid: r.order.openid, totalFee: r.totalFee, amount: r.amount, reason: r.reason, status: 'pending', nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: refunds.id });
  if (!queued) return;
  await tx.update(payments).set({ disposition: 'refund' }).where(eq(payments.transactionId, r.transactionId));
  const notice = REFUND_NOTICE[r.reason](kinds.of(r.order.kind).words, r.order, r.amount, r.detail);
  // The money goes back to whoever paid: a relative who paid for the holder (亲友代办) is told as
  // the payer, and the holder learns that it did not go in and whose account it returns to.
  const payer = payerOpenidOf(r.order);
  await fileMessage(tx, { openid: payer, kind: 'refund', ...notice, path: orderPagePath(kinds, r.order), dedupeKey: `refund:${id}:queued`, at: now });
  if (payer !== r.order.openid) {
    await fileMessage(tx, { openid: r.order.openid, kind: 'refund', title: notice.title, body: HOLDER_REFUND_NOTICE(kinds.of(r.order.kind).words, r.order, r.amount), path: orderPagePath(kinds, r.order), dedupeKey: `refund:${id}:queued:holder`, at: now });
  }
}

/**
 * Books a payment WeChat Pay reported, exactly once per transaction id, in one transaction:
 * the payment row, the order's move to paid and the department posting's outbox row. A payment
 * is never dropped: when its order cannot become live again (it closed and the bill got another
 * live order — a family member paid it), or it is a second payment of one order, it is kept
 * and refunded. No department is called here: the outbox posts.
 */
export async function recordPayment(db: Db, log: Logger, kinds: PayableKinds, p: ReportedPayment, now: Date): Promise<{ booking: Booking; order?: OrderRow }> {
  return db.transaction(async (tx) => {
    // The row lock serialises two notifications of one order (a callback racing the expiry job's query).
    const [order] = await tx.select().from(orders).where(eq(orders.id, p.orderId)).for('update');
    const [prior] = await tx.select().from(payments).where(eq(payments.transactionId, p.transactionId));
    if (prior) {
      if (prior.orderId === p.orderId) return { booking: 'replay' as const, order };
      log.error(
        { alert: 'payment_transaction_reused', transaction: p.transactionId, order: p.orderId, recordedFor: prior.orderId },
        'payment notification reuses a transaction id recorded for another order: refused',
      );
      return { booking: 'transaction_reused' as const, order };
    }
    if (!order) return { booking: 'unknown_order' as const };
    if (p.amount !== order.amount) return { booking: 'amount_mismatch' as const, order };

    await tx.insert(payments).values({ transactionId: p.transactionId, orderId: order.id, amount: p.amount, paidAt: p.paidAt, receivedAt: now });

    let booked = false;
    if (canMove(order.status as OrderStatus, 'paid')) {
      try {
        // A savepoint: when a bill of it already has another live order, a unique index refuses
        // this one, and only this update is undone — the payment row stays.
        await tx.transaction(async (sp) => {
          const moved = await sp
            .update(orders)
            .set({ status: 'paid', paidAt: p.paidAt, transactionId: p.transactionId, closedAt: null })
            .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('paid'))))
            .returning({ id: orders.id });
          booked = moved.length > 0;
        });
      } catch (e) {
        if (!isUniqueViolation(e, 'orders_one_live_per_bill') && !isUniqueViolation(e, 'order_lines_one_live_per_bill')) throw e;
      }
    }
    if (booked) {
      await tx.insert(outbox).values({ orderId: order.id, kind: 'post_payment', status: 'pending', nextAttemptAt: now, createdAt: now }).onConflictDoNothing();
      return { booking: 'booked' as const, order };
    }

    const late = order.status === 'closed';
    if (late) {
      await tx
        .update(orders)
        .set({ status: 'refund_pending', paidAt: p.paidAt, transactionId: p.transactionId })
        .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('refund_pending'))));
    }
    await queueRefund(tx, kinds, { order, transactionId: p.transactionId, totalFee: p.amount, amount: p.amount, reason: late ? 'late_payment' : 'duplicate_payment' }, now);
    log.warn({ order: order.id, transaction: p.transactionId, status: order.status, paidAt: toShanghaiIso(p.paidAt) }, late ? 'late payment for a bill paid meanwhile: refunding' : 'second payment of one order: refunding');
    return { booking: 'refunding' as const, order };
  });
}
