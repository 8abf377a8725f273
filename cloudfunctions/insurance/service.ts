import { insuranceInput } from '@bianmin/core/flows/insurance/contract';
import { listAccessLog, readInsuranceRecords, readInsuranceSummary } from '@bianmin/server/insurance/reads';
import { showVerification, startVerification } from '@bianmin/server/insurance/verification';
import { defineFunction } from '@bianmin/server/runtime/define';

/**
 * Social insurance: real-name verification (face check), then the resident's own contributions,
 * balances and years, and the log of every read. Every data action needs a live verification.
 */
export const insuranceFunction = defineFunction('insurance', insuranceInput, {
  actions: {
    verify: { service: 'insurance.query', run: startVerification },
    verification: { run: showVerification },
    summary: { service: 'insurance.query', servesStale: true, run: readInsuranceSummary },
    records: { service: 'insurance.query', servesStale: true, run: readInsuranceRecords },
    accessLog: { run: listAccessLog },
  },
});
