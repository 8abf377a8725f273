import { AppError, type OrderHistory, type OrderStatus, type PaymentParams, type RefundView, toShanghaiIso } from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { preparedPer } from '../db/prepared';
import type { Db } from '../db/open';
import type { CallContext } from '../runtime/types';
import { isUniqueViolation } from '../db/errors';
import { orderLines, orders, refunds } from '../db/schema';

export type OrderRow = typeof orders.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** Unpaid orders close after this; WeChat Pay's own prepay id lives two hours. */
export const ORDER_TTL_MS = 30 * 60_000;

/**
 * The order's life: pending → paid (WeChat Pay notified us) → settled (the department booked it);
 * pending → closed when it expires unpaid (after WeChat Pay confirms nothing was paid).
 * A closed order still becomes paid if a payment for it arrives late and the bill has no other
 * live order: the money moved, so it is booked. When it cannot be booked — the bill was paid
 * meanwhile — or the department refuses the posting, the money goes back:
 * closed/paid → refund_pending → refunded.
 */
const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending: ['paid', 'closed'],
  paid: ['settled', 'refund_pending'],
  settled: [],
  closed: ['paid', 'refund_pending'],
  refund_pending: ['refunded'],
  refunded: [],
};

/** Statuses that hold the bill: the database allows one such order per bill (orders_one_live_per_bill). */
export const NOT_LIVE: OrderStatus[] = ['closed', 'refund_pending', 'refunded'];

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses an order may be in to move to `to`: the WHERE clause of every status update. */
export function movableInto(to: OrderStatus): OrderStatus[] {
  return (Object.keys(TRANSITIONS) as OrderStatus[]).filter((from) => canMove(from, to));
}

/** `BM` + Shanghai time + 8 random: sortable, ≤ 32 alphanumerics as WeChat Pay's outTradeNo requires. */
export function newOrderId(now: Date): string {
  const stamp = toShanghaiIso(now).slice(0, 19).replace(/\D/g, '');
  const rand = randomBytes(6).readUIntBE(0, 6).toString(36).toUpperCase().padStart(8, '0').slice(-8);
  return `BM${stamp}${rand}`;
}

/** A refund as the resident sees it on the order's page: why, how much, and whether it is back yet. */
export function refundView(refund: RefundRow): RefundView {
  return {
    reason: refund.reason as RefundView['reason'],
    amount: refund.amount,
    status: refund.status === 'refunded' ? 'refunded' : refund.status === 'requested' ? 'requested' : 'pending',
  };
}

/**
 * What every kind's order view says the same way: its times in Beijing time, its refund, the
 * department's reference and WeChat Pay's transaction id, each only once it exists.
 */
export function orderLifecycle(r: OrderRow, refund: RefundRow | undefined) {
  return {
    createdAt: toShanghaiIso(r.createdAt),
    expiresAt: toShanghaiIso(r.expiresAt),
    ...(r.paidAt ? { paidAt: toShanghaiIso(r.paidAt) } : {}),
    ...(r.settledAt ? { settledAt: toShanghaiIso(r.settledAt) } : {}),
    ...(r.closedAt ? { closedAt: toShanghaiIso(r.closedAt) } : {}),
    ...(r.refundedAt ? { refundedAt: toShanghaiIso(r.refundedAt) } : {}),
    ...(refund ? { refund: refundView(refund) } : {}),
    ...(r.departmentRef ? { departmentRef: r.departmentRef } : {}),
    ...(r.transactionId ? { transactionId: r.transactionId } : {}),
  };
}

/** What an order pays for: a payable kind a flow declares (payments/kinds.ts); the columns mean the same for each (the orders table). */
export type OrderKind = string;

export interface NewOrder {
  openid: string;
  idempotencyKey: string;
  kind: OrderKind;
  bindingId: string;
  providerId: string;
  accountRef: string;
  subjectId: string;
  subjectLabel: string;
  amount: number;
  lateFee: number;
  /**
   * A utility order's bills, oldest first (one for a single month): the order's amount is their
   * sum, and `subjectId`/`subjectLabel` above name the first. Traffic orders have none.
   */
  lines?: { billId: string; period: string; amount: number; lateFee: number }[];
  /** Sooner than the default TTL when the amount is only right until then (a fine's late fee grows at midnight). */
  expiresAt?: Date;
  /** A relative paying for the resident (亲友代办): their openid and the link they act through (payerOf). */
  payerOpenid?: string;
  familyLinkId?: string;
}

/**
 * Who pays an order placed in this call: a helper acting for a relative pays with their own
 * WeChat (the call — and so cloudPay's unifiedOrder, which bills the calling WeChat user — is
 * theirs), while the bill or fine and its order stay the relative's.
 */
