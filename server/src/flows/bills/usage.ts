import { providerById, shanghaiDate, toShanghaiIso, type UsageResult } from '@bianmin/core';
import type { UtilityUsage } from '../../departments/utility';
import { mapAccountRejection } from './bill';
import type { BindingContext } from './bindings';
import { utilityFor } from './utilities';

/**
 * The price step to mark on the chart: the one the household meets next at its latest month's
 * usage (the upper bound of that month's tier), or, in the top tier, where that tier began.
 */
export function tierThreshold(usage: UtilityUsage): UsageResult['threshold'] {
  const latest = usage.months.at(-1);
  if (!latest || usage.tiers.length < 2) return null;
  let from = 0;
  for (const t of usage.tiers) {
    if (t.upTo === null) return { value: from, tierName: t.name, bound: 'from' };
    if (latest.usage <= t.upTo) return { value: t.upTo, tierName: t.name, bound: 'upTo' };
    from = t.upTo;
  }
  return null;
}

/**
 * The household's last 12 months at a glance: one department call (cached and coalesced like
 * the bill), served stale with its age when the department is down.
 */
export async function readUsage(ctx: BindingContext): Promise<UsageResult> {
  const binding = ctx.binding;
  const provider = providerById(binding.providerId)!;
  const api = utilityFor(ctx.deps, binding.providerId);
  let fetched;
  try {
    fetched = await api.usage(binding.accountNo, shanghaiDate(ctx.clock.now()), { allowStale: true });
  } catch (e) {
    throw mapAccountRejection(e, provider.name);
  }
  return {
    unit: fetched.data.unit,
    months: fetched.data.months.slice(-12).map((m) => ({ period: m.period, usage: m.usage, amount: m.amount })),
    threshold: tierThreshold(fetched.data),
    fetchedAt: toShanghaiIso(fetched.fetchedAt),
    stale: fetched.stale,
    ageSeconds: Math.max(0, Math.round(fetched.ageMs / 1000)),
  };
}
