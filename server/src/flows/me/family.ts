import {
  AppError,
  type FamilyActionView,
  type FamilyHoldingView,
  type FamilyListResult,
  type FamilyOutputs,
  type FamilyPaymentView,
  type FamilyScope,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  INVITE_TTL_HOURS,
  MAX_HELPERS_PER_HOLDER,
  providerById,
  toShanghaiIso,
} from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { createHash, randomInt } from 'node:crypto';
import type { Db } from '../../db/open';
import { familyActions, familyInvites, familyLinks, insuranceVerifications, orders } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import type { FamilyLinkRow } from '../../family/links';
import type { ResidentContext } from '../../runtime/types';

const HOUR = 3_600_000;

/** Open invitations a holder may have at once: enough for a family, too few to farm codes. */
export const MAX_OPEN_INVITES = MAX_HELPERS_PER_HOLDER;

/** How the code is kept: a plain SHA-256 suffices for ~78 random bits (no dictionary to try). */
export const inviteCodeHash = (code: string) => createHash('sha256').update(`family-invite:${code}`).digest('hex');

function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

const scopesOf = (l: { scopes: string[] }) => l.scopes as FamilyScope[];

/**
 * The holder's own passed face verification, still within its window: the consent an insurance
 * scope needs. Read from our records (the insurance flow asked the provider when it was done).
 */
async function liveOwnVerification(db: Db, openid: string, now: Date) {
  const [row] = await db
    .select({ id: insuranceVerifications.id, nameMasked: insuranceVerifications.nameMasked })
    .from(insuranceVerifications)
    .where(and(eq(insuranceVerifications.openid, openid), eq(insuranceVerifications.status, 'passed'), gt(insuranceVerifications.accessExpiresAt, now)))
    .orderBy(desc(insuranceVerifications.createdAt))
    .limit(1);
  return row ?? null;
}

/** A holder's live links (as holder), in a transaction when one is given. */
const liveLinksOfHolder = (db: Db, holder: string) =>
  db.select({ n: count() }).from(familyLinks).where(and(eq(familyLinks.holderOpenid, holder), isNull(familyLinks.revokedAt)));

/**
 * Invites a relative: a one-time code for a share card. The insurance scope needs the holder's own
 * face verification within its window — their consent that a relative may read their records.
 */
export async function inviteRelative(ctx: ResidentContext, input: { scopes: FamilyScope[]; label?: string }): Promise<FamilyOutputs['familyInvite']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const holder = ctx.caller.openid;
  let consent: string | null = null;
  if (input.scopes.includes('insurance')) {
    const v = await liveOwnVerification(db, holder, now);
    if (!v) {
      throw new AppError('VERIFICATION_REQUIRED', '授权亲友代查社保前，请先完成本人人脸核验，以确认是您本人同意。', { reason: 'verification_required', fields: { scopes: '社保查询需要本人人脸核验' } });
    }
    consent = v.id;
  }
  const [{ n: live }] = await liveLinksOfHolder(db, holder);
  if (live >= MAX_HELPERS_PER_HOLDER) {
    throw new AppError('CONFLICT', `您已有 ${MAX_HELPERS_PER_HOLDER} 位亲友代办，已达上限。请先在“亲友代办”中解除一位，再邀请新的亲友。`);
  }
  const [{ n: open }] = await db
    .select({ n: count() })
    .from(familyInvites)
    .where(and(eq(familyInvites.holderOpenid, holder), isNull(familyInvites.usedAt), gt(familyInvites.expiresAt, now)));
  if (open >= MAX_OPEN_INVITES) {
    throw new AppError('RATE_LIMITED', `您有 ${MAX_OPEN_INVITES} 个邀请尚未被接受，请等它们被接受或过期（${INVITE_TTL_HOURS} 小时）后再邀请。`, { retryable: true });
  }
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * HOUR);
  await db.insert(familyInvites).values({ codeHash: inviteCodeHash(code), holderOpenid: holder, scopes: [...input.scopes], holderLabel: input.label ?? '亲友', consentVerificationId: consent, createdAt: now, expiresAt });
  ctx.log.info({ scopes: input.scopes }, 'family invite created');
  return { inviteCode: code, expiresAt: toShanghaiIso(expiresAt), scopes: input.scopes };
}

