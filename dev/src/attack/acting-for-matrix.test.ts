import { FLOWS } from '@bianmin/server/flows/index';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import type { Flow } from '@bianmin/server/runtime/flow';
import { FUNCTIONS } from '../functions';
import { startTestStack, type TestStack, ZHANG } from '../testing/stack';
import { NOON, type Owned, RECIPES, secretsOf, seedFirstResident } from '../flows/index';
import { FAMILY_HELPER } from '../flows/me/family-seed';

/**
 * The authorization matrix for 亲友代办, derived like the matrix from the action tables the gateway
 * serves: every resident action of every function, called by the first resident's helper with
 * their real ids and an `actingFor` of no link, a revoked link, another helper's link and — for
 * every flow the helper's bills link does not open, and every action that opts out — the
 * helper's own live link. Each is refused and changes nothing; a new action joins by being declared.
 */
const flowOf = new Map((FLOWS as unknown as readonly Flow[]).map((f) => [f.name as string, f]));
const declared = Object.entries(FUNCTIONS).flatMap(([fn, def]) =>
  Object.entries(def.actions as Record<string, { auth?: string; family?: false }>)
    .filter(([, h]) => h.auth !== 'public')
    .map(([action, h]) => ({ fn, action, key: `${fn}.${action}`, opensWithBills: flowOf.get(fn)?.family === 'bills' && h.family !== false })),
);
const publicActions = Object.entries(FUNCTIONS).flatMap(([fn, def]) =>
  Object.entries(def.actions as Record<string, { auth?: string }>)
    .filter(([, h]) => h.auth === 'public')
    .map(([action]) => ({ fn, action, key: `${fn}.${action}` })),
);

const LINKS = [
  { name: 'no link at all', linkId: () => '00000000-0000-4000-8000-000000000000' },
  { name: 'a revoked link', linkId: (o: Owned) => o.familyRevokedLinkId },
  { name: 'another helper’s link', linkId: (o: Owned) => o.familyOtherLinkId },
];

describe('the acting-for matrix’s cases', () => {
  it('covers every resident action of every function the gateway serves', () => {
    expect(new Set(declared.map((a) => a.fn))).toEqual(new Set(Object.keys(FUNCTIONS)));
    expect(declared.every((a) => RECIPES[a.key])).toBe(true);
  });

  it('leaves only the bills flow’s own actions open to a bills link (every other is a case below)', () => {
    expect(declared.filter((a) => a.opensWithBills).every((a) => a.fn === 'bills')).toBe(true);
    expect(declared.filter((a) => !a.opensWithBills).length).toBeGreaterThan(20);
  });
});

describe.each(STORE_KINDS)('the acting-for matrix on %s', (kind) => {
  let stack: TestStack;
  let owned: Owned;
  const done = async () => {
    const r = await stack.call<{ actions: unknown[] }>('me', { action: 'familyList' }, { openid: ZHANG.openid, now: NOON });
    if (!r.body.ok) throw new Error(`familyList: ${r.body.error.message}`);
    return r.body.data.actions.length;
  };
  let before = 0;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    owned = await seedFirstResident(stack);
    before = await done();
  });
  afterAll(() => stack?.stop());

  describe.each(declared)('$key', ({ fn, key, opensWithBills }) => {
    it.each(LINKS)('refuses the helper acting through $name with FORBIDDEN, saying nothing of the holder', async ({ linkId }) => {
      const r = await stack.call(fn, { ...RECIPES[key].body(owned), actingFor: linkId(owned) }, { openid: FAMILY_HELPER.openid, now: RECIPES[key].now ?? NOON });
      expect(r).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', fields: { actingFor: expect.any(String) } } } });
      for (const s of secretsOf(owned)) expect(JSON.stringify(r.body)).not.toContain(s);
    });

    if (!opensWithBills) {
      it('refuses the helper’s own live bills link outside its scope with FORBIDDEN', async () => {
        const r = await stack.call(fn, { ...RECIPES[key].body(owned), actingFor: owned.familyLinkId }, { openid: FAMILY_HELPER.openid, now: RECIPES[key].now ?? NOON });
        expect(r).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', fields: { actingFor: expect.any(String) } } } });
        for (const s of secretsOf(owned)) expect(JSON.stringify(r.body)).not.toContain(s);
      });
    }
  });

  it.each(publicActions)('public $key ignores actingFor: it answers everyone alike and acts for nobody', async ({ fn, action }) => {
    const r = await stack.call(fn, { action, actingFor: owned.familyRevokedLinkId, ...(action === 'status' ? { serviceId: 'bills.electricity.pay' } : {}) }, { openid: FAMILY_HELPER.openid, now: NOON });
    expect(r.status).toBe(200);
  });

  it('recorded nothing as done for the holder, and left the holder’s links as they were', async () => {
    expect(await done()).toBe(before);
    const r = await stack.call<{ helpers: Array<{ linkId: string }> }>('me', { action: 'familyList' }, { openid: ZHANG.openid, now: NOON });
    expect(r.body.ok && r.body.data.helpers.map((h) => h.linkId).sort()).toEqual([owned.familyLinkId, owned.familyOtherLinkId].sort());
    const bindings = await stack.call<{ bindings: Array<{ bindingId: string }> }>('bills', { action: 'bindings' }, { openid: ZHANG.openid, now: NOON });
    expect(bindings.body.ok && bindings.body.data.bindings.map((b) => b.bindingId)).toContain(owned.bindingId);
  });
});
