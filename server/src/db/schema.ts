import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /**
     * The lease of the run that claimed it ('sending'): past this instant the claim is void and
     * the next run takes it back — a run that dies mid-batch delays a reminder, never loses it.
     */
    claimedUntil: at('claimed_until'),
    /**
     * 'opens': remind at `remindAt`, the schedule's known reopening. 'recovers': the department is
     * down and nobody knows until when — every run from `remindAt` on probes it and sends once it
     * answers again.
     */
    until: text('until').notNull().default('opens'),
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
    /** Due-date and overdue reminders for this household (the resident's switch; on unless turned off). */
    dueReminders: boolean('due_reminders').notNull().default(true),
  },
  (t) => [
    uniqueIndex('bindings_one_live_per_account').on(t.openid, t.providerId, t.accountNo).where(sql`${t.deletedAt} IS NULL`),
    index('bindings_by_resident').on(t.openid),
  ],
);

/**
 * A due-date reminder that went out: one row per household binding, bill and rule ('due_soon',
 * 'overdue'). The primary key is the "sent once" rule: two concurrent runs, or a rerun after a
 * crash, cannot both insert it, and the message-centre entry is filed in the same transaction.
 */
export const billReminders = pgTable(
  'bill_reminders',
  {
    bindingId: uuid('binding_id').notNull(),
    billId: text('bill_id').notNull(),
    rule: text('rule').notNull(),
    openid: text('openid').notNull(),
    /** Fen: the late fee the bill carried when the overdue reminder went out (0 for due_soon). */
    lateFee: integer('late_fee').notNull().default(0),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bindingId, t.billId, t.rule] })],
);

/**
 * Every attempt to bind a household, kept for the rate limit: the limit has to hold across
 * function instances, so it lives in the database, not in a process. An attempt is written
 * ('pending') before the department is asked, so parallel guesses count against the limit too;
 * a crash leaves it pending, which counts as a failure until it ages out of the window.
 */
/**
 * The one rate limiter's state (server/src/limits/rate-limit.ts): per caller and limit, the
 * instants of the hits still inside the limit's rolling window — never more than the limit, so a
 * row stays small. Taking a hit is one upsert that checks and counts together.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    caller: text('caller').notNull(),
    /** `bills.bind.failed`, `traffic.addVehicle.failed`, `insurance.verify.started`, … */
    name: text('name').notNull(),
    hits: timestamp('hits', { withTimezone: true, mode: 'date' }).array().notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.name] })],
);

/**
 * No longer written or read: failed bind proofs are counted in `rate_limits` (its migration
 * copied the last window's failures over). Kept for one release so that function instances of
 * the previous one, still serving during a deploy, keep working; a later migration drops it.
 */
