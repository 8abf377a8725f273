import { fenToYuan } from '@bianmin/core';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { orders, refunds } from '../db/schema';
import { fileMessage } from '../messages/inbox';
import type { Deps } from '../runtime/types';
import { type RunBudget, unbounded } from '../runtime/jobs';
import { claimDue, leaseUntil, retryAt } from '../jobs/lease';
import { describeOrder, orderPagePath } from './book';
import { channelFor, channelOrderIdOf } from './channels';
import type { PayableKinds } from './kinds';
import { movableInto, payerOpenidOf, type RefundRow } from './orders';
import { PaymentProviderError } from './provider';

/** A claimed refund is skipped by other runs this long: a run that dies loses nothing, it only delays. */
const LEASE_MS = 60_000;
/** Accepted by WeChat but no notification yet: ask again after this (same refund id, so never twice). */
const RECHECK_MS = 30 * 60_000;
/** A refund WeChat Pay could not take now is asked again a minute later, doubling, at most an hour apart. */
const BACKOFF = { firstMs: 60_000, maxMs: 60 * 60_000 };

export interface RefundReport {
  refunded: number;
  requested: number;
  retrying: number;
}

/**
 * Marks a refund done — from WeChat's refund notification or its answer to a repeated ask — in
 * one transaction: the refund, the order's move refund_pending → refunded (only when the refund
 * was the order's money; a duplicate payment's refund leaves a settled order settled) and the
 * resident's message. Repeats change nothing.
 */
export async function completeRefund(db: Db, kinds: PayableKinds, refundId: string, at: Date, providerRefundId?: string): Promise<'refunded' | 'repeat' | 'unknown'> {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(refunds)
      .set({ status: 'refunded', refundedAt: at, lastError: null, ...(providerRefundId ? { providerRefundId } : {}) })
      .where(and(eq(refunds.id, refundId), inArray(refunds.status, ['pending', 'requested'])))
      .returning();
    if (!done) {
      const [known] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.id, refundId));
      return known ? 'repeat' : 'unknown';
    }
    await tx
      .update(orders)
      .set({ status: 'refunded', refundedAt: at })
      .where(and(eq(orders.id, done.orderId), eq(orders.transactionId, done.transactionId), inArray(orders.status, movableInto('refunded'))));
    const [order] = await tx.select().from(orders).where(eq(orders.id, done.orderId));
    await fileMessage(tx, {
      // Back to whoever paid (a relative who paid for the holder: theirs is the account it reached).
      openid: order ? payerOpenidOf(order) : done.openid,
      kind: 'refund',
      title: '退款已原路退回',
      body: order
        ? `您为${describeOrder(kinds, order)}支付的 ¥${fenToYuan(done.amount)} 已原路退回您的微信支付账户，请在微信支付账单中查看（订单 ${done.orderId}）。`
        : `¥${fenToYuan(done.amount)} 已原路退回您的微信支付账户，请在微信支付账单中查看（订单 ${done.orderId}）。`,
      // The page that can show this order: its kind's receipt (none when the order is gone).
      path: order ? orderPagePath(kinds, order) : undefined,
      dedupeKey: `refund:${done.id}:refunded`,
      at,
    });
    return 'refunded';
  });
}

function claim(db: Db, now: Date, limit: number) {
  return claimDue(db, {
    table: refunds,
    id: refunds.id,
    due: and(inArray(refunds.status, ['pending', 'requested']), lte(refunds.nextAttemptAt, now)),
    oldestFirst: refunds.nextAttemptAt,
    limit,
    set: { attempts: sql`${refunds.attempts} + 1`, nextAttemptAt: leaseUntil(now, LEASE_MS) },
  });
}

/** A refund WeChat has refused this many times is on the operators' queue (console: 退款). */
export const STUCK_REFUND_ATTEMPTS = 3;

/**
 * Asks WeChat Pay once for a claimed refund and records the answer: done, accepted (its
 * notification will finish it), or refused (asked again later, with a growing wait). Shared by
 * the timer's batch and an operator's retry from the queue.
 */
export async function askRefund(deps: Deps, db: Db, r: RefundRow, now: Date): Promise<'refunded' | 'requested' | 'refused'> {
  try {
    const [order] = await db.select({ kind: orders.kind, payment: orders.payment }).from(orders).where(eq(orders.id, r.orderId));
    if (!order) throw new Error(`refund ${r.id} names no order`);
    const channelOrderId = channelOrderIdOf(order);
    const answer = await channelFor(deps, order.kind).refund({ refundId: r.id, orderId: r.orderId, transactionId: r.transactionId, totalFee: r.totalFee, refundFee: r.amount, requestedAt: now, ...(channelOrderId ? { channelOrderId } : {}) });
    deps.log.info({ refund: r.id, order: r.orderId, state: answer.state }, 'refund asked');
    if (answer.state === 'refunded') {
      await completeRefund(db, deps.payables, r.id, now, answer.providerRefundId);
      return 'refunded';
    }
    await db
      .update(refunds)
      .set({ status: 'requested', providerRefundId: answer.providerRefundId ?? null, lastError: null, nextAttemptAt: new Date(now.getTime() + RECHECK_MS) })
      .where(and(eq(refunds.id, r.id), eq(refunds.status, r.status)));
    return 'requested';
  } catch (e) {
    // WeChat's own words ride along: the operator working the queue reads them.
    const reason = e instanceof PaymentProviderError ? e.message : e instanceof Error ? e.message : String(e);
    await db.update(refunds).set({ lastError: reason.slice(0, 200), nextAttemptAt: retryAt(now, r.attempts, BACKOFF) }).where(eq(refunds.id, r.id));
    // A refund WeChat keeps refusing is money a person must return: say so loudly.
    (r.attempts >= 5 ? deps.log.error : deps.log.warn).call(deps.log, { refund: r.id, order: r.orderId, attempts: r.attempts, reason, ...(r.attempts >= 5 ? { alert: 'refund_stuck' } : {}) }, 'refund will be retried');
    return 'refused';
  }
}

/** Claims one refund by id for an operator's retry (the same lease as the timer's), or undefined when it is not open. */
export async function claimRefund(db: Db, refundId: string, now: Date): Promise<RefundRow | undefined> {
  const [r] = await db
    .update(refunds)
    .set({ attempts: sql`${refunds.attempts} + 1`, nextAttemptAt: leaseUntil(now, LEASE_MS) })
    .where(and(eq(refunds.id, refundId), inArray(refunds.status, ['pending', 'requested'])))
    .returning();
  return r;
}

/**
 * Asks WeChat Pay to give back every queued refund. Run by the paymentsWorker timer with the
 * outbox. Asking again is safe (our refund id is WeChat's out_refund_no), so a crash between
 * the ask and our write only means one more ask.
 */
export async function processRefunds(deps: Deps, now: Date, limit = 20, budget: RunBudget = unbounded): Promise<RefundReport> {
  const db = await deps.db();
  const report: RefundReport = { refunded: 0, requested: 0, retrying: 0 };
  for (let i = 0; i < limit && budget.allows(); i++) {
    const [r] = await claim(db, now, 1);
    if (!r) break;
    const outcome = await askRefund(deps, db, r, now);
    report[outcome === 'refused' ? 'retrying' : outcome]++;
  }
  return report;
}
