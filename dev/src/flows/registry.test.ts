import { REAL_REGISTRY, type Registry, registryProblems } from './registry';

/**
 * Adding a flow is a folder per layer and a line in each typed list; every registry — the
 * deployed functions and their entries, the deployment files, the budgets, the local stack's
 * functions, loops and levers, the attack matrix — is derived from those lists. This is the test
 * that fails, by name, for a flow missing a piece.
 */
describe('the flows’ registry', () => {
  it('has every piece of every flow in every layer', () => {
    expect(registryProblems(REAL_REGISTRY)).toEqual([]);
  });

  const without = (change: Partial<Registry>): string[] => registryProblems({ ...REAL_REGISTRY, ...change });
  const bills = REAL_REGISTRY.flows.find((f) => f.name === 'bills')!;

  it('fails for a contract with no server flow, and a flow with no contract', () => {
    expect(without({ flows: REAL_REGISTRY.flows.filter((f) => f !== bills) })).toContain('bills: a contract (core/src/flows/bills/contract.ts) with no server flow (server/src/flows/bills/flow.ts in FLOWS)');
    expect(without({ contracts: REAL_REGISTRY.contracts.filter((c) => c.name !== 'bills') })).toContain('bills: a server flow with no contract in core\'s CONTRACTS (core/src/flows/bills/contract.ts)');
  });

  it('fails for a function with no budget, and one whose budget does not fit CloudBase’s 60 s', () => {
    const noBudget = REAL_REGISTRY.functions.map((f) => (f.name === 'bills' ? { ...f, worstCaseMs: undefined as never } : f));
    expect(without({ functions: noBudget }).join('\n')).toContain('bills: timeout has no worst case');
    const tooSlow = REAL_REGISTRY.functions.map((f) => (f.name === 'traffic' ? { ...f, worstCaseMs: () => 75_000 } : f));
    expect(without({ functions: tooSlow }).join('\n')).toContain('traffic: timeout its worst case needs 76 s');
  });

  it('fails for a function whose handler is not where the build looks for it', () => {
    const moved = REAL_REGISTRY.functions.map((f) => (f.name === 'billsWorker' ? { ...f, source: { module: 'flows/bills/jobs', export: 'dueReminderJobs' } } : f));
    expect(without({ functions: moved })).toContain('billsWorker: server/src/flows/bills/jobs must export `dueReminderJobs`, the very timer handler declared (the build bundles the entry from it)');
  });

  it('fails for a resident function with no seeder, and a resident action with no recipe', () => {
    expect(without({ devFlows: REAL_REGISTRY.devFlows.filter((d) => d.fn !== 'tickets') })).toContain(
      'tickets: no attack-suite piece (dev/src/flows/tickets/attack.ts in DEV_FLOWS): its seeder and a recipe for each resident action',
    );
    const noRecipe = REAL_REGISTRY.devFlows.map((d) => (d.fn === 'traffic' ? { ...d, recipes: { ...d.recipes, readLicence: undefined } } : d));
    expect(without({ devFlows: noRecipe })).toContain('traffic.readLicence: a resident action with no recipe in dev/src/flows/traffic/attack.ts');
  });
});
