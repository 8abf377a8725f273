import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { AppError, toShanghaiIso } from '@bianmin/core';
import { utilityFor } from '../bills/utilities';
import { trafficFor } from '../departments/traffic';
import { orders, outbox } from '../db/schema';
import { DepartmentRejection } from '../departments/client';
import { movableInto } from './orders';
import type { Deps } from '../runtime/types';

/** A claimed row is skipped by other workers this long; posting is idempotent, so a crash only delays. */
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export interface OutboxReport {
  settled: number;
  retrying: number;
  failed: number;
}

function backoff(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 15_000 * 2 ** Math.max(0, attempts - 1));
}

type Outcome = 'settled' | 'retrying' | 'failed';

async function post(deps: Deps, row: typeof outbox.$inferSelect, now: Date): Promise<Outcome> {
  const db = await deps.db();
  const [order] = await db.select().from(orders).where(eq(orders.id, row.orderId));
  if (!order || order.status === 'settled') {
    await db.update(outbox).set({ status: 'done', doneAt: now }).where(eq(outbox.id, row.id));
    return 'settled';
  }
  try {
    const paidAt = toShanghaiIso(order.paidAt ?? now);
    const posted =
      order.kind === 'traffic_fine'
        ? await trafficFor(deps).postPayment({ orderId: order.id, violationId: order.billId, plate: order.accountNo, decisionNo: order.period, amount: order.amount, paidAt })
        : await utilityFor(deps, order.providerId).postPayment(
            { orderId: order.id, accountNo: order.accountNo, billId: order.billId, amount: order.amount, paidAt },
            toShanghaiIso(now).slice(0, 10),
          );
    await db.transaction(async (tx) => {
      await tx
        .update(orders)
        .set({ status: 'settled', settledAt: now, departmentRef: posted.paymentRef })
        .where(and(eq(orders.id, order.id), inArray(orders.status, movableInto('settled'))));
      await tx.update(outbox).set({ status: 'done', doneAt: now, lastError: null }).where(eq(outbox.id, row.id));
    });
    deps.log.info({ order: order.id, ref: posted.paymentRef }, 'payment posted to department');
    return 'settled';
  } catch (e) {
    // The department refused the posting outright (the bill was paid at a counter meanwhile…):
    // retrying cannot help, a person must refund. Anything else is retried with backoff.
    const final = e instanceof DepartmentRejection && e.status >= 400 && e.status < 500 && e.status !== 429;
    const reason = e instanceof DepartmentRejection ? `${e.status} ${e.departmentCode}` : e instanceof AppError ? e.code : String(e);
    await db
      .update(outbox)
      .set(final ? { status: 'failed', lastError: reason } : { lastError: reason, nextAttemptAt: new Date(now.getTime() + backoff(row.attempts)) })
      .where(eq(outbox.id, row.id));
    (final ? deps.log.error : deps.log.warn).call(deps.log, { order: order.id, reason, attempts: row.attempts }, final ? 'department refused a paid order: refund needed' : 'department posting will be retried');
    return final ? 'failed' : 'retrying';
  }
}

async function claim(deps: Deps, now: Date, where: ReturnType<typeof and>, limit: number) {
  const db = await deps.db();
  const due = db.select({ id: outbox.id }).from(outbox).where(where).orderBy(asc(outbox.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(outbox.id, due))
    .returning();
}

/**
 * Posts paid orders to their departments until each is settled. Run by a timer trigger on
 * CloudBase and a loop locally; rows live in the database, so a restart loses nothing.
 */
export async function processOutbox(deps: Deps, now: Date, limit = 20): Promise<OutboxReport> {
  const report: OutboxReport = { settled: 0, retrying: 0, failed: 0 };
  const rows = await claim(deps, now, and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), limit);
  for (const row of rows) report[await post(deps, row, now)]++;
  return report;
}

/** Right after a payment: try to post this order now rather than waiting for the next run. */
export async function postPaidOrder(deps: Deps, orderId: string, now: Date): Promise<Outcome | 'busy'> {
  const [row] = await claim(deps, now, and(eq(outbox.orderId, orderId), eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), 1);
  return row ? post(deps, row, now) : 'busy';
}

/** Pending orders nobody paid close after their expiry. */
export async function closeExpiredOrders(deps: Deps, now: Date): Promise<{ closed: number }> {
  const db = await deps.db();
  const closed = await db
    .update(orders)
    .set({ status: 'closed', closedAt: now })
    .where(and(inArray(orders.status, movableInto('closed')), lte(orders.expiresAt, now)))
    .returning({ id: orders.id });
  return { closed: closed.length };
}
