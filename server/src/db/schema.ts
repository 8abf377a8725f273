import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
