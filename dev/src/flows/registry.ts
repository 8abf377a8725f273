import { CONTRACTS, type Contract } from '@bianmin/core';
import { FLOWS } from '@bianmin/server/flows/index';
import { FUNCTIONS } from '@bianmin/server/functions';
import { MAX_DEPARTMENT_TIMEOUT_MS } from '@bianmin/server/runtime/budgets';
import { deploymentProblems } from '@bianmin/server/runtime/deployment-check';
import type { Flow } from '@bianmin/server/runtime/flow';
import { type DeployedFunction, deploymentOf, payablesSource } from '@bianmin/server/runtime/functions';
import type { DevFlow } from './attack';
import { DEV_FLOWS } from './index';

/** Everything the registry is derived from, one list per layer: the real ones by default. */
export interface Registry {
  contracts: readonly Contract[];
  flows: readonly Flow[];
  functions: readonly DeployedFunction[];
  devFlows: ReadonlyArray<DevFlow<never, object>>;
  /** A module of server/src by path (no extension): the build finds each function's handler there. */
  load(module: string): Record<string, unknown>;
}

export const REAL_REGISTRY: Registry = {
  contracts: CONTRACTS,
  flows: FLOWS as unknown as readonly Flow[],
  functions: FUNCTIONS,
  devFlows: DEV_FLOWS as unknown as ReadonlyArray<DevFlow<never, object>>,
  // By file, not through @bianmin/server's exports: those name what other packages import, and a
  // new flow's modules are not among them. (Jest keys modules by real path: the same instances.)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: (module) => require(`../../../server/src/${module}`) as Record<string, unknown>,
};

/** Whether a function's source exports the very thing its handler runs (a receiver: the one whose `handle` it is). */
function isHandler(fn: DeployedFunction, exported: unknown): boolean {
  const h = fn.handler;
  switch (h.kind) {
    case 'resident':
      return exported === h.def;
    case 'timer':
      return exported === h.jobs;
    case 'push':
      return (exported as { handle?: unknown } | undefined)?.handle === h.handle;
    case 'http':
      return exported === h.def;
    case 'paycallback':
    case 'httpnotify':
      return exported === h.handle;
  }
}

/**
 * Every piece a flow (and each deployed function) must have in every layer, checked against the
 * others; [] when nothing is missing. Each problem names the flow or function and the file to add.
 */
export function registryProblems(r: Registry): string[] {
  const p: string[] = [];
  const flowNames = new Set(r.flows.map((f) => f.name));
  const contractNames = new Set(r.contracts.map((c) => c.name));
  // Core ↔ server: one contract per flow, one flow per contract.
  for (const c of r.contracts) if (!flowNames.has(c.name)) p.push(`${c.name}: a contract (core/src/flows/${c.name}/contract.ts) with no server flow (server/src/flows/${c.name}/flow.ts in FLOWS)`);
  for (const f of r.flows) {
    if (!contractNames.has(f.name)) p.push(`${f.name}: a server flow with no contract in core's CONTRACTS (core/src/flows/${f.name}/contract.ts)`);
    // Every constant service guard names one of the flow's own services.
    for (const [action, a] of Object.entries(f.actions)) {
      if (typeof a.service === 'string' && !(f.contract.services as readonly string[]).includes(a.service)) p.push(`${f.name}.${action}: guarded by ${a.service}, which its contract does not declare`);
    }
  }
  // Server: every function has a budget that fits, and its handler where the build will look for it.
  for (const fn of r.functions) {
    const declared = typeof fn.worstCaseMs === 'function';
    const worst = declared ? fn.worstCaseMs(MAX_DEPARTMENT_TIMEOUT_MS) : undefined;
    p.push(...deploymentProblems(deploymentOf(declared ? fn : { ...fn, worstCaseMs: () => NaN }), worst));
    let exported: unknown;
    try {
      exported = r.load(fn.source.module)[fn.source.export];
    } catch (e) {
      p.push(`${fn.name}: its entry imports server/src/${fn.source.module}, which does not load (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    if (!isHandler(fn, exported)) p.push(`${fn.name}: server/src/${fn.source.module} must export \`${fn.source.export}\`, the very ${fn.handler.kind} handler declared (the build bundles the entry from it)`);
  }
  // Payments: each flow's payable kinds where the entries import them from, and every kind once.
  const kinds = r.flows.flatMap((f) => f.payables.map((k) => k.kind));
  for (const k of kinds.filter((k, i) => kinds.indexOf(k) !== i)) p.push(`payable kind ${k}: declared by more than one flow`);
  for (const f of r.flows) {
    if (!f.payables.length) continue;
    const src = payablesSource(f);
    let exported: unknown;
    try {
      exported = r.load(src.module)[src.export];
    } catch (e) {
      p.push(`${f.name}: its payable kinds' module server/src/${src.module} does not load (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const same = Array.isArray(exported) && exported.length === f.payables.length && f.payables.every((k, i) => exported[i] === k);
    if (!same) p.push(`${f.name}: server/src/${src.module} must export \`${src.export}\`, the very payable kinds its flow declares (the entries wire them from there)`);
  }
  // Dev: every resident function has its piece of the attack suite, every resident action a recipe.
  const dev = new Map(r.devFlows.map((d) => [d.fn as string, d]));
  for (const fn of r.functions) {
    if (fn.handler.kind !== 'resident') continue;
    const d = dev.get(fn.name);
    const actions = Object.entries(fn.handler.def.actions);
    if (!d) {
      p.push(`${fn.name}: no attack-suite piece (dev/src/flows/${fn.name}/attack.ts in DEV_FLOWS): its seeder and a recipe for each resident action`);
      continue;
    }
    if (typeof d.seed !== 'function') p.push(`${fn.name}: its attack-suite piece has no seeder`);
    const recipes = d.recipes as Record<string, unknown>;
    for (const [action, a] of actions) {
      if (a.auth !== 'public' && !recipes[action]) p.push(`${fn.name}.${action}: a resident action with no recipe in dev/src/flows/${fn.name}/attack.ts`);
      if (a.auth === 'public' && recipes[action]) p.push(`${fn.name}.${action}: a public action has a recipe (the matrix replays resident actions only)`);
    }
    for (const action of Object.keys(recipes)) if (!actions.some(([a]) => a === action)) p.push(`${fn.name}.${action}: a recipe for an action the function does not declare`);
  }
  for (const d of r.devFlows) if (!r.functions.some((f) => f.name === d.fn && f.handler.kind === 'resident')) p.push(`${d.fn}: an attack-suite piece for a function nobody deploys`);
  return p;
}