export const bindAttempts = pgTable(
  'bind_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    /** 'pending' | 'failed' | 'ok' | 'refused' (turned away by the limit itself: not counted). */
    outcome: text('outcome').notNull().default('pending'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('bind_attempts_by_resident').on(t.openid, t.createdAt)],
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
    /**
     * What the order pays for, a payable kind its flow declares (flows/<flow>/payables.ts):
     * 'utility' (one or more bills), 'prepaid_topup', 'traffic_fine'. One machinery for all; the
     * columns below hold the same idea for each kind.
     */
    kind: text('kind').notNull(),
    /** The resident's binding the order was placed from: a household, or a vehicle for a fine. */
    bindingId: uuid('binding_id'),
    /** Who is paid: a utility's provider id, or 'traffic'. */
    providerId: text('provider_id').notNull(),
    /** The account the payee books it to: a household's account number, or a fine's plate. */
    accountRef: text('account_ref').notNull(),
    /**
     * What is paid, as the payee names it: a bill id (a multi-bill order's first; its lines hold
     * all), a top-up's `TOPUP-…` id, or a violation id. One live order per payee and subject.
     */
    subjectId: text('subject_id').notNull(),
    /** The subject as the receipt prints it: a bill's month, `预存 <date>`, or a fine's decision number. */
    subjectLabel: text('subject_label').notNull(),
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
    /** When the money went back (refund_pending → refunded). */
    refundedAt: at('refunded_at'),
    /**
     * Who pays, when not the resident the order belongs to: a relative acting for them (亲友代办).
     * The bill or fine stays the resident's; WeChat Pay's sheet is the payer's (the call came from
     * the payer's WeChat), and both see the order in 我的订单.
     */
    payerOpenid: text('payer_openid'),
    /** The family link the payer acted through (its labels name each side to the other). */
    familyLinkId: uuid('family_link_id'),
  },
  (t) => [
    uniqueIndex('orders_idempotency').on(t.openid, t.idempotencyKey),
    // Closed and refunded orders hold no money for the bill: it may be paid again.
    uniqueIndex('orders_one_live_per_bill')
      .on(t.providerId, t.subjectId)
      .where(sql`${t.status} NOT IN ('closed', 'refund_pending', 'refunded')`),
    index('orders_by_resident').on(t.openid, t.createdAt),
    index('orders_by_payer').on(t.payerOpenid, t.createdAt).where(sql`${t.payerOpenid} IS NOT NULL`),
    index('orders_pending_expiry').on(t.status, t.expiresAt),
  ],
);

/**
 * The bills a utility order pays, one line per bill (a single-month order has one line). The
 * rule "a bill has at most one live order" holds across multi-bill orders here: `live` follows
 * the order's status (the trigger `order_lines_follow_order`, written with this table's
 * migration), and the partial unique index refuses a second live line for a bill — in the
 * same statement that would make a second order live. Each line is posted to the department
 * on its own and keeps the department's receipt number.
 */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: text('order_id').notNull(),
    /** 1-based, oldest bill first: the order postings are made in. */
    lineNo: integer('line_no').notNull(),
    providerId: text('provider_id').notNull(),
    billId: text('bill_id').notNull(),
    period: text('period').notNull(),
    /** Fen: this bill with its late fee as priced when the order was placed. */
    amount: integer('amount').notNull(),
    lateFee: integer('late_fee').notNull(),
    /** False once the order is closed or its money goes back (kept by the trigger, never by code). */
    live: boolean('live').notNull().default(true),
    /** The department's receipt number for this bill, once posted. */
    departmentRef: text('department_ref'),
    postedAt: at('posted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    uniqueIndex('order_lines_bill_once_per_order').on(t.orderId, t.billId),
    uniqueIndex('order_lines_one_live_per_bill').on(t.providerId, t.billId).where(sql`${t.live}`),
  ],
);

/**
 * Every payment WeChat Pay reported, once per WeChat transaction (callbacks repeat for two days,
 * and the expiry job asks too). A payment is never dropped: one that cannot be booked to its
 * order (the order closed and the bill was paid meanwhile, or the order was paid twice) stays
 * here with `disposition = 'refund'` and a row in `refunds`.
 */
export const payments = pgTable('payments', {
  transactionId: text('transaction_id').primaryKey(),
  orderId: text('order_id').notNull(),
  amount: integer('amount').notNull(),
  receivedAt: at('received_at').notNull(),
  /** When the resident paid (WeChat's time_end), which is what the department books. */
  paidAt: at('paid_at'),
  /** 'booked' (the order's money) or 'refund' (money to give back). */
  disposition: text('disposition').notNull().default('booked'),
});

/**
 * Money we give back, one refund per WeChat transaction. Our id is WeChat Pay's out_refund_no:
 * asking again with the same id never refunds twice. pending → requested (WeChat accepted it;
 * its refund notification or a later ask says it is done) → refunded.
 */
