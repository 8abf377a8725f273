import { DEPARTMENTS, type DepartmentId } from '@bianmin/core';
import { randomBytes } from 'node:crypto';
import type { FixtureResident } from '../fixtures';
import { createHotlinePlatform, type HotlinePlatform } from './hotline';
import { type Route, type RunningSandbox, startSandbox } from './http';
import { insuranceRoutes } from './insurance';
import { readAsset } from '../assets';
import { trafficDepartment } from './traffic';
import { PROFILES, utilityRoutes } from './utility';

export type Sandboxes = Record<DepartmentId, RunningSandbox>;

function routesFor(id: DepartmentId, residents: FixtureResident[], hotline: HotlinePlatform): { routes: Route[]; postings?: () => unknown[] } {
  switch (id) {
    case 'water':
    case 'power':
    case 'gas':
      return { routes: utilityRoutes(PROFILES[id], residents) };
    case 'traffic':
      return trafficDepartment(residents, { readAsset });
    case 'insurance':
      return { routes: insuranceRoutes(residents) };
    case 'hotline':
      return { routes: hotline.routes() };
  }
}

/** One sandbox per department, each on its own loopback port with its own fresh API key. */
export async function startSandboxes(residents: FixtureResident[], opts: { hotline?: HotlinePlatform } = {}): Promise<Sandboxes> {
  const hotline = opts.hotline ?? createHotlinePlatform();
  const ids = Object.keys(DEPARTMENTS) as DepartmentId[];
  const started = await Promise.all(
    ids.map((id) => startSandbox({ id, apiKey: `sk_${id}_${randomBytes(12).toString('hex')}`, ...routesFor(id, residents, hotline) })),
  );
  return Object.fromEntries(started.map((s) => [s.id, s])) as Sandboxes;
}

export async function stopSandboxes(s: Sandboxes): Promise<void> {
  await Promise.all(Object.values(s).map((x) => x.stop()));
}
