import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * 亲友代办: a resident (the holder) lets a relative (the helper) act for them within some scopes.
 * Kept apart from the other residents' tables (schema.ts re-exports it).
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An invitation: a one-time code the holder shares (a WeChat share card). Only the code's SHA-256
 * is kept — a database read never yields a usable code. `used_at` is set by the one accept that
 * wins (an UPDATE whose WHERE is `used_at IS NULL`), so two accepts of one code make one link.
 */
export const familyInvites = pgTable(
  'family_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codeHash: text('code_hash').notNull(),
    holderOpenid: text('holder_openid').notNull(),
    /** FamilyScope[]. */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    /** What the helper will call the holder (妈妈). */
    holderLabel: text('holder_label').notNull(),
    /** The holder's own passed face verification when the scopes include insurance: their consent. */
    consentVerificationId: uuid('consent_verification_id'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (t) => [uniqueIndex('family_invites_code').on(t.codeHash), index('family_invites_by_holder').on(t.holderOpenid, t.createdAt)],
);

/**
 * A live or revoked link: the helper may act for the holder within `scopes` until `revoked_at`.
 * Dispatch reads it on every call that carries `actingFor`, so a revocation holds from the very
 * next call. One live link per holder and helper; one link per invitation.
 */
export const familyLinks = pgTable(
  'family_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inviteId: uuid('invite_id').notNull(),
    holderOpenid: text('holder_openid').notNull(),
    helperOpenid: text('helper_openid').notNull(),
    /** FamilyScope[]. */
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    consentVerificationId: uuid('consent_verification_id'),
    /** What the helper sees the holder as (妈妈), and the holder the helper (儿子, or a masked name). */
    holderLabel: text('holder_label').notNull(),
    helperLabel: text('helper_label').notNull(),
    createdAt: at('created_at').notNull(),
    revokedAt: at('revoked_at'),
    /** 'holder' | 'helper': who revoked it. */
    revokedBy: text('revoked_by'),
  },
  (t) => [
    uniqueIndex('family_links_one_per_invite').on(t.inviteId),
    uniqueIndex('family_links_one_live_per_pair').on(t.holderOpenid, t.helperOpenid).where(sql`${t.revokedAt} IS NULL`),
    index('family_links_by_holder').on(t.holderOpenid),
    index('family_links_by_helper').on(t.helperOpenid),
  ],
);

/**
 * What a helper did for a holder: kept so the holder sees every action taken for them, after a
 * revocation too. A serial id: two actions in one instant still list in the order they happened.
 */
export const familyActions = pgTable(
  'family_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    linkId: uuid('link_id').notNull(),
    holderOpenid: text('holder_openid').notNull(),
    helperOpenid: text('helper_openid').notNull(),
    fn: text('fn').notNull(),
    action: text('action').notNull(),
    /** A short phrase for the holder: 发起缴纳水费 ¥86.40. */
    what: text('what').notNull(),
    at: at('at').notNull(),
  },
  (t) => [index('family_actions_by_holder').on(t.holderOpenid, t.at)],
);
