import { meContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { AGENDA_SOURCE_BUDGET_MS, readAgenda } from './agenda';

/** The resident's own page: one agenda across every service (and the relatives they help). */
export const meFlow = defineFlow({
  contract: meContract,
  purpose: "the resident's agenda across bills, traffic, 12345 and the pension eligibility check",
  actions: {
    // No service guard of its own: each source is checked against its flow's service (closed → said so).
    agenda: { run: readAgenda },
  },
  // agenda: the bindings, vehicles and links read, then every source at once. The answer leaves
  // after AGENDA_SOURCE_BUDGET_MS, but a source's department call is not cut off (its answer fills
  // the cache for the next look): the function lives as long as one whole call may take.
  budget: (t) => DATABASE_ALLOWANCE_MS + Math.max(AGENDA_SOURCE_BUDGET_MS, departmentCallMs(t)) + DATABASE_ALLOWANCE_MS,
});
