import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { orders, outbox, payments } from '../db/schema';
import type { Deps } from '../runtime/types';
import { movableInto } from './orders';
import { postPaidOrder } from './outbox';

/** WeChat Pay v2 notification fields as cloudPay hands them to the notify function (camelCase). */
const notifySchema = z.object({
  returnCode: z.string(),
  resultCode: z.string().optional(),
  outTradeNo: z.string().min(1).max(32),
  transactionId: z.string().min(1).max(64).optional(),
  totalFee: z.coerce.number().int().nonnegative().optional(),
});

export interface NotifyAnswer {
  errcode: number;
  errmsg: string;
}

const ok: NotifyAnswer = { errcode: 0, errmsg: 'OK' };
const reject = (errmsg: string): NotifyAnswer => ({ errcode: 1, errmsg });

/**
 * The payment callback. Accepted only from WeChat Pay (SOURCE = wx_paycallback, read by the
 * entry from the WeChat context), only for an order we have, and only for its exact amount.
 * Callbacks repeat for up to two days: recording the payment, moving the order to paid and
 * queueing the department posting happen in one transaction keyed on the transaction id, so a
 * repeat changes nothing and is answered `{ errcode: 0 }` like the first.
 */
export async function handlePayNotify(deps: Deps, event: unknown, source: string | undefined, now: Date): Promise<NotifyAnswer> {
  const log = deps.log;
  if (source !== 'wx_paycallback') {
    log.warn({ source }, 'payment notification refused: not from WeChat Pay');
    return reject('source rejected');
  }
  const parsed = notifySchema.safeParse(event);
  if (!parsed.success) {
    log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'payment notification refused: malformed');
    return reject('malformed');
  }
  const n = parsed.data;
  if (n.returnCode !== 'SUCCESS' || n.resultCode !== 'SUCCESS') {
    // The resident's payment failed; the order stays pending and expires if nothing else comes.
    log.info({ order: n.outTradeNo, returnCode: n.returnCode, resultCode: n.resultCode }, 'payment notification: not paid');
    return ok;
  }
  if (!n.transactionId || n.totalFee === undefined) return reject('missing transactionId or totalFee');

  const db = await deps.db();
  const [order] = await db.select().from(orders).where(eq(orders.id, n.outTradeNo));
  if (!order) {
    log.error({ order: n.outTradeNo }, 'payment notification for an unknown order');
    return reject('unknown order');
  }
  if (n.totalFee !== order.amount) {
    log.error({ order: order.id, expected: order.amount, got: n.totalFee }, 'payment notification amount mismatch');
    return reject('amount mismatch');
  }

  const fresh = await db.transaction(async (tx) => {
    const [recorded] = await tx
      .insert(payments)
      .values({ transactionId: n.transactionId!, orderId: order.id, amount: n.totalFee!, receivedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!recorded) return false;
    const moved = await tx
      .update(orders)
      .set({ status: 'paid', paidAt: now, transactionId: n.transactionId })
      .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('paid'))))
      .returning({ id: orders.id });
    if (!moved.length) {
      // Paid twice for one order (a second transaction id): money to give back, by a person.
      log.error({ order: order.id, transaction: n.transactionId }, 'second payment for an order that is already paid: refund needed');
      return false;
    }
    await tx.insert(outbox).values({ orderId: order.id, kind: 'post_payment', status: 'pending', nextAttemptAt: now, createdAt: now }).onConflictDoNothing();
    return true;
  });

  if (fresh) {
    log.info({ order: order.id, amount: order.amount }, 'payment recorded');
    // Best effort now; the outbox retries until the department has it.
    await postPaidOrder(deps, order.id, now).catch(() => undefined);
  }
  return ok;
}
