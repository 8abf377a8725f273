import { DEPARTMENTS, type DepartmentId } from '@bianmin/core';
import { randomBytes } from 'node:crypto';
import type { FixtureResident } from '../fixtures';
import { createHotlinePlatform, type HotlinePlatform } from './hotline';
import { type Route, type RunningSandbox, startSandbox } from './http';
import { insuranceRoutes } from './insurance';
import { trafficRoutes } from './traffic';
import { PROFILES, utilityRoutes } from './utility';

export type Sandboxes = Record<DepartmentId, RunningSandbox>;

function routesFor(id: DepartmentId, residents: FixtureResident[], hotline: HotlinePlatform): Route[] {
  switch (id) {
    case 'water':
    case 'power':
    case 'gas':
      return utilityRoutes(PROFILES[id], residents);
    case 'traffic':
      return trafficRoutes(residents);
    case 'insurance':
      return insuranceRoutes(residents);
    case 'hotline':
      return hotline.routes();
  }
}

/** One sandbox per department, each on its own loopback port with its own fresh API key. */
export async function startSandboxes(residents: FixtureResident[], opts: { hotline?: HotlinePlatform } = {}): Promise<Sandboxes> {
  const hotline = opts.hotline ?? createHotlinePlatform();
  const ids = Object.keys(DEPARTMENTS) as DepartmentId[];
  const started = await Promise.all(
    ids.map((id) => startSandbox({ id, apiKey: `sk_${id}_${randomBytes(12).toString('hex')}`, routes: routesFor(id, residents, hotline) })),
  );
  return Object.fromEntries(started.map((s) => [s.id, s])) as Sandboxes;
}

export async function stopSandboxes(s: Sandboxes): Promise<void> {
  await Promise.all(Object.values(s).map((x) => x.stop()));
}
