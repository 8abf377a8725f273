import { meContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { deleteMyData, exportMyData, planDeletion } from './data';

/** The resident's own account: their data (导出, 删除). */
export const meFlow = defineFlow({
  contract: meContract,
  purpose: "the resident's account: export and deletion of their data",
  actions: {
    export: { run: exportMyData },
    deletePlan: { run: planDeletion },
    delete: { run: deleteMyData },
  },
  // delete: the blockers, the erasure of every personal table and the audit entry, in one
  // transaction; deletePlan runs the same erasure and rolls it back. Database only.
  budget: () => 2 * DATABASE_ALLOWANCE_MS,
  deployment: { env: { required: ['ACCOUNT_AUDIT_KEY'] } },
  wire: (config) => ({ accountAuditKey: config.accountAuditKey }),
});
