import { meContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { AGENDA_SOURCE_BUDGET_MS, readAgenda } from './agenda';
import { deleteMyData, exportMyData, planDeletion } from './data';
import { acceptInvite, inviteRelative, listFamily, revokeLink } from './family';

/**
 * 我的: what spans every service of one resident — one agenda (and the relatives they help), the
 * family circle (亲友代办) and their data (导出, 删除). It declares no family scope: nobody reads
 * another's agenda as theirs, manages another's circle or takes another's data for them.
 */
export const meFlow = defineFlow({
  contract: meContract,
  purpose: "the resident's agenda across bills, traffic, 12345 and the pension check; the family circle (亲友代办); export and deletion of their data",
  actions: {
    // No service guard of its own: each source is checked against its flow's service (closed → said so).
    agenda: { run: readAgenda },
    export: { run: exportMyData },
    deletePlan: { run: planDeletion },
    delete: { run: deleteMyData },
    familyInvite: { run: inviteRelative },
    familyAccept: { run: acceptInvite },
    familyList: { run: listFamily },
    familyRevoke: { run: revokeLink },
  },
  // agenda: the bindings, vehicles and links read, then every source at once. The answer leaves
  // after AGENDA_SOURCE_BUDGET_MS, but a source's department call is not cut off (its answer fills
  // the cache for the next look): the function lives as long as one whole call may take.
  // delete: the blockers, the erasure of every personal table and the audit entry, in one
  // transaction; deletePlan runs the same erasure and rolls it back. The family actions: database only.
  budget: (t) => Math.max(DATABASE_ALLOWANCE_MS + Math.max(AGENDA_SOURCE_BUDGET_MS, departmentCallMs(t)) + DATABASE_ALLOWANCE_MS, 2 * DATABASE_ALLOWANCE_MS),
  deployment: { env: { required: ['ACCOUNT_AUDIT_KEY'] } },
  wire: (config) => ({ accountAuditKey: config.accountAuditKey }),
});