// Any constant: the holder's links are counted under one lock per holder (pg_advisory_xact_lock).
const LINK_LOCK_SPACE = 2026_1207;

/**
 * Accepts an invitation. One-time: the accept that sets `used_at` first wins, a second gets
 * CONFLICT; an expired code, one's own code and a holder with 8 helpers already are refused before
 * the code is spent, so a refusal never burns it.
 */
export async function acceptInvite(ctx: ResidentContext, input: { inviteCode: string; label?: string }): Promise<FamilyOutputs['familyAccept']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const helper = ctx.caller.openid;
  const [invite] = await db.select().from(familyInvites).where(eq(familyInvites.codeHash, inviteCodeHash(input.inviteCode)));
  if (!invite) throw new AppError('NOT_FOUND', '邀请码无效，请核对后重试，或请家人重新邀请。', { fields: { inviteCode: '邀请码不存在' } });
  if (invite.holderOpenid === helper) throw new AppError('INVALID_INPUT', '这是您自己发出的邀请，请分享给要代办的亲友。', { fields: { inviteCode: '不能接受自己的邀请' } });
  if (invite.usedAt) throw new AppError('CONFLICT', '这个邀请码已经被使用过，请让家人重新邀请您。', { fields: { inviteCode: '邀请码已使用' } });
  if (invite.expiresAt <= now) throw new AppError('CONFLICT', `这个邀请码已过期（有效 ${INVITE_TTL_HOURS} 小时），请让家人重新邀请您。`, { fields: { inviteCode: '邀请码已过期' } });
  const helperLabel = input.label ?? (await defaultHelperLabel(db, helper));
  let link: FamilyLinkRow;
  try {
    link = await db.transaction(async (tx) => {
      // Two different invitations of one holder accepted at once must not make a ninth link.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${LINK_LOCK_SPACE}, hashtext(${invite.holderOpenid}))`);
      const [{ n }] = await liveLinksOfHolder(tx as unknown as Db, invite.holderOpenid);
      if (n >= MAX_HELPERS_PER_HOLDER) throw new AppError('CONFLICT', `对方的亲友代办已满 ${MAX_HELPERS_PER_HOLDER} 位，请对方先解除一位后再邀请您。`);
      const [claimed] = await tx
        .update(familyInvites)
        .set({ usedAt: now })
        .where(and(eq(familyInvites.id, invite.id), isNull(familyInvites.usedAt), gt(familyInvites.expiresAt, now)))
        .returning({ id: familyInvites.id });
      if (!claimed) throw new AppError('CONFLICT', '这个邀请码已经被使用过，请让家人重新邀请您。', { fields: { inviteCode: '邀请码已使用' } });
      const [row] = await tx
        .insert(familyLinks)
        .values({
          inviteId: invite.id,
          holderOpenid: invite.holderOpenid,
          helperOpenid: helper,
          scopes: invite.scopes,
          consentVerificationId: invite.consentVerificationId,
          holderLabel: invite.holderLabel,
          helperLabel,
          createdAt: now,
        })
        .returning();
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'family_links_one_live_per_pair')) {
      throw new AppError('CONFLICT', '您已经在为对方代办。如需更改授权范围，请对方先解除，再重新邀请。', { fields: { inviteCode: '已有代办关系' } });
    }
    throw e;
  }
  ctx.log.info({ link: link.id, scopes: link.scopes }, 'family link created');
  return { link: holdingView(link) };
}

/** The helper as a holder sees them by default: their masked real name when they verified it, else 亲友. */
async function defaultHelperLabel(db: Db, openid: string): Promise<string> {
  const [v] = await db
    .select({ nameMasked: insuranceVerifications.nameMasked })
    .from(insuranceVerifications)
    .where(and(eq(insuranceVerifications.openid, openid), eq(insuranceVerifications.status, 'passed')))
    .orderBy(desc(insuranceVerifications.createdAt))
    .limit(1);
  return v?.nameMasked ?? '亲友';
}

const holdingView = (l: FamilyLinkRow): FamilyHoldingView => ({ linkId: l.id, label: l.holderLabel, scopes: scopesOf(l), since: toShanghaiIso(l.createdAt) });

