import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { AppError, toShanghaiIso } from '@bianmin/core';
import { utilityFor } from '../flows/bills/utilities';
import { trafficFor } from '../departments/traffic';
import { orderLines, orders, outbox } from '../db/schema';
import { DepartmentRejection } from '../departments/client';
import { queueRefund, recordPayment } from './book';
import { linesOf, movableInto } from './orders';
import type { Deps } from '../runtime/types';
import { type RunBudget, unbounded } from '../runtime/jobs';

/** What a resident is told when a department refuses our posting, by the department's code. */
const REFUSAL: Record<string, string> = {
  BILL_ALREADY_PAID: '该账单已在其他渠道缴清',
  WRONG_PERIOD: '缴费时间不在该账单的缴费期内',
  BILL_NOT_FOUND: '缴费单位查不到这笔账单',
  ACCOUNT_NOT_FOUND: '缴费单位查不到这个户号',
  AMOUNT_MISMATCH: '缴费金额与账单不符',
  NOT_PREPAID: '该户不是预付费电表',
  BAD_TOPUP_AMOUNT: '预存金额不符合供电公司的规则',
  // The traffic police, for a fine.
  ALREADY_PAID: '该罚款已在其他渠道缴纳',
  UNDER_APPEAL: '该违法记录正在申诉复核中，不能缴款',
  NOT_DECIDED: '该违法记录尚未作出处罚决定',
  VIOLATION_NOT_FOUND: '交警部门查不到这条违法记录',
};

/** A claimed row is skipped by other workers this long; posting is idempotent, so a crash only delays. */
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export interface OutboxReport {
  settled: number;
  retrying: number;
  failed: number;
}

/**
 * The id a bill's posting carries (the department is idempotent on it): the order id for a
 * single bill, `<order>-<line>` for each bill of a multi-bill order.
 */
export const postingId = (orderId: string, lineNo: number, lineCount: number) => (lineCount === 1 ? orderId : `${orderId}-${lineNo}`);

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
  if (order.status !== 'paid') {
    // Refunding or refunded: there is no money of this order left to post.
    await db.update(outbox).set({ status: 'failed', lastError: `order ${order.status}` }).where(eq(outbox.id, row.id));
    return 'failed';
  }
  const lines = order.kind === 'utility' ? await linesOf(db, order.id) : [];
  try {
    const paidAt = toShanghaiIso(order.paidAt ?? now);
    let ref: string;
    if (order.kind === 'prepaid_topup') {
      // One booking, idempotent on our order id: the meter's balance moves once however often we ask.
      ref = (await utilityFor(deps, order.providerId).postTopup({ orderId: order.id, accountNo: order.accountNo, amount: order.amount, paidAt })).paymentRef;
    } else if (order.kind === 'traffic_fine') {
      ref = (await trafficFor(deps).postPayment({ orderId: order.id, violationId: order.billId, plate: order.accountNo, decisionNo: order.period, amount: order.amount, paidAt })).paymentRef;
    } else {
      // One posting per bill, each idempotent on its own posting id, each recorded as it lands:
      // after a crash or a refusal midway, a retry posts only what is left.
      const api = utilityFor(deps, order.providerId);
      const todo = lines.length ? lines : [{ lineNo: 1, billId: order.billId, amount: order.amount, departmentRef: null }];
      for (const line of todo) {
        if (line.departmentRef) continue;
        const posted = await api.postPayment(
          { orderId: postingId(order.id, line.lineNo, todo.length), accountNo: order.accountNo, billId: line.billId, amount: line.amount, paidAt },
          toShanghaiIso(now).slice(0, 10),
        );
        line.departmentRef = posted.paymentRef;
        if (lines.length) {
          await db.update(orderLines).set({ departmentRef: posted.paymentRef, postedAt: now }).where(and(eq(orderLines.orderId, order.id), eq(orderLines.lineNo, line.lineNo)));
        }
      }
      ref = todo.map((l) => l.departmentRef).join(' ');
    }
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
      await db.update(outbox).set({ lastError: reason, nextAttemptAt: new Date(now.getTime() + backoff(row.attempts)) }).where(eq(outbox.id, row.id));
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
      // Bills of this order already posted stay paid at the department: only the rest goes back.
      const unposted = lines.length ? lines.filter((l) => !l.departmentRef).reduce((s, l) => s + l.amount, 0) : order.amount;
      if (moved.length && order.transactionId) {
        await queueRefund(tx, { order, transactionId: order.transactionId, totalFee: order.amount, amount: unposted, reason: 'department_refused', detail: REFUSAL[code] ?? '缴费单位拒绝入账' }, now);
      }
    });
    deps.log.warn({ order: order.id, reason }, 'department refused a paid order: refunding');
    return 'failed';
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
  /** Only this bill's orders (a flow closing an outpriced order before pricing a new one). */
  only?: { providerId: string; billId: string },
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
        ...(only ? [eq(orders.providerId, only.providerId), eq(orders.billId, only.billId)] : []),
      ),
    )
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  for (const order of due) {
    if (!budget.allows()) break;
    try {
      let wx = await deps.payments.queryOrder(order.id);
      if (wx.state === 'unpaid') {
        // Paid between the two calls: closeOrder answers ORDERPAID, and we ask again.
        wx = (await deps.payments.closeOrder(order.id)) === 'paid' ? await deps.payments.queryOrder(order.id) : { state: 'closed' };
      }
      if (wx.state === 'paid' || wx.state === 'refunded') {
        const { booking } = await recordPayment(db, deps.log, { orderId: order.id, transactionId: wx.transactionId, amount: wx.amount, paidAt: wx.paidAt }, now);
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
