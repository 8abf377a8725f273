import { meContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { acceptInvite, inviteRelative, listFamily, revokeLink } from './family';

/**
 * 我的: what spans every service of one resident — the family circle (亲友代办). It declares no
 * family scope: nobody manages another's circle for them.
 */
export const meFlow = defineFlow({
  contract: meContract,
  purpose: "the resident's family circle (亲友代办): invitations, links, what was done for them",
  actions: {
    familyInvite: { run: inviteRelative },
    familyAccept: { run: acceptInvite },
    familyList: { run: listFamily },
    familyRevoke: { run: revokeLink },
  },
  // The database only: no department, no WeChat call.
  budget: () => DATABASE_ALLOWANCE_MS,
});
