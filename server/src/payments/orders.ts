import { AppError, maskAccountNo, type OrderStatus, type OrderView, type PaymentParams, providerById, toShanghaiIso, type UtilityKind } from '@bianmin/core';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { preparedPer } from '../db/prepared';
import { orders, refunds } from '../db/schema';

export type OrderRow = typeof orders.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;

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

export function orderView(r: OrderRow, refund?: RefundRow): OrderView {
  const provider = providerById(r.providerId);
  return {
    orderId: r.id,
    billId: r.billId,
    bindingId: r.bindingId,
    kind: (provider?.kind ?? 'water') as UtilityKind,
    providerName: provider?.name ?? r.providerId,
    accountNoMasked: maskAccountNo(r.accountNo),
    period: r.period,
    amount: r.amount,
    lateFee: r.lateFee,
    status: r.status as OrderStatus,
    createdAt: toShanghaiIso(r.createdAt),
    expiresAt: toShanghaiIso(r.expiresAt),
    ...(r.paidAt ? { paidAt: toShanghaiIso(r.paidAt) } : {}),
    ...(r.settledAt ? { settledAt: toShanghaiIso(r.settledAt) } : {}),
    ...(r.closedAt ? { closedAt: toShanghaiIso(r.closedAt) } : {}),
    ...(r.refundedAt ? { refundedAt: toShanghaiIso(r.refundedAt) } : {}),
    ...(refund
      ? { refund: { reason: refund.reason as NonNullable<OrderView['refund']>['reason'], amount: refund.amount, status: refund.status === 'refunded' ? 'refunded' : refund.status === 'requested' ? 'requested' : 'pending' } }
      : {}),
    ...(r.departmentRef ? { departmentRef: r.departmentRef } : {}),
    ...(r.transactionId ? { transactionId: r.transactionId } : {}),
  };
}

/** What an order pays for; the subject's columns are read per kind (see the orders table). */
export type OrderKind = 'utility' | 'traffic_fine';

export interface NewOrder {
  openid: string;
  idempotencyKey: string;
  kind: OrderKind;
  bindingId: string;
  providerId: string;
  accountNo: string;
  billId: string;
  period: string;
  amount: number;
  lateFee: number;
  /** Sooner than the default TTL when the amount is only right until then (a fine's late fee grows at midnight). */
  expiresAt?: Date;
}

/**
 * Writes the order before any money moves. The database decides races: the first insert wins,
 * and every duplicate — same key, or another key for a bill that already has a live order —
 * gets the order that exists (or CONFLICT when it belongs to someone else or another bill).
 */
export async function placeOrder(db: Db, o: NewOrder, now: Date): Promise<OrderRow> {
  const [created] = await db
    .insert(orders)
    .values({ ...o, id: newOrderId(now), status: 'pending', createdAt: now, expiresAt: o.expiresAt ?? new Date(now.getTime() + ORDER_TTL_MS) })
    .onConflictDoNothing()
    .returning();
  if (created) return created;

  const [sameKey] = await db.select().from(orders).where(and(eq(orders.openid, o.openid), eq(orders.idempotencyKey, o.idempotencyKey)));
  if (sameKey) {
    if (sameKey.providerId !== o.providerId || sameKey.billId !== o.billId) {
      throw new AppError('CONFLICT', '这次支付请求与之前的一笔订单编号重复，请返回重新发起缴费。', { fields: { idempotencyKey: '已用于另一笔订单' } });
    }
    return sameKey;
  }
  const [live] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.providerId, o.providerId), eq(orders.billId, o.billId), notInArray(orders.status, NOT_LIVE)));
  if (live && live.openid === o.openid) return live;
  if (live) {
    throw new AppError('CONFLICT', live.status === 'pending' ? '这笔账单已有家人在支付中，请稍后刷新查看。' : '这笔账单已经缴清，无需重复缴费。');
  }
  // The conflicting order closed between our insert and our look-up: a fresh attempt will do.
  throw new AppError('CONFLICT', '账单状态刚刚发生变化，请刷新后重试。', { retryable: true });
}

export async function savePayment(db: Db, orderId: string, payment: PaymentParams): Promise<void> {
  await db.update(orders).set({ payment }).where(and(eq(orders.id, orderId), eq(orders.status, 'pending')));
}

export async function ownOrder(db: Db, openid: string, orderId: string, kind?: OrderKind): Promise<OrderRow> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.openid, openid), kind ? eq(orders.kind, kind) : undefined));
  if (!row) throw new AppError('NOT_FOUND', '没有找到这笔订单。');
  return row;
}

/** Refunds of these orders, newest per order (a second payment of one order is refunded on its own). */
async function refundsOf(db: Db, orderIds: string[]): Promise<Map<string, RefundRow>> {
  if (!orderIds.length) return new Map();
  const rows = await db.select().from(refunds).where(inArray(refunds.orderId, orderIds)).orderBy(refunds.createdAt);
  return new Map(rows.map((r) => [r.orderId, r]));
}

/** One of the resident's own orders as they see it, refund included; another resident's id is NOT_FOUND. */
export async function ownOrderView(db: Db, openid: string, orderId: string, kind?: OrderKind): Promise<OrderView> {
  const row = await ownOrder(db, openid, orderId, kind);
  return orderView(row, (await refundsOf(db, [row.id])).get(row.id));
}

export async function listOrders(db: Db, openid: string, limit = 100): Promise<OrderView[]> {
  const rows = await listOrderRows(db, openid, 'utility', limit);
  const byOrder = await refundsOf(db, rows.map((r) => r.id));
  return rows.map((r) => orderView(r, byOrder.get(r.id)));
}

/** A resident's orders of one kind, newest first: each flow presents its own. */
export async function listOrderRows(db: Db, openid: string, kind: OrderKind, limit = 100): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.openid, openid), eq(orders.kind, kind)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

/** Live orders (not closed) for these bills, by bill id: a bill with one must not be offered for payment again. */
const liveOrdersQuery = preparedPer((db) =>
  db
    .select()
    .from(orders)
    // `= any($2)`: one statement for any number of bills (an IN list would be one per length).
    .where(and(eq(orders.providerId, sql.placeholder('providerId')), sql`${orders.billId} = any(${sql.placeholder('billIds')}::text[])`, notInArray(orders.status, NOT_LIVE)))
    .prepare('live_orders_for_bills'),
);

export async function liveOrdersFor(db: Db, providerId: string, billIds: string[]): Promise<Map<string, OrderRow>> {
  if (!billIds.length) return new Map();
  const rows = await liveOrdersQuery(db).execute({ providerId, billIds });
  return new Map(rows.map((r) => [r.billId, r]));
}
