import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What happened to a resident's account: each export of their data, each deletion asked for and
 * each done. It outlives the deletion it records, so it never holds the openid: `subject` is a
 * keyed hash of it (HMAC, ACCOUNT_AUDIT_KEY) — the same resident coming back is recognised, a
 * reader of the table alone learns nobody. Rows are only ever added.
 */
export const accountAudit = pgTable(
  'account_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subject: text('subject').notNull(),
    /** 'export' | 'delete_requested' | 'deleted' */
    event: text('event').notNull(),
    at: at('at').notNull(),
    /** Counts only (rows per table erased and kept): never a value of the resident's. */
    detail: jsonb('detail').notNull().default({}),
    /** A deletion plan's confirmation: only its SHA-256, and until when it holds. */
    tokenHash: text('token_hash'),
    tokenExpiresAt: at('token_expires_at'),
    /** A deletion: the plan it confirmed — at most one deletion per confirmation, even when two arrive at once. */
    confirms: bigint('confirms', { mode: 'number' }),
  },
  (t) => [
    index('account_audit_by_subject').on(t.subject, t.at),
    uniqueIndex('account_audit_token').on(t.tokenHash),
    uniqueIndex('account_audit_one_deletion_per_plan').on(t.confirms),
    check('account_audit_event', sql`${t.event} IN ('export', 'delete_requested', 'deleted')`),
  ],
);