export function payerOf(ctx: CallContext): Pick<NewOrder, 'payerOpenid' | 'familyLinkId'> {
  return ctx.actingFor ? { payerOpenid: ctx.actingFor.helperOpenid, familyLinkId: ctx.actingFor.linkId } : {};
}

/** The openid whose WeChat pays the order. */
export const payerOpenidOf = (o: Pick<OrderRow, 'openid' | 'payerOpenid'>): string => o.payerOpenid ?? o.openid;


/** The bills an order covers, as a comparable key. */
const billSetOf = (o: Pick<NewOrder, 'subjectId' | 'lines'>) => (o.lines?.length ? o.lines.map((l) => l.billId) : [o.subjectId]).slice().sort().join('\n');

/**
 * Writes the order (and its bill lines) before any money moves. The database decides races:
 * the first insert wins, and every duplicate — same key, or another key for bills that already
 * have a live order — gets the order that exists when it covers the same bills (or CONFLICT when
 * it belongs to someone else or to other bills).
 */
export async function placeOrder(db: Db, o: NewOrder, now: Date): Promise<OrderRow> {
  let created: OrderRow | undefined;
  try {
    created = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(orders)
        .values({ ...o, id: newOrderId(now), status: 'pending', createdAt: now, expiresAt: o.expiresAt ?? new Date(now.getTime() + ORDER_TTL_MS) })
        .onConflictDoNothing()
        .returning();
      if (row && o.lines?.length) {
        await tx.insert(orderLines).values(o.lines.map((l, i) => ({ ...l, orderId: row.id, lineNo: i + 1, providerId: o.providerId })));
      }
      return row;
    });
  } catch (e) {
    // Another live order holds one of the later bills: the insert is undone, and the look-ups below explain.
    if (!isUniqueViolation(e, 'order_lines_one_live_per_bill')) throw e;
  }
  if (created) return created;

  const wanted = billSetOf(o);
  const [sameKey] = await db.select().from(orders).where(and(eq(orders.openid, o.openid), eq(orders.idempotencyKey, o.idempotencyKey)));
  if (sameKey) {
    // A relative's key and the holder's own live in one namespace (the order is the holder's): the payer must match too.
    if (payerOpenidOf(sameKey) !== (o.payerOpenid ?? o.openid)) {
      throw new AppError('CONFLICT', '这次支付请求与之前的一笔订单编号重复，请返回重新发起缴费。', { fields: { idempotencyKey: '已用于另一笔订单' } });
    }
    // The key names one payment of one thing: the same kind, for the same household or vehicle
    // (a top-up's subject is derived from the key alone, so its binding is what tells meters apart).
    const sameBills =
      sameKey.kind === o.kind &&
      sameKey.bindingId === o.bindingId &&
      sameKey.providerId === o.providerId &&
      billSetOf({ subjectId: sameKey.subjectId, lines: await linesOf(db, sameKey.id) }) === wanted;
    if (!sameBills) {
      throw new AppError('CONFLICT', '这次支付请求与之前的一笔订单编号重复，请返回重新发起缴费。', { fields: { idempotencyKey: '已用于另一笔订单' } });
    }
    return sameKey;
  }
  const live = o.lines?.length
    ? [...new Map([...(await liveOrdersFor(db, o.providerId, o.lines.map((l) => l.billId))).values()].map((r) => [r.id, r])).values()]
    : await db
        .select()
        .from(orders)
        .where(and(eq(orders.providerId, o.providerId), eq(orders.subjectId, o.subjectId), notInArray(orders.status, NOT_LIVE)));
  const mine = live.find((r) => r.openid === o.openid);
  if (live.length === 1 && mine && billSetOf({ subjectId: mine.subjectId, lines: await linesOf(db, mine.id) }) === wanted) {
    // The same bills, but another WeChat's sheet (the holder's own, or a relative's): not payable by this payer.
    if (payerOpenidOf(mine) !== (o.payerOpenid ?? o.openid) && mine.status === 'pending') {
      throw new AppError('CONFLICT', '这笔账单已有一笔由家人发起、尚未完成的支付，请稍后刷新查看，或等待其超时关闭后再缴。', { retryable: true });
    }
    return mine;
  }
  if (live.length) {
    const other = live.find((r) => r.openid !== o.openid) ?? live[0];
    if (other.openid === o.openid && other.status === 'pending') {
      throw new AppError('CONFLICT', `您还有一笔未完成的订单（${other.subjectLabel}，订单 ${other.id}），请在订单页继续支付，或稍后刷新重试。`, { retryable: true });
    }
    throw new AppError('CONFLICT', other.status === 'pending' ? '这笔账单已有家人在支付中，请稍后刷新查看。' : '这笔账单已经缴清，无需重复缴费。');
  }
  // The conflicting order closed between our insert and our look-up: a fresh attempt will do.
  throw new AppError('CONFLICT', '账单状态刚刚发生变化，请刷新后重试。', { retryable: true });
}

