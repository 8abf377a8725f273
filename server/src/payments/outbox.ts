import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '@bianmin/core';
import { orders, outbox } from '../db/schema';
import { DepartmentRejection } from '../departments/client';
import { queueRefund, recordPayment } from './book';
import { channelFor, channelOrderIdOf } from './channels';
import { linesOf, movableInto } from './orders';
import type { Deps } from '../runtime/types';
import { type RunBudget, unbounded } from '../runtime/jobs';
import { claimDue, leaseUntil, retryAt } from '../jobs/lease';

/** A claimed row is skipped by other workers this long; posting is idempotent, so a crash only delays. */
const LEASE_MS = 60_000;
/** A posting the department could not take now is tried again 15 s later, doubling, at most 30 min apart. */
const BACKOFF = { firstMs: 15_000, maxMs: 30 * 60_000 };

export interface OutboxReport {
  settled: number;
  retrying: number;
  failed: number;
}

type Outcome = 'settled' | 'retrying' | 'failed';

async function post(deps: Deps, row: typeof outbox.$inferSelect, now: Date): Promise<Outcome> {
  const db = await deps.db();
  const [order] = await db.select().from(orders).where(eq(orders.id, row.orderId));
  if (!order || order.status === 'settled') {
    await db.update(outbox).set({ status: 'done', doneAt: now }).where(eq(outbox.id, row.id));
    return 'settled';
  }
  if (order.status !== 'paid') {
    // Refunding or refunded: there is no money of this order left to post.
    await db.update(outbox).set({ status: 'failed', lastError: `order ${order.status}` }).where(eq(outbox.id, row.id));
    return 'failed';
  }
  const kind = deps.payables.of(order.kind);
  const lines = await linesOf(db, order.id);
  try {
    const ref = await kind.post(deps, order, lines, now);
    await db.transaction(async (tx) => {
      await tx
        .update(orders)
        .set({ status: 'settled', settledAt: now, departmentRef: ref, closedAt: null })
        .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('settled'))));
      await tx.update(outbox).set({ status: 'done', doneAt: now, lastError: null }).where(eq(outbox.id, row.id));
    });
    deps.log.info({ order: order.id, ref }, 'payment posted to department');
    return 'settled';
  } catch (e) {
    // The department refused the posting outright (the bill was paid at a counter meanwhile…):
    // retrying cannot help, so the money goes back to the resident. Anything else is retried with backoff.
    const final = e instanceof DepartmentRejection && e.status >= 400 && e.status < 500 && e.status !== 429;
    const reason = e instanceof DepartmentRejection ? `${e.status} ${e.departmentCode}` : e instanceof AppError ? e.code : String(e);
    if (!final) {
      await db.update(outbox).set({ lastError: reason, nextAttemptAt: retryAt(now, row.attempts, BACKOFF) }).where(eq(outbox.id, row.id));
      deps.log.warn({ order: order.id, reason, attempts: row.attempts }, 'department posting will be retried');
      return 'retrying';
    }
    const code = (e as DepartmentRejection).departmentCode;
    await db.transaction(async (tx) => {
      await tx.update(outbox).set({ status: 'failed', lastError: reason }).where(eq(outbox.id, row.id));
      const moved = await tx
        .update(orders)
        .set({ status: 'refund_pending' })
        .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('refund_pending'))))
        .returning({ id: orders.id });
      // Lines of this order already posted (a multi-bill order's bills) stay paid at the department: only the rest goes back.
      const unposted = lines.length ? lines.filter((l) => !l.departmentRef).reduce((s, l) => s + l.amount, 0) : order.amount;
      if (moved.length && order.transactionId) {
        await queueRefund(tx, deps.payables, { order, transactionId: order.transactionId, totalFee: order.amount, amount: unposted, reason: 'department_refused', detail: kind.refusals[code] ?? '缴费单位拒绝入账' }, now);
      }
    });
    deps.log.warn({ order: order.id, reason }, 'department refused a paid order: refunding');
    return 'failed';
  }
}

async function claim(deps: Deps, now: Date, due: ReturnType<typeof and>, limit: number) {
  return claimDue(await deps.db(), {
    table: outbox,
    id: outbox.id,
    due,
    oldestFirst: outbox.nextAttemptAt,
    limit,
    set: { attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseUntil(now, LEASE_MS) },
  });
}