/** How many things done for the holder the list shows (newest first). */
const ACTIONS_SHOWN = 50;

/** Who helps me (with what they paid for me), whom I help, and everything done for me. */
export async function listFamily(ctx: ResidentContext): Promise<FamilyListResult> {
  const db = await ctx.deps.db();
  const me = ctx.caller.openid;
  const now = ctx.clock.now();
  const [links, actions, invites] = await Promise.all([
    db
      .select()
      .from(familyLinks)
      .where(and(or(eq(familyLinks.holderOpenid, me), eq(familyLinks.helperOpenid, me)), isNull(familyLinks.revokedAt)))
      .orderBy(desc(familyLinks.createdAt)),
    db
      .select({ a: familyActions, helperLabel: familyLinks.helperLabel })
      .from(familyActions)
      .innerJoin(familyLinks, eq(familyLinks.id, familyActions.linkId))
      .where(eq(familyActions.holderOpenid, me))
      .orderBy(desc(familyActions.at), desc(familyActions.id))
      .limit(ACTIONS_SHOWN),
    db
      .select()
      .from(familyInvites)
      .where(and(eq(familyInvites.holderOpenid, me), isNull(familyInvites.usedAt), gt(familyInvites.expiresAt, now)))
      .orderBy(desc(familyInvites.createdAt)),
  ]);
  const asHolder = links.filter((l) => l.holderOpenid === me);
  const paid = asHolder.length
    ? await db
        .select()
        .from(orders)
        .where(and(eq(orders.openid, me), isNotNull(orders.payerOpenid), inArray(orders.familyLinkId, asHolder.map((l) => l.id))))
        .orderBy(desc(orders.createdAt))
        .limit(100)
    : [];
  const paymentView = (o: (typeof paid)[number]): FamilyPaymentView => ({
    orderId: o.id,
    what: `${o.kind === 'traffic_fine' ? '交通罚款' : (providerById(o.providerId)?.kindName ?? '缴费')} ${o.subjectLabel}`,
    amount: o.amount,
    status: o.status,
    at: toShanghaiIso(o.paidAt ?? o.createdAt),
  });
  return {
    helpers: asHolder.map((l) => ({
      linkId: l.id,
      label: l.helperLabel,
      scopes: scopesOf(l),
      since: toShanghaiIso(l.createdAt),
      // Placed but never paid is not a payment made for me: only money that moved is listed.
      payments: paid.filter((o) => o.familyLinkId === l.id && (PAID_ORDER_STATUSES as readonly string[]).includes(o.status)).map(paymentView),
    })),
    helping: links.filter((l) => l.helperOpenid === me).map(holdingView),
    actions: actions.map(({ a, helperLabel }): FamilyActionView => ({ linkId: a.linkId, who: helperLabel, fn: a.fn, action: a.action, what: a.what, at: toShanghaiIso(a.at) })),
    invites: invites.map((i) => ({ inviteId: i.id, scopes: scopesOf(i), expiresAt: toShanghaiIso(i.expiresAt) })),
  };
}

/**
 * Ends a link, from either side, at once: dispatch reads the link on every call, so the helper's
 * very next call is refused. Another resident's link is as unknown as one that never existed;
 * revoking one's own revoked link again is a no-op.
 */
export async function revokeLink(ctx: ResidentContext, { linkId }: { linkId: string }): Promise<FamilyOutputs['familyRevoke']> {
  const db = await ctx.deps.db();
  const me = ctx.caller.openid;
  const mine = or(eq(familyLinks.holderOpenid, me), eq(familyLinks.helperOpenid, me));
  const [link] = await db.select().from(familyLinks).where(and(eq(familyLinks.id, linkId), mine));
  if (!link) throw new AppError('NOT_FOUND', '没有找到这个代办关系。', { fields: { linkId: '代办关系不存在' } });
  if (!link.revokedAt) {
    await db
      .update(familyLinks)
      .set({ revokedAt: ctx.clock.now(), revokedBy: link.holderOpenid === me ? 'holder' : 'helper' })
      .where(and(eq(familyLinks.id, linkId), isNull(familyLinks.revokedAt)));
    ctx.log.info({ link: linkId, by: link.holderOpenid === me ? 'holder' : 'helper' }, 'family link revoked');
  }
  return { revoked: true };
}
