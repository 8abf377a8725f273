import type { FamilyScope } from '@bianmin/core/family-scopes';
import { defineFlow, pathsOf, withQuery } from '../flows/define';

/**
 * 我的: what spans every service of one resident — 我的待办 (everything owed or to do, across
 * services and for the relatives helped), 亲友代办 (who helps me, whom I help, inviting and
 * accepting) and 我的数据 (see, export, delete what Bianmin holds about them).
 */
export const meFlow = defineFlow({
  root: 'me',
  title: '我的：我的待办（账单、罚款、12345 评价、养老金资格认证）、亲友代办（邀请、接受、解除）、我的数据（查看、导出、删除）',
  pages: {
    agenda: 'pages/agenda/index',
    data: 'pages/data/index',
    family: 'pages/family/index',
    familyInvite: 'pages/family-invite/index',
    familyAccept: 'pages/family-accept/index',
  },
  services: {},
});

export const PATHS = pathsOf(meFlow);

/** The accept page with the code filled in: what the share card opens. */
export const acceptUrl = (code: string) => withQuery(PATHS.familyAccept, { code });

/** Where a helper acts for a relative in each scope: the flow's own first page, carrying the link. */
const SCOPE_ENTRY: Record<FamilyScope, string> = {
  bills: '/bills/pages/households/index',
  traffic: '/traffic/pages/vehicles/index',
  tickets: '/tickets/pages/mine/index',
  insurance: '/insurance/pages/summary/index',
};

export const actingUrl = (scope: FamilyScope, linkId: string) => withQuery(SCOPE_ENTRY[scope], { actingFor: linkId });
