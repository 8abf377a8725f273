import { DEPARTMENT_IDS, type DepartmentId } from '@bianmin/core';
import type { DepartmentEndpoint } from '../config';
import type { Logger } from '../log';
import { createDepartmentClient, type DepartmentClient } from './client';

export type DepartmentClients = Partial<Record<DepartmentId, DepartmentClient>>;

/**
 * How long a department's last answer may be shown, marked stale, while it is down (default a
 * day). Social insurance records are sensitive personal data (PIPL): minutes, not a day.
 */
const STALE_TTL_MS: Partial<Record<DepartmentId, number>> = { insurance: 5 * 60_000 };

/** One client per configured department, built once per process so caches and breakers are shared. */
export function createDepartmentClients(
  endpoints: Partial<Record<DepartmentId, DepartmentEndpoint>>,
  opts: { timeoutMs?: number; probeIntervalMs?: number; cacheTtlMs?: number; log: Logger; tell?: (at: number) => Date },
): DepartmentClients {
  const clients: DepartmentClients = {};
  for (const id of DEPARTMENT_IDS) {
    const e = endpoints[id];
    if (e) clients[id] = createDepartmentClient({ id, baseUrl: e.baseUrl, apiKey: e.apiKey, timeoutMs: opts.timeoutMs, probeIntervalMs: opts.probeIntervalMs, cacheTtlMs: opts.cacheTtlMs, staleTtlMs: STALE_TTL_MS[id], log: opts.log, tell: opts.tell });
  }
  return clients;
}
