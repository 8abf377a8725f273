import type { FamilyScope } from '@bianmin/core/family-scopes';
import { defineFlow, pathsOf, withQuery } from '../flows/define';

/** 我的: the family circle (亲友代办) — who helps me, whom I help, inviting and accepting. */
export const meFlow = defineFlow({
  root: 'me',
  title: '我的：亲友代办（谁帮我代办、我帮谁代办、邀请亲友、接受邀请）',
  pages: {
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
