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

function routesFor(id: DepartmentId, residents: FixtureResident[], hotline: HotlinePlatform, clock: Clock): { routes: Route[]; postings?: () => unknown[] } {
  switch (id) {
    case 'water':
    case 'power':
    case 'gas':
      return { routes: utilityRoutes(PROFILES[id], residents, clock) };
    case 'traffic':
      // Its records carry fixed dates and every time it books comes in the request.
      return trafficDepartment(residents, { readAsset });
    case 'insurance':
      return { routes: insuranceRoutes(residents, clock) };
    case 'hotline':
      return { routes: hotline.routes() };
  }
}

/**
 * One sandbox per department, each on its own loopback port with its own fresh API key. `clock`
 * is the departments' own time (the local stack's clock), for what a request does not date itself.
 */
export async function startSandboxes(residents: FixtureResident[], opts: { hotline?: HotlinePlatform; clock?: Clock } = {}): Promise<Sandboxes> {
  const clock = opts.clock ?? systemClock;
  const hotline = opts.hotline ?? createHotlinePlatform({ clock });
  const ids = Object.keys(DEPARTMENTS) as DepartmentId[];
  const started = await Promise.all(
    ids.map((id) => startSandbox({ id, apiKey: `sk_${id}_${randomBytes(12).toString('hex')}`, ...routesFor(id, residents, hotline, clock) })),
  );
  return Object.fromEntries(started.map((s) => [s.id, s])) as Sandboxes;
}

export async function stopSandboxes(s: Sandboxes): Promise<void> {
  await Promise.all(Object.values(s).map((x) => x.stop()));
}
