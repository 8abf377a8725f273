import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The city's side: operators and their sessions, the notices and schedules they publish, the
 * append-only audit log of what they did, the departments' health history and the daily
 * reconciliation. Kept apart from the residents' tables (schema.ts re-exports it).
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Who may use the operator console. `city_admin` everything, `department_operator` the services of
 * its own department, `auditor` reads only. Production operators sign in with WeChat Work (企业微信):
 * its userid names the row.
 */
export const operators = pgTable(
  'operators',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    departmentId: text('department_id'),
    wecomUserId: text('wecom_userid'),
    createdAt: at('created_at').notNull().defaultNow(),
    disabledAt: at('disabled_at'),
  },
  (t) => [
    uniqueIndex('operators_wecom_userid').on(t.wecomUserId),
    check('operators_role', sql`${t.role} IN ('city_admin', 'department_operator', 'auditor')`),
    // A department operator belongs to exactly one department; nobody else belongs to one.
    check('operators_department', sql`(${t.role} = 'department_operator') = (${t.departmentId} IS NOT NULL)`),
  ],
);

/** A signed-in operator's session: the token is random and only its SHA-256 is kept. */
export const operatorSessions = pgTable(
  'operator_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    operatorId: text('operator_id').notNull(),
    /** 'wecom' (WeChat Work sign-in) or 'dev' (the local stack's lever). */
    via: text('via').notNull(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('operator_sessions_by_operator').on(t.operatorId)],
);

/**
 * What an operator published about services: a maintenance (closes them for [starts_at, ends_at)),
 * an incident (closes them from starts_at until ends_at or until it is ended), or a notice (informs).
 * Ending one early sets ended_at; its effective end is the earlier of the two.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    serviceIds: text('service_ids').array().notNull(),
    /** The departments of those services: who may end it, and whose record it is. */
    departmentIds: text('department_ids').array().notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at'),
    reason: text('reason').notNull(),
    stillWorks: text('still_works'),
    alternative: text('alternative'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    endedAt: at('ended_at'),
    endedBy: text('ended_by'),
  },
  (t) => [
    index('notices_by_start').on(t.startsAt),
    check('notices_kind', sql`${t.kind} IN ('maintenance', 'incident', 'notice')`),
    check('notices_window', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * A service's opening hours as an operator set them, in force from a Shanghai date on (until a
 * later version), over the catalogue's schedule. Withdrawn versions stay for the record.
 */
export const scheduleVersions = pgTable(
  'schedule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id').notNull(),
    /** YYYY-MM-DD, Shanghai. */
    effectiveFrom: text('effective_from').notNull(),
    schedule: jsonb('schedule').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [
    uniqueIndex('schedule_versions_one_per_day').on(t.serviceId, t.effectiveFrom).where(sql`${t.withdrawnAt} IS NULL`),
    check('schedule_versions_date', sql`${t.effectiveFrom} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
  ],
);

/**
 * Every operator action: who, what, when, and the subject before and after. Append-only in the
 * database itself (the trigger `audit_log_append_only`, written with this table's migration,
 * refuses UPDATE, DELETE and TRUNCATE), so not even a bug of ours can rewrite it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull(),
    operatorId: text('operator_id').notNull(),
    operatorName: text('operator_name').notNull(),
    role: text('role').notNull(),
    departmentId: text('department_id'),
    /** The admin action, e.g. `notices.publish`. */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [index('audit_log_by_time').on(t.at), index('audit_log_by_operator').on(t.operatorId, t.at)],
);

/** Each department's health as the probe last found it, and since when it has been probed. */
export const departmentHealth = pgTable('department_health', {
  departmentId: text('department_id').primaryKey(),
  state: text('state').notNull(),
  since: at('since').notNull(),
  lastProbeAt: at('last_probe_at').notNull(),
  monitoredSince: at('monitored_since').notNull(),
});

/** A department down: from the first failed probe to the first good one after it, and why. */
export const departmentOutages = pgTable(
  'department_outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    departmentId: text('department_id').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    cause: text('cause').notNull(),
  },
  (t) => [
    // At most one open outage per department: two probing instances cannot open two.
    uniqueIndex('department_outages_one_open').on(t.departmentId).where(sql`${t.endedAt} IS NULL`),
    index('department_outages_by_time').on(t.departmentId, t.startedAt),
  ],
);

/** Probes per department and Shanghai day, and how many found it up: the uptime figures. */
export const healthDays = pgTable(
  'health_days',
  {
    departmentId: text('department_id').notNull(),
    day: text('day').notNull(),
    probes: integer('probes').notNull().default(0),
    up: integer('up').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.day] })],
);

/** One run of the daily three-way reconciliation per statement day; a lease guards the run. */
export const reconciliations = pgTable('reconciliations', {
  day: text('day').primaryKey(),
  status: text('status').notNull(),
  startedAt: at('started_at').notNull(),
  leaseUntil: at('lease_until'),
  finishedAt: at('finished_at'),
  /** Counts: WeChat's rows, our payments, department postings, differences. */
  summary: jsonb('summary'),
  lastError: text('last_error'),
});

/**
 * A difference the reconciliation found, with its order: open until an operator resolves it with
 * a note. `key` names the difference (kind, order, transaction) so a rerun never lists it twice.
 */
export const reconciliationItems = pgTable(
  'reconciliation_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    day: text('day').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    orderId: text('order_id'),
    transactionId: text('transaction_id'),
    departmentId: text('department_id'),
    /** Fen, as each side has it (null: that side has nothing). */
    wechatAmount: integer('wechat_amount'),
    ledgerAmount: integer('ledger_amount'),
    postedAmount: integer('posted_amount'),
    detail: text('detail').notNull(),
    status: text('status').notNull().default('open'),
    foundAt: at('found_at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: at('resolved_at'),
    note: text('note'),
  },
  (t) => [uniqueIndex('reconciliation_items_once').on(t.day, t.key), index('reconciliation_items_open').on(t.status, t.day)],
);
