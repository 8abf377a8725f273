import type { Availability } from '@bianmin/core';
import { refusesCalls } from '@bianmin/core/availability/vocabulary';
import { callFunction } from '../../api';
import { useRemote } from '../../hooks/use-remote';

/** The traffic police's nightly maintenance starts at 02:00 under an open page: ask again once a minute. */
const REFRESH_MS = 60 * 1000;

export type TrafficService = 'traffic.query' | 'traffic.pay';

export interface TrafficAvailability {
  query?: Availability;
  pay?: Availability;
}

async function fetchAvailability(): Promise<TrafficAvailability> {
  const [query, pay] = await Promise.allSettled([
    callFunction('services', { action: 'status', serviceId: 'traffic.query' }),
    callFunction('services', { action: 'status', serviceId: 'traffic.pay' }),
  ]);
  return {
    ...(query.status === 'fulfilled' ? { query: query.value.availability } : {}),
    ...(pay.status === 'fulfilled' ? { pay: pay.value.availability } : {}),
  };
}

/**
 * Whether querying and paying are open right now (`services.status`), so that the pages say
 * "maintenance until 04:00" before the resident starts. The server still refuses a closed call,
 * and that refusal is shown with the availability sheet.
 */
export function useTrafficAvailability(): TrafficAvailability & { reload(): void } {
  const remote = useRemote(fetchAvailability, { refreshMs: REFRESH_MS });
  return { ...(remote.data ?? {}), reload: () => void remote.reload() };
}

/** The shared rule of core's vocabulary: which states refuse a call now. */
export function blocked(a: Availability | null | undefined): boolean {
  return refusesCalls(a);
}
