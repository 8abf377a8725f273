import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * "Remind me when it opens": one pending reminder per resident and service. Stored, so that a
 * restart of the sender loses none; `status` moves pending → sent (or failed after retries),
 * and the send is claimed in a transaction so each reminder goes out once.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    serviceId: text('service_id').notNull(),
    remindAt: at('remind_at').notNull(),
    /** 'subscribe' (WeChat one-time subscribe message) or 'inbox' (in-app message centre). */
    channel: text('channel').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('reminders_one_pending_per_service').on(t.openid, t.serviceId).where(sql`${t.status} = 'pending'`),
    index('reminders_due').on(t.status, t.remindAt),
  ],
);

/** The in-app message centre: what a resident was told, newest first. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    path: text('path'),
    /** Ties a message to what caused it, so a retried send never files it twice. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
  },
  (t) => [uniqueIndex('messages_dedupe').on(t.openid, t.dedupeKey), index('messages_by_resident').on(t.openid, t.createdAt)],
);

/** A household account a resident bound: their own, their parents'… Unbinding keeps the row for the order history. */
export const bindings = pgTable(
  'bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    providerId: text('provider_id').notNull(),
    kind: text('kind').notNull(),
    accountNo: text('account_no').notNull(),
    label: text('label'),
    /** As the department masks it (张*明): we never store the full name. */
    holderName: text('holder_name').notNull(),
    address: text('address').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    uniqueIndex('bindings_one_live_per_account').on(t.openid, t.providerId, t.accountNo).where(sql`${t.deletedAt} IS NULL`),
    index('bindings_by_resident').on(t.openid),
  ],
);

/**
 * A payment order, written before any money moves. Two rules live in the database, not in code:
 * a resident's idempotency key names one order, and a bill has at most one order that is not
 * closed — so duplicate taps, two phones or a retry after a timeout can never take money twice.
 */
export const orders = pgTable(
  'orders',
  {
    /** Our order id, also WeChat Pay's outTradeNo (≤ 32 alphanumerics). */
    id: text('id').primaryKey(),
    openid: text('openid').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** 'utility' or 'traffic_fine': one machinery, the subject named by the columns below. */
    kind: text('kind').notNull(),
    /** The resident's household binding, or vehicle for a fine. */
    bindingId: uuid('binding_id'),
    /** The utility's provider id, or 'traffic'. */
    providerId: text('provider_id').notNull(),
    /** The household account, or the plate of a fine. */
    accountNo: text('account_no').notNull(),
    /** The bill, or the violation id. */
    billId: text('bill_id').notNull(),
    /** What is paid for: a bill's month, or a fine's decision number (the receipt prints it). */
    period: text('period').notNull(),
    /** Fen: what the resident pays (bill + late fee). */
    amount: integer('amount').notNull(),
    lateFee: integer('late_fee').notNull(),
    status: text('status').notNull().default('pending'),
    payment: jsonb('payment'),
    transactionId: text('transaction_id'),
    departmentRef: text('department_ref'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    paidAt: at('paid_at'),
    settledAt: at('settled_at'),
    closedAt: at('closed_at'),
  },
  (t) => [
    uniqueIndex('orders_idempotency').on(t.openid, t.idempotencyKey),
    uniqueIndex('orders_one_live_per_bill').on(t.providerId, t.billId).where(sql`${t.status} <> 'closed'`),
    index('orders_by_resident').on(t.openid, t.createdAt),
    index('orders_pending_expiry').on(t.status, t.expiresAt),
  ],
);

/** Every payment notification accepted, once per WeChat transaction (callbacks repeat for two days). */
export const payments = pgTable('payments', {
  transactionId: text('transaction_id').primaryKey(),
  orderId: text('order_id').notNull(),
  amount: integer('amount').notNull(),
  receivedAt: at('received_at').notNull(),
});

/**
 * Work that must happen after a payment even if the department is down or the process dies:
 * posting the payment to the department. Written in the same transaction as the payment.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: text('order_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    doneAt: at('done_at'),
  },
  (t) => [uniqueIndex('outbox_once_per_order').on(t.orderId, t.kind), index('outbox_due').on(t.status, t.nextAttemptAt)],
);

/**
 * A vehicle a resident added (own, family): plate, GA plate kind and the engine number's last
 * six, the three proofs the traffic police ask on every call. Removing keeps the row for the
 * order history.
 */
export const vehicles = pgTable(
  'vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    /** Canonical (粤B12345); shown masked, revealed on request. */
    plate: text('plate').notNull(),
    plateKind: text('plate_kind').notNull(),
    engineNoSuffix: text('engine_no_suffix').notNull(),
    /** 车辆类型 as the traffic police record it. */
    vehicleType: text('vehicle_type').notNull(),
    label: text('label'),
    createdAt: at('created_at').notNull().defaultNow(),
    deletedAt: at('deleted_at'),
  },
  (t) => [
    uniqueIndex('vehicles_one_live_per_plate').on(t.openid, t.plate, t.plateKind).where(sql`${t.deletedAt} IS NULL`),
    index('vehicles_by_resident').on(t.openid),
  ],
);
