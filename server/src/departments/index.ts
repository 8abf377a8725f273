import { AppError, DEPARTMENT_IDS, DEPARTMENTS, type DepartmentId } from '@bianmin/core';
import type { DepartmentEndpoint } from '../config';
import type { Logger } from '../log';
import { createDepartmentClient, type DepartmentClient } from './client';

/** What a department's typed API is made from: this process's clients, and a log to say a missing one in. */
export interface DepartmentsDeps {
  departments: DepartmentClients;
  log: Pick<Logger, 'error'>;
}

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

/**
 * A department's typed API (`make`: utilityApi, trafficApi, bureauApi, hotlineApi) over this
 * process's shared client for it: every flow reaches its departments through here. A deployment
 * with no endpoint for it answers DEPARTMENT_UNAVAILABLE naming the department (and says so in
 * the log), never a crash.
 */
export function departmentApi<A>(deps: DepartmentsDeps, id: DepartmentId, make: (client: DepartmentClient) => A, name: string = DEPARTMENTS[id].name): A {
  const client = deps.departments[id];
  if (!client) {
    deps.log.error({ department: id }, `no endpoint configured for ${id} (DEPT_${id.toUpperCase()}_URL / DEPT_${id.toUpperCase()}_KEY)`);
    throw new AppError('DEPARTMENT_UNAVAILABLE', `${name}暂时无法连接，请稍后再试。`, { retryable: true });
  }
  return make(client);
}