/** An order's bill lines, in posting order (none for a traffic order). */
export async function linesOf(db: Db, orderId: string): Promise<OrderLineRow[]> {
  return db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.lineNo));
}

export async function linesByOrder(db: Db, orderIds: string[]): Promise<Map<string, OrderLineRow[]>> {
  const out = new Map<string, OrderLineRow[]>();
  if (!orderIds.length) return out;
  const rows = await db.select().from(orderLines).where(inArray(orderLines.orderId, orderIds)).orderBy(asc(orderLines.lineNo));
  for (const r of rows) out.set(r.orderId, [...(out.get(r.orderId) ?? []), r]);
  return out;
}

export async function savePayment(db: Db, orderId: string, payment: PaymentParams): Promise<void> {
  await db.update(orders).set({ payment }).where(and(eq(orders.id, orderId), eq(orders.status, 'pending')));
}

/**
 * The resident's own order — or one they pay for a relative (`payer: true`, 我的订单: the payer
 * follows their payment, the relative sees it as theirs).
 */
export async function ownOrder(db: Db, openid: string, orderId: string, kind?: OrderKind | readonly OrderKind[], opts: { payer?: boolean } = {}): Promise<OrderRow> {
  const kinds = kind === undefined ? undefined : typeof kind === 'string' ? [kind] : [...kind];
  const whose = opts.payer ? or(eq(orders.openid, openid), eq(orders.payerOpenid, openid)) : eq(orders.openid, openid);
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), whose, kinds ? inArray(orders.kind, kinds) : undefined));
  if (!row) throw new AppError('NOT_FOUND', '没有找到这笔订单。');
  return row;
}

/** Refunds of these orders, newest per order (a second payment of one order is refunded on its own). */
export async function refundsOf(db: Db, orderIds: string[]): Promise<Map<string, RefundRow>> {
  if (!orderIds.length) return new Map();
  const rows = await db.select().from(refunds).where(inArray(refunds.orderId, orderIds)).orderBy(refunds.createdAt);
  return new Map(rows.map((r) => [r.orderId, r]));
}

/**
 * A resident's orders of some kinds, newest first: each flow presents its own. `paid` keeps only
 * payments that went through, in the query, so closed attempts never crowd them out of the limit.
 */
export async function listOrderRows(db: Db, openid: string, kind: OrderKind | readonly OrderKind[], show: OrderHistory = 'all', limit = 100, opts: { payer?: boolean } = {}): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        opts.payer ? or(eq(orders.openid, openid), eq(orders.payerOpenid, openid)) : eq(orders.openid, openid),
        inArray(orders.kind, typeof kind === 'string' ? [kind] : [...kind]),
        show === 'paid' ? inArray(orders.status, [...PAID_ORDER_STATUSES]) : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

/**
 * Live orders (not closed) for these bills, by bill id: a bill with one must not be offered for
 * payment again. A multi-bill order holds each of its bills through its lines.
 */
// Prepared once per handle (see db/prepared.ts): `bill` asks this on every call, and building the
// two queries with drizzle each time was ~30% of a cache-hit `bills.bill`'s CPU (npm run bench's
// profile). The bill ids travel as one text[] parameter so that any number of them fits one plan.
const liveDirectQuery = preparedPer((db) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.providerId, sql.placeholder('providerId')), sql`${orders.subjectId} = any(${sql.placeholder('billIds')}::text[])`, notInArray(orders.status, NOT_LIVE)))
    .prepare('live_orders_direct'),
);

const liveViaLinesQuery = preparedPer((db) =>
  db
    .select({ billId: orderLines.billId, order: orders })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.providerId, sql.placeholder('providerId')), sql`${orderLines.billId} = any(${sql.placeholder('billIds')}::text[])`, eq(orderLines.live, true)))
    .prepare('live_orders_via_lines'),
);

export async function liveOrdersFor(db: Db, providerId: string, billIds: string[]): Promise<Map<string, OrderRow>> {
  if (!billIds.length) return new Map();
  const [direct, viaLines] = await Promise.all([liveDirectQuery(db).execute({ providerId, billIds }), liveViaLinesQuery(db).execute({ providerId, billIds })]);
  const out = new Map<string, OrderRow>(direct.map((r) => [r.subjectId, r]));
  for (const { billId, order } of viaLines) out.set(billId, order);
  return out;
}
