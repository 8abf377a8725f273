import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** 'utility' now; traffic fines reuse the same machinery. */
    kind: text('kind').notNull(),
    bindingId: uuid('binding_id'),
    providerId: text('provider_id').notNull(),
    accountNo: text('account_no').notNull(),
    billId: text('bill_id').notNull(),
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
 * A 12345 ticket, written before the platform is called: the row is the submission, and it stays
 * `pending` (with the outbox columns) until the platform answers with a ticket number. Our id is
 * the platform's request id, so a retry after a lost answer is recognised there, never filed twice.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    /** The client's key for one submission: duplicate taps name one ticket. */
    requestId: text('request_id').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    description: text('description').notNull(),
    place: jsonb('place'),
    /** File ids (Storage port), checked by content before the row was written. */
    photos: jsonb('photos').notNull().default([]),
    video: text('video'),
    /** Passed to the platform so a person can call back; shown masked everywhere. */
    contactPhone: text('contact_phone'),
    public: boolean('public').notNull(),
    status: text('status').notNull().default('pending'),
    ticketNo: text('ticket_no'),
    department: text('department'),
    filedAt: at('filed_at').notNull(),
    submittedAt: at('submitted_at'),
    repliedAt: at('replied_at'),
    reopenedAt: at('reopened_at'),
    closedAt: at('closed_at'),
    /** Replies received so far; rating and reopening are allowed once per reply. */
    replyRound: integer('reply_round').notNull().default(0),
    reopenedRound: integer('reopened_round').notNull().default(0),
    ratedRound: integer('rated_round').notNull().default(0),
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: at('rated_at'),
    /** The newest platform event applied: an older one arriving late never moves the status back. */
    lastEventSeq: integer('last_event_seq').notNull().default(0),
    /** WeChat mediaCheckAsync trace ids of the photos, to match its verdicts. */
    mediaTraceIds: jsonb('media_trace_ids').notNull().default([]),
    /** Outbox: attempts to reach the platform; a claim pushes next_attempt_at out by a lease. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('tickets_request').on(t.openid, t.requestId),
    uniqueIndex('tickets_ticket_no').on(t.ticketNo),
    index('tickets_by_resident').on(t.openid, t.filedAt),
    index('tickets_pending').on(t.status, t.nextAttemptAt),
  ],
);

/** The platform's events for our tickets, once each (its sequence number is unique). */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    seq: integer('seq').primaryKey(),
    ticketId: uuid('ticket_id').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    at: at('at').notNull(),
    department: text('department'),
    text: text('text').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('ticket_events_by_ticket').on(t.ticketId, t.seq)],
);

/** Where the event feed was read up to, and who is reading it (a lease that expires). */
export const ticketSync = pgTable('ticket_sync', {
  id: text('id').primaryKey(),
  cursor: integer('cursor').notNull().default(0),
  leaseUntil: at('lease_until'),
});
