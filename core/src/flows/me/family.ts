import { z } from 'zod';
import { FAMILY_SCOPES, type FamilyScope } from '../../family-scopes';
import { text } from '../../text';

export { ACTING_FOR_KEY, FAMILY_SCOPE_NAMES, FAMILY_SCOPES, type FamilyScope, formatInviteCode, isFamilyScope } from '../../family-scopes';

/** 电子社保卡's 亲情服务 allows 8 relatives; so does Bianmin, per holder. */
export const MAX_HELPERS_PER_HOLDER = 8;

/** An invitation's code is good this long (a share card sits in a chat for a day at most). */
export const INVITE_TTL_HOURS = 24;

/**
 * The code's alphabet: Crockford's base32 without the look-alikes (0/O, 1/I/L), so a code read
 * aloud or typed from a screenshot survives. 16 characters ≈ 78 bits: never guessed in 24 hours.
 */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 16;

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

/** The `actingFor` value: a link id. */
export const actingForSchema = uuid('代办关系编号 actingFor');

const scopes = z
  .array(z.enum(FAMILY_SCOPES, { error: `授权范围应为 ${FAMILY_SCOPES.join('、')} 之一` }), { error: '请选择授权范围 scopes' })
  .min(1, '请至少选择一项授权范围')
  .max(FAMILY_SCOPES.length, '授权范围有重复')
  .refine((s) => new Set(s).size === s.length, '授权范围有重复');

const label = text({ label: '称呼', max: 12 });

const inviteCode = z
  .string({ error: '请提供邀请码 inviteCode' })
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine((s) => s.length === INVITE_CODE_LENGTH && [...s].every((c) => INVITE_CODE_ALPHABET.includes(c)), `邀请码应为 ${INVITE_CODE_LENGTH} 位字母和数字`);

export const familyInputs = {
  /** `label`: what the helper will call the holder (妈妈); the holder chooses it. */
  familyInvite: z.object({ scopes, label: label.optional() }),
  /** `label`: what the holder will see the helper as (儿子); by default the helper's masked real name, if known. */
  familyAccept: z.object({ inviteCode, label: label.optional() }),
  familyList: z.object({}),
  familyRevoke: z.object({ linkId: uuid('代办关系编号 linkId') }),
};

/** One thing a helper did for the holder: who, what, when. */
export interface FamilyActionView {
  linkId: string;
  /** The helper as the holder sees them. */
  who: string;
  fn: string;
  action: string;
  /** A short phrase: 发起缴纳水费 ¥86.40. */
  what: string;
  /** ISO 8601 +08:00. */
  at: string;
}

/** A payment a helper made for the holder (or the helper made for someone): the order and its state. */
export interface FamilyPaymentView {
  orderId: string;
  /** 水费 2026-02 */
  what: string;
  /** Fen. */
  amount: number;
  status: string;
  /** ISO 8601 +08:00: when it was paid, or placed when not (yet). */
  at: string;
}

export interface FamilyHelperView {
  linkId: string;
  /** The helper as the holder sees them. */
  label: string;
  scopes: FamilyScope[];
  since: string;
  /** Orders this helper paid for the holder, newest first. */
  payments: FamilyPaymentView[];
}

export interface FamilyHoldingView {
  linkId: string;
  /** The holder as the helper sees them (妈妈). */
  label: string;
  scopes: FamilyScope[];
  since: string;
}

export interface FamilyListResult {
  /** Who helps me. */
  helpers: FamilyHelperView[];
  /** Whom I help. */
  helping: FamilyHoldingView[];
  /** What was done for me, by whom and when, newest first (a revoked helper's too). */
  actions: FamilyActionView[];
  /** Invitations I sent that are still open. */
  invites: Array<{ inviteId: string; scopes: FamilyScope[]; expiresAt: string }>;
}

export interface FamilyOutputs {
  familyInvite: { inviteCode: string; expiresAt: string; scopes: FamilyScope[] };
  familyAccept: { link: FamilyHoldingView };
  familyList: FamilyListResult;
  familyRevoke: { revoked: true };
}

/** What an order says about a payment made within the family: by whom for whom (我的订单). */
export interface FamilyPaymentNote {
  /** 'for_me': a helper paid it for me; 'by_me': I paid it for a relative. */
  role: 'for_me' | 'by_me';
  /** The other side as this resident sees them. */
  label: string;
}