/**
 * Posts paid orders to their departments until each is settled. Run by a timer trigger on
 * CloudBase and a loop locally; rows live in the database, so a restart loses nothing.
 */
export async function processOutbox(deps: Deps, now: Date, limit = 20, budget: RunBudget = unbounded): Promise<OutboxReport> {
  const report: OutboxReport = { settled: 0, retrying: 0, failed: 0 };
  // One claim per item: a row is leased only when there is time to post it.
  for (let i = 0; i < limit && budget.allows(); i++) {
    const [row] = await claim(deps, now, and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), 1);
    if (!row) break;
    report[await post(deps, row, now)]++;
  }
  return report;
}

/** Right after a payment: try to post this order now rather than waiting for the next run. */
export async function postPaidOrder(deps: Deps, orderId: string, now: Date): Promise<Outcome | 'busy'> {
  const [row] = await claim(deps, now, and(eq(outbox.orderId, orderId), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), 1);
  return row ? post(deps, row, now) : 'busy';
}

export interface ExpiryReport {
  closed: number;
  /** Paid after all (the notification had not arrived): booked, not closed. */
  booked: number;
  /** Paid, but the order could not take the money any more: refunding. */
  refunding: number;
  /** Still being paid, or WeChat Pay could not be asked: left pending for the next run. */
  waiting: number;
}

/**
 * Pending orders past their expiry. The WeChat Pay sheet stays payable after our 30 minutes, so
 * before closing an order we ask WeChat Pay: a payment it reports is booked (its notification
 * may still be on its way), a sheet being paid right now is left for the next run, and only an
 * unpaid order is closed — on WeChat's side first (closeOrder), so it can no longer be paid.
 */
export async function closeExpiredOrders(
  deps: Deps,
  now: Date,
  limit = 20,
  budget: RunBudget = unbounded,
  /** Only this subject's orders (a flow closing an outpriced order before pricing a new one). */
  only?: { providerId: string; subjectId: string },
): Promise<ExpiryReport> {
  const db = await deps.db();
  const report: ExpiryReport = { closed: 0, booked: 0, refunding: 0, waiting: 0 };
  const due = await db
    .select()
    .from(orders)
    .where(
      and(
        inArray(orders.status, movableInto('closed')),
        lte(orders.expiresAt, now),
        ...(only ? [eq(orders.providerId, only.providerId), eq(orders.subjectId, only.subjectId)] : []),
      ),
    )
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  for (const order of due) {
    if (!budget.allows()) break;
    try {
      // The channel that holds it (cloudPay, or 非税 by its own order id): asked before anything is closed.
      const channel = channelFor(deps, order.kind);
      const ref = channelOrderIdOf(order);
      let wx = await channel.queryOrder(order.id, ref);
      if (wx.state === 'unpaid') {
        // Paid between the two calls: closeOrder answers ORDERPAID, and we ask again.
        wx = (await channel.closeOrder(order.id, ref)) === 'paid' ? await channel.queryOrder(order.id, ref) : { state: 'closed' };
      }
      if (wx.state === 'paid' || wx.state === 'refunded') {
        const { booking } = await recordPayment(db, deps.log, deps.payables, { orderId: order.id, transactionId: wx.transactionId, amount: wx.amount, paidAt: wx.paidAt }, now);
        if (booking === 'booked' || booking === 'replay') report.booked++;
        else if (booking === 'refunding') report.refunding++;
        else {
          deps.log.error({ alert: 'expiry_payment_unbookable', order: order.id, booking }, 'WeChat Pay reports a payment we cannot book');
          report.waiting++;
        }
        continue;
      }
      if (wx.state === 'paying') {
        report.waiting++;
        continue;
      }
      const closed = await db
        .update(orders)
        .set({ status: 'closed', closedAt: now })
        .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('closed'))))
        .returning({ id: orders.id });
      report.closed += closed.length;
    } catch (e) {
      // WeChat Pay unreachable: an order is never closed without knowing it was not paid.
      deps.log.warn({ order: order.id, err: e instanceof Error ? e.message : String(e) }, 'expiry: could not ask WeChat Pay, order stays pending');
      report.waiting++;
    }
  }
  return report;
}
