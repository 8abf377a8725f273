import { AppError, FAMILY_SCOPE_NAMES, type FamilyPaymentNote, type FamilyScope } from '@bianmin/core';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { familyActions, familyLinks } from '../db/schema';

export type FamilyLinkRow = typeof familyLinks.$inferSelect;

/** A call a helper makes for a holder: the link it goes through (the runtime puts it on the context). */
export interface ActingFor {
  linkId: string;
  /** Who really called: the payer of anything paid in this call. */
  helperOpenid: string;
  holderOpenid: string;
  /** The holder as the helper sees them (妈妈). */
  holderLabel: string;
}

/**
 * One refusal for a link that does not exist, is another helper's or was revoked: a helper learns
 * nothing about links that are not theirs, nor whether a revoked one ever existed.
 */
export const NO_LINK = () => new AppError('FORBIDDEN', '代办关系不存在或已解除，无法代办。如需继续，请家人重新邀请您。', { fields: { actingFor: '代办关系无效或已解除' } });

/** The caller's live link as the helper, or null (unknown, another's, revoked: all alike). */
export async function liveLinkOfHelper(db: Db, helperOpenid: string, linkId: string): Promise<FamilyLinkRow | null> {
  const [row] = await db
    .select()
    .from(familyLinks)
    .where(and(eq(familyLinks.id, linkId), eq(familyLinks.helperOpenid, helperOpenid), isNull(familyLinks.revokedAt)));
  return row ?? null;
}

/**
 * Whether the link lets its helper act in `scope`, or why not. Insurance data also needs the
 * holder's consent, given by their own face verification when they invited (the insurance flow's
 * verification window still applies to every read, as for the holder themselves).
 */
export function scopeRefusal(link: FamilyLinkRow, scope: FamilyScope): AppError | null {
  if (!link.scopes.includes(scope)) {
    return new AppError('FORBIDDEN', `${link.holderLabel} 没有授权您代办「${FAMILY_SCOPE_NAMES[scope]}」。如需代办，请对方在“亲友代办”中重新邀请并勾选这一项。`, {
      fields: { actingFor: `未授权：${FAMILY_SCOPE_NAMES[scope]}` },
    });
  }
  if (scope === 'insurance' && !link.consentVerificationId) {
    return new AppError('FORBIDDEN', `${link.holderLabel} 尚未通过本人人脸核验同意代查社保，无法代办。`, { fields: { actingFor: '缺少本人同意' } });
  }
  return null;
}

/** Records one thing a helper did for the holder (the holder's list shows it). */
export async function recordFamilyAction(db: Db, acting: ActingFor, fn: string, action: string, what: string, at: Date): Promise<void> {
  await db.insert(familyActions).values({ linkId: acting.linkId, holderOpenid: acting.holderOpenid, helperOpenid: acting.helperOpenid, fn, action, what: what.slice(0, 80), at });
}

/**
 * What each order paid within the family says to `openid` (我的订单): 由 <helper> 代缴 on the
 * holder's, 为 <holder> 代缴 on the payer's. Orders paid by their own resident say nothing.
 */
export async function familyPaymentNotes(db: Db, openid: string, rows: ReadonlyArray<{ id: string; openid: string; payerOpenid: string | null; familyLinkId: string | null }>): Promise<Map<string, FamilyPaymentNote>> {
  const out = new Map<string, FamilyPaymentNote>();
  const linkIds = [...new Set(rows.flatMap((r) => (r.payerOpenid && r.familyLinkId ? [r.familyLinkId] : [])))];
  if (!linkIds.length) return out;
  const links = new Map((await db.select().from(familyLinks).where(inArray(familyLinks.id, linkIds))).map((l) => [l.id, l]));
  for (const r of rows) {
    const link = r.familyLinkId ? links.get(r.familyLinkId) : undefined;
    if (!link || !r.payerOpenid) continue;
    if (r.openid === openid) out.set(r.id, { role: 'for_me', label: link.helperLabel });
    else if (r.payerOpenid === openid) out.set(r.id, { role: 'by_me', label: link.holderLabel });
  }
  return out;
}