export const refunds = pgTable(
  'refunds',
  {
    /** Our refund id (out_refund_no, ≤ 64 alphanumerics). */
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    transactionId: text('transaction_id').notNull(),
    openid: text('openid').notNull(),
    /** Fen: the whole payment (WeChat's total_fee) and what goes back (refund_fee). */
    totalFee: integer('total_fee').notNull(),
    amount: integer('amount').notNull(),
    /** 'late_payment' | 'duplicate_payment' | 'department_refused' */
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** WeChat's refund id once it accepted the refund. */
    providerRefundId: text('provider_refund_id'),
    createdAt: at('created_at').notNull(),
    refundedAt: at('refunded_at'),
  },
  (t) => [uniqueIndex('refunds_once_per_transaction').on(t.transactionId), index('refunds_due').on(t.status, t.nextAttemptAt)],
);

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
 * Real-name verifications for social insurance: a resident's openid linked to a person after a
 * face check, for 30 minutes. The ID number itself is never stored: only its keyed hash (HMAC,
 * INSURANCE_ID_HASH_KEY) to recognise the same person again, and the masked form to show.
 * `status` moves pending → passed | failed | abandoned | expired, each update guarded by
 * `status = 'pending'` so a late or repeated FaceID answer cannot change a decided row.
 */
export const insuranceVerifications = pgTable(
  'insurance_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openid: text('openid').notNull(),
    /** How the face check runs: 'faceid' (Tencent 慧眼) or 'wechat' (WeChat 人脸核身 2.0). */
    method: text('method').notNull().default('faceid'),
    /** The provider's id of the check: FaceID's BizToken, WeChat's verify_id. */
    bizToken: text('biz_token').notNull(),
    /** What the provider needs again to read the result (WeChat's cert_hash), sealed (faceid/seal.ts). */
    providerSecret: text('provider_secret'),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    nameMasked: text('name_masked').notNull(),
    /** The bureau's opaque id for the person; null when the bureau has no record of them. */
    personRef: text('person_ref'),
    status: text('status').notNull().default('pending'),
    /** FaceID's result code and our words for it, when it failed. */
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: at('created_at').notNull(),
    /** A pending check that is not finished by then is expired. */
    linkExpiresAt: at('link_expires_at').notNull(),
    decidedAt: at('decided_at'),
    /** Passed: reads are allowed until then. */
    accessExpiresAt: at('access_expires_at'),
  },
  (t) => [
    uniqueIndex('insurance_verifications_biz_token').on(t.bizToken),
    index('insurance_verifications_by_resident').on(t.openid, t.createdAt),
  ],
);

/**
 * Every read of a person's insurance data, kept a year, shown to that person: when, what, and
 * through which verification (and so which WeChat account).
 */
export const insuranceAccessLog = pgTable(
  'insurance_access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person read (keyed hash of the ID number), so every account verified as them sees it. */
    idHash: text('id_hash').notNull(),
    openid: text('openid').notNull(),
    verificationId: uuid('verification_id').notNull(),
    action: text('action').notNull(),
    description: text('description').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('insurance_access_log_by_person').on(t.idHash, t.at)],
);

/**
 * The pension eligibility radar (待遇资格认证): one row per resident whose face verification named a
 * person the bureau knows. The timer job re-reads the bureau for rows whose `nextCheckAt` has come
 * (claiming a row pushes it past the run: a run that dies mid-batch leaves it due again) and files
 * the 60/30/7-day reminders; the agenda reads the row when the bureau cannot be asked.
 */
export const pensionEligibility = pgTable(
  'pension_eligibility',
  {
    openid: text('openid').primaryKey(),
    /** The bureau's opaque id for the person (never the ID number). */
    personRef: text('person_ref').notNull(),
    /** The passed verification that identified the person. */
    verificationId: uuid('verification_id').notNull(),
    /** False: not drawing a pension here, no check needed. */
    required: boolean('required').notNull().default(false),
    /** YYYY-MM-DD, as the bureau said; null until it has been read or when not required. */
    lastCheckedOn: text('last_checked_on'),
    /** The bureau's word for how the last check was done (its channel code). */
    lastCheckedBy: text('last_checked_by'),
    bureauSuspended: boolean('bureau_suspended').notNull().default(false),
    /** When the bureau last answered. */
    readAt: at('read_at'),
    /** When the job reads it next; a claim moves it past the run (its lease). */
    nextCheckAt: at('next_check_at').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('pension_eligibility_due').on(t.nextCheckAt)],
);

