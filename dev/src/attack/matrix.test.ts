import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { FUNCTIONS } from '../functions';
import { LI, startTestStack, type TestStack, ZHANG } from '../testing/stack';
import { NOON, type Owned, RECIPES, secretsOf, seedFirstResident } from '../flows/index';

/**
 * The authorization matrix, generated from the action tables the gateway serves (the same
 * definitions CloudBase runs): every resident action × { no caller, another resident replaying
 * the first resident's real ids }. A new action joins by being declared — and fails here (and in
 * flows/registry.test.ts) until its function's dev/src/flows/<flow>/attack.ts has a recipe for it.
 */
const declared = Object.entries(FUNCTIONS).flatMap(([fn, def]) =>
  Object.entries(def.actions as Record<string, { auth?: string }>).map(([action, h]) => ({ fn, action, key: `${fn}.${action}`, auth: h.auth ?? 'resident' })),
);
const residentActions = declared.filter((a) => a.auth !== 'public');
const publicActions = declared.filter((a) => a.auth === 'public');

describe('the authorization matrix’s recipes', () => {
  it('has a recipe for every declared resident action (add one to dev/src/flows/<flow>/attack.ts for a new action)', () => {
    const missing = residentActions.filter((a) => !RECIPES[a.key]).map((a) => a.key);
    if (missing.length) {
      throw new Error(`No authorization-matrix recipe for ${missing.join(', ')}: add it to the recipes of dev/src/flows/<flow>/attack.ts, saying how to build a call with the first resident's real ids and what another resident replaying it must get.`);
    }
    const stale = Object.keys(RECIPES).filter((k) => !residentActions.some((a) => a.key === k));
    expect(stale).toEqual([]);
  });

  it('covers every function the gateway serves', () => {
    expect(new Set(residentActions.map((a) => a.fn))).toEqual(new Set(Object.keys(FUNCTIONS)));
  });
});

describe.each(STORE_KINDS)('the authorization matrix on %s', (kind) => {
  let stack: TestStack;
  let owned: Owned;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    owned = await seedFirstResident(stack);
  });
  afterAll(() => stack?.stop());

  const recipeFor = (key: string) => {
    const r = RECIPES[key];
    if (!r) throw new Error(`no recipe for ${key}`);
    return r;
  };

  describe.each(residentActions)('$key', ({ fn, key }) => {
    it('refuses a call without a caller with UNAUTHENTICATED and shows nothing', async () => {
      const recipe = recipeFor(key);
      const r = await stack.call(fn, recipe.body(owned), { openid: null, now: recipe.now ?? NOON });
      expect(r).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
      for (const s of secretsOf(owned)) expect(JSON.stringify(r.body)).not.toContain(s);
    });

    it('gives another resident replaying the first resident’s ids nothing of theirs', async () => {
      const recipe = recipeFor(key);
      const r = await stack.call(fn, recipe.body(owned), { openid: LI.openid, now: recipe.now ?? NOON });
      if (recipe.replay === 'NOT_FOUND') expect(r).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
      else expect(r.status).toBeLessThan(500);
      const text = JSON.stringify(r.body);
      for (const s of secretsOf(owned, recipe.mayEcho)) expect(text).not.toContain(s);
    });
  });

  it.each(publicActions)('public $key answers without a caller and carries nothing of a resident', async ({ fn, action }) => {
    const r = await stack.call(fn, { action, ...(action === 'status' ? { serviceId: 'bills.electricity.pay' } : {}) }, { openid: null, now: NOON });
    expect(r.status).toBe(200);
    // The power grid publishes the demo resident's number as its example account number.
    for (const s of secretsOf(owned, action === 'providers' ? ['accountNo'] : [])) expect(JSON.stringify(r.body)).not.toContain(s);
  });

  it('leaves everything of the first resident’s as it was after the replays', async () => {
    const as = { openid: ZHANG.openid, now: NOON };
    const bindings = await stack.call<{ bindings: Array<{ bindingId: string }> }>('bills', { action: 'bindings' }, as);
    expect(bindings.body.ok && bindings.body.data.bindings.map((b) => b.bindingId)).toContain(owned.bindingId);
    expect(await stack.call('bills', { action: 'order', orderId: owned.orderId }, as)).toMatchObject({ body: { ok: true, data: { order: { status: 'pending' } } } });
    const reminders = await stack.call<{ reminders: Array<{ id: string }> }>('services', { action: 'reminders' }, as);
    expect(reminders.body.ok && reminders.body.data.reminders.map((r) => r.id)).toContain(owned.reminderId);
    const inbox = await stack.call<{ messages: Array<{ id: string; read: boolean }> }>('messages', { action: 'list' }, as);
    expect(inbox.body.ok && inbox.body.data.messages.find((m) => m.id === owned.messageId)).toMatchObject({ read: false });
  });
});

export const MATRIX_SIZE = { actions: residentActions.length, cases: 2 };
