import type { FamilyOutputs, FamilyScope } from '@bianmin/core';
import type { TestStack } from '../../testing/stack';
import { CHEN, WANG, ZHANG } from '../../testing/stack';
import { NOON, seeded } from '../attack';

/** The first resident's family circle: one helper with the bills scope, one revoked link, another helper's link. */
export interface FamilyOwned {
  /** 王建国 helps 张晓明 with bills (live). */
  familyLinkId: string;
  /** 王建国's earlier link to 张晓明, revoked by the holder. */
  familyRevokedLinkId: string;
  /** 陈静 helps 张晓明 with traffic (live): another helper's link, as 王建国 sees it. */
  familyOtherLinkId: string;
  /** A code already accepted: one-time, it opens nothing more. */
  familyUsedCode: string;
}

/** The first resident's helpers (the acting-for matrix calls as them). */
export const FAMILY_HELPER = WANG;
export const FAMILY_OTHER_HELPER = CHEN;

/** `holder` invites `helper` with `scopes`; the helper accepts. Answers the link and the code. */
export async function linkRelatives(stack: TestStack, holder: string, helper: string, scopes: FamilyScope[], label = '妈妈', now = NOON): Promise<{ linkId: string; code: string }> {
  const { inviteCode } = seeded<FamilyOutputs['familyInvite']>(await stack.call('me', { action: 'familyInvite', scopes, label }, { openid: holder, now }), 'family invite');
  const { link } = seeded<FamilyOutputs['familyAccept']>(await stack.call('me', { action: 'familyAccept', inviteCode }, { openid: helper, now }), 'family accept');
  return { linkId: link.linkId, code: inviteCode };
}

export async function seedFamily(stack: TestStack): Promise<FamilyOwned> {
  const revoked = await linkRelatives(stack, ZHANG.openid, FAMILY_HELPER.openid, ['bills', 'tickets']);
  seeded(await stack.call('me', { action: 'familyRevoke', linkId: revoked.linkId }, { openid: ZHANG.openid, now: NOON }), 'family revoke');
  const live = await linkRelatives(stack, ZHANG.openid, FAMILY_HELPER.openid, ['bills']);
  const other = await linkRelatives(stack, ZHANG.openid, FAMILY_OTHER_HELPER.openid, ['traffic']);
  return { familyLinkId: live.linkId, familyRevokedLinkId: revoked.linkId, familyOtherLinkId: other.linkId, familyUsedCode: live.code };
}