/** Each 60/30/7-day reminder once per retiree and cycle (the deadline it is for): the key is the guarantee. */
export const eligibilityReminders = pgTable(
  'eligibility_reminders',
  {
    openid: text('openid').notNull(),
    /** The cycle: the deadline (YYYY-MM-DD) the reminder is for; a new check starts a new one. */
    dueBy: text('due_by').notNull(),
    /** Days before the deadline: 60, 30 or 7. */
    threshold: integer('threshold').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.openid, t.dueBy, t.threshold] })],
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
    /**
     * What the resident wrote when asking for it to be handled again: shown in their timeline at
     * once, before the platform's own 重办 event comes back through the feed.
     */
    reopenReason: text('reopen_reason'),
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
    /** WeChat mediaCheckAsync trace ids of the photos (each with its photo in ticket_media_checks). */
    mediaTraceIds: jsonb('media_trace_ids').notNull().default([]),
    /**
     * The photos (file ids) as first sent to the platform, fixed before the first attempt: every
     * retry sends the same list (the platform keeps the first), so a position in it names the
     * same photo at the platform — how a flagged photo is withdrawn there. Null until then.
     */
    filedPhotos: jsonb('filed_photos'),
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

/**
 * WeChat's asynchronous check of one ticket photo (mediaCheckAsync → 消息推送 wxa_media_check),
 * matched by its trace id. A risky verdict withdraws the photo: from the ticket as the resident
 * sees it and as it will be filed, and at the platform if it was filed already — `outcome` says
 * which, once it is done. A verdict can arrive before the row is written (the push is fast, the
 * submission slow): the receiver writes it without a ticket, and the submission fills the rest in.
 */
export const ticketMediaChecks = pgTable(
  'ticket_media_checks',
  {
    traceId: text('trace_id').primaryKey(),
    ticketId: uuid('ticket_id'),
    fileId: text('file_id'),
    openid: text('openid'),
    submittedAt: at('submitted_at'),
    /** pass | review | risky; null while WeChat has not answered. */
    suggest: text('suggest'),
    label: integer('label'),
    /** WeChat could not check the photo (its errcode, e.g. 43104): nothing decided. */
    errcode: integer('errcode'),
    verdictAt: at('verdict_at'),
    /** left_out (never reached the platform) | withdrawn (taken back at the platform) | recorded (the platform cannot withdraw: a person must). */
    outcome: text('outcome'),
    outcomeAt: at('outcome_at'),
    residentToldAt: at('resident_told_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('ticket_media_checks_open').on(t.suggest, t.outcome), index('ticket_media_checks_by_ticket').on(t.ticketId)],
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

/**
 * WeChat subscribe-message grants, counted here because WeChat has no API to ask how many a
 * resident gave: each 'accept' of `wx.requestSubscribeMessage` lets the mini-program send that
 * template to that resident once. Incremented when the client reports an accept (capped: the
 * client's word is all there is), taken one at a time by the sender before it calls WeChat, in
 * one UPDATE whose WHERE is `granted > 0`, so two senders never spend one grant twice.
 */
export const subscribeGrants = pgTable(
  'subscribe_grants',
  {
    openid: text('openid').notNull(),
    templateId: text('template_id').notNull(),
    granted: integer('granted').notNull().default(0),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.openid, t.templateId] }), check('subscribe_grants_granted_not_negative', sql`${t.granted} >= 0`)],
);

export * from './schema-operations';
export * from './schema-privacy';
export * from './schema-family';
