import type { Availability } from '@bianmin/core';
import { callFunction } from '../api';
import { useRemote } from './use-remote';

/** Hours change under an open page (the 23:30 settlement pause, 02:00 maintenance): ask again once a minute. */
const REFRESH_MS = 60 * 1000;

export interface ServiceAvailability {
  /** Each asked service's availability; one whose status could not be fetched is simply absent. */
  byId: Readonly<Record<string, Availability>>;
  of(serviceId: string): Availability | undefined;
  reload(): void;
}

async function fetchAvailability(ids: string[]): Promise<Record<string, Availability>> {
  const answers = await Promise.allSettled(ids.map((serviceId) => callFunction('services', { action: 'status', serviceId })));
  const byId: Record<string, Availability> = {};
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled') byId[ids[i]!] = a.value.availability;
  });
  return byId;
}

/**
 * Whether the given services are open right now (`services.status` for each), so that a page
 * says "paused until 00:30" before the resident taps Pay, not after. The server still refuses a
 * closed call, and that refusal is shown with the availability sheet.
 */
export function useServiceAvailability(serviceIds: readonly string[]): ServiceAvailability {
  const key = [...new Set(serviceIds)].sort().join(',');
  const remote = useRemote(() => fetchAvailability(key ? key.split(',') : []), { key, refreshMs: REFRESH_MS });
  const byId = remote.data ?? {};
  return { byId, of: (id) => byId[id], reload: () => void remote.reload() };
}
