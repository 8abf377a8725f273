import type { Availability, UtilityKind } from '@bianmin/core';
import { refusesCalls } from '@bianmin/core/availability/vocabulary';
import { callFunction } from '../../api';
import { useRemote } from '../../hooks/use-remote';
import { payServiceId } from './format';

/** Hours change under an open page (the 23:30 settlement pause): ask again once a minute. */
const REFRESH_MS = 60 * 1000;

/** States in which the pay service refuses a payment right now (the shared rule of core's vocabulary). */
export function payBlocked(a: Availability | null | undefined): boolean {
  return refusesCalls(a);
}

type ByKind = Partial<Record<UtilityKind, Availability>>;

/** Each kind's pay availability; a kind whose status could not be fetched is simply absent. */
async function fetchPayAvailability(kinds: UtilityKind[]): Promise<ByKind> {
  const answers = await Promise.allSettled(kinds.map((k) => callFunction('services', { action: 'status', serviceId: payServiceId(k) })));
  const byKind: ByKind = {};
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled') byKind[kinds[i]!] = a.value.availability;
  });
  return byKind;
}

/**
 * The availability of each utility's pay service (`services.status { serviceId: 'bills.<kind>.pay' }`),
 * so that a page says "paused until 00:30" before the resident taps Pay, not after. The server
 * still refuses a closed payment, and that refusal is shown with the same sheet.
 */
export function usePayAvailability(kinds: readonly UtilityKind[]): { byKind: ByKind; reload(): void } {
  const key = [...new Set(kinds)].sort().join(',');
  const remote = useRemote(() => fetchPayAvailability(key ? (key.split(',') as UtilityKind[]) : []), { key, refreshMs: REFRESH_MS });
  return { byKind: remote.data ?? {}, reload: () => void remote.reload() };
}
