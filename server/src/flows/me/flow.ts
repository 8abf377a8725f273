import { meContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS } from '../../runtime/budgets';
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
  // agenda: the bindings, vehicles and links read, then every source at once within its budget
  // (its database writes included), then the items.
  budget: () => DATABASE_ALLOWANCE_MS + AGENDA_SOURCE_BUDGET_MS + DATABASE_ALLOWANCE_MS,
});
