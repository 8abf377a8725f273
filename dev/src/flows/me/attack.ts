import { defineDevFlow } from '../attack';
import { attackActingFor } from './acting-for-attacks';
import { seedFamily } from './family-seed';

/** 我的: the first resident's family circle (their helpers' links, a revoked one, a spent code). */
export const meAttack = defineDevFlow({
  fn: 'me',
  seed: seedFamily,
  secrets: (o) => ({
    familyLinkId: [o.familyLinkId],
    familyRevokedLinkId: [o.familyRevokedLinkId],
    familyOtherLinkId: [o.familyOtherLinkId],
    familyUsedCode: [o.familyUsedCode],
  }),
  recipes: {
    // Inviting names nobody: another resident gets their own code.
    familyInvite: { body: () => ({ action: 'familyInvite', scopes: ['bills'], label: '妈妈' }), replay: 'own' },
    // A code is a bearer token until accepted; a spent one opens nothing for anybody (CONFLICT).
    familyAccept: { body: (o) => ({ action: 'familyAccept', inviteCode: o.familyUsedCode }), replay: 'own' },
    familyList: { body: () => ({ action: 'familyList' }), replay: 'own' },
    familyRevoke: { body: (o) => ({ action: 'familyRevoke', linkId: o.familyOtherLinkId }), replay: 'NOT_FOUND' },
  },
  fuzz: attackActingFor,
});
