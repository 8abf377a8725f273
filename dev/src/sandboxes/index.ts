import { type Clock, DEPARTMENTS, type DepartmentId, systemClock } from '@bianmin/core';
import { randomBytes } from 'node:crypto';
import type { FixtureResident } from '../fixtures';
import { createHotlinePlatform, type HotlinePlatform } from './hotline';
import { type Route, type RunningSandbox, startSandbox } from './http';
import { insuranceRoutes } from './insurance';
import { readAsset } from '../assets';
import { trafficDepartment } from './traffic';
import { PROFILES, utilityRoutes } from './utility';

export type Sandboxes = Record<DepartmentId, RunningSandbox>;

interface SandboxContext {
  residents: FixtureResident[];
  hotline: HotlinePlatform;
  clock: Clock;
}

/**
 * Each department's sandbox, answering in the real API's shapes and error codes: one entry per
 * department id (a department without a sandbox is a type error), used by the stack and the
 * crash tests alike.
 */
export const DEPARTMENT_SANDBOXES: Record<DepartmentId, (c: SandboxContext) => { routes: Route[]; postings?: () => unknown[] }> = {
  water: (c) => ({ routes: utilityRoutes(PROFILES.water, c.residents, c.clock) }),
  power: (c) => ({ routes: utilityRoutes(PROFILES.power, c.residents, c.clock) }),
  gas: (c) => ({ routes: utilityRoutes(PROFILES.gas, c.residents, c.clock) }),
  // Its records carry fixed dates and every time it books comes in the request.
  traffic: (c) => trafficDepartment(c.residents, { readAsset }),
  insurance: (c) => ({ routes: insuranceRoutes(c.residents, c.clock) }),
  hotline: (c) => ({ routes: c.hotline.routes() }),
};

/**
 * One sandbox per department, each on its own loopback port with its own fresh API key. `clock`
 * is the departments' own time (the local stack's clock), for what a request does not date itself.
 */
export async function startSandboxes(residents: FixtureResident[], opts: { hotline?: HotlinePlatform; clock?: Clock } = {}): Promise<Sandboxes> {
  const clock = opts.clock ?? systemClock;
  const hotline = opts.hotline ?? createHotlinePlatform({ clock });
  const ids = Object.keys(DEPARTMENTS) as DepartmentId[];
  const started = await Promise.all(
    ids.map((id) => startSandbox({ id, apiKey: `sk_${id}_${randomBytes(12).toString('hex')}`, ...DEPARTMENT_SANDBOXES[id]({ residents, hotline, clock }) })),
  );
  return Object.fromEntries(started.map((s) => [s.id, s])) as Sandboxes;
}

export async function stopSandboxes(s: Sandboxes): Promise<void> {
  await Promise.all(Object.values(s).map((x) => x.stop()));
}
