import { insuranceInput } from '@bianmin/core/schemas/insurance';
import { defineFunction } from '@bianmin/server/runtime/define';
import type { CallContext } from '@bianmin/server/runtime/types';
import { accessLog, insuranceRecords, insuranceSummary } from '@bianmin/server/insurance/reads';
import { currentVerification, type ResidentContext, startVerification, verificationView } from '@bianmin/server/insurance/verification';

const SERVICE = () => 'insurance.query';

/** The runtime refuses every resident action without a caller before `run`: this only narrows the type. */
function resident(ctx: CallContext): ResidentContext {
  if (!ctx.caller) throw new Error('resident action reached without a caller');
  return ctx as ResidentContext;
}

/**
 * Social insurance: real-name verification (face check), then the resident's own contributions,
 * balances and years, and the log of every read. Every data action needs a live verification.
 */
export const insuranceFunction = defineFunction('insurance', insuranceInput, {
  verify: {
    service: SERVICE,
    run: (input, ctx) => startVerification(resident(ctx), input),
  },
  verification: {
    run: async ({ verificationId }, ctx) => {
      const row = await currentVerification(resident(ctx), verificationId);
      return { verification: row ? verificationView(row, ctx.clock.now()) : null };
    },
  },
  summary: {
    service: SERVICE,
    servesStale: true,
    run: (input, ctx) => insuranceSummary(resident(ctx), input),
  },
  records: {
    service: SERVICE,
    servesStale: true,
    run: (input, ctx) => insuranceRecords(resident(ctx), input),
  },
  accessLog: {
    run: (_input, ctx) => accessLog(resident(ctx)),
  },
});
