import type { AdminAction } from '@bianmin/core/admin/contract';
import { adminFunction } from '@bianmin/server/admin/function';
import type { AdminAccess } from '@bianmin/server/admin/define';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { startTestStack, type TestStack, ZHANG } from '../testing/stack';
import { ADMIN_RECIPES, adminCall, type OperatorsWork, seedOperatorsWork } from './admin-attack';

/**
 * The operator console's authorization matrix, generated from the admin function's own table
 * (server/src/admin/function.ts, the definition CloudBase runs): every action × { nobody, a
 * resident's openid, an auditor, a department operator, the owner of the item, a city
 * administrator }, each expected from the action's declared access.
 */
const ACTIONS = Object.entries(adminFunction.actions as Record<string, { access: AdminAccess }>).map(([action, h]) => ({ action: action as AdminAction, access: h.access }));
const SIGNED_IN = ACTIONS.filter((a) => a.access !== 'public');

describe('the admin authorization matrix’s recipes', () => {
  it('has a recipe for every admin action, and none for an action that is gone', () => {
    expect(ACTIONS.filter((a) => !ADMIN_RECIPES[a.action]).map((a) => a.action)).toEqual([]);
    expect(Object.keys(ADMIN_RECIPES).filter((k) => !ACTIONS.some((a) => a.action === k))).toEqual([]);
  });

  it('names an owner and a stranger for every write, so that scope is tried both ways', () => {
    expect(ACTIONS.filter((a) => a.access === 'write' && !(ADMIN_RECIPES[a.action].owner && ADMIN_RECIPES[a.action].stranger)).map((a) => a.action)).toEqual([]);
  });
});

describe.each(STORE_KINDS)('the admin authorization matrix on %s', (kind) => {
  let stack: TestStack;
  let work: OperatorsWork;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    work = await seedOperatorsWork(stack);
  }, 60_000);
  afterAll(() => stack?.stop());

  const call = (action: AdminAction, as: string | null, opts: { openid?: string } = {}) => adminCall(stack, as, { action, ...ADMIN_RECIPES[action].body(work) }, opts);

  describe.each(SIGNED_IN)('$action ($access)', ({ action, access }) => {
    it('refuses nobody, and a resident’s openid, with 401 and nothing else', async () => {
      for (const r of [await call(action, null), await call(action, null, { openid: ZHANG.openid })]) {
        expect(r).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
        expect(Object.keys(r.body)).toEqual(['ok', 'error']);
      }
    });

    it('refuses a forged or revoked token with 401', async () => {
      const forged = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'content-type': 'application/json' }, body: JSON.stringify({ action, ...ADMIN_RECIPES[action].body(work) }) });
      expect(forged.status).toBe(401);
    });

    it('lets an auditor read and nothing more', async () => {
      const r = await call(action, 'op-auditor-01');
      if (access === 'write') expect(r).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
      else expect(r.status).toBe(200);
    });

    it('keeps a department operator to their own department', async () => {
      const recipe = ADMIN_RECIPES[action];
      if (access === 'audit') {
        expect(await call(action, 'op-water-01')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      } else if (access === 'write') {
        expect(await call(action, recipe.stranger!)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
        const own = await call(action, recipe.owner!);
        expect(own.status).toBeLessThan(500);
        expect(own.status === 401 || own.status === 403).toBe(false);
      } else if (recipe.reader) {
        expect((await call(action, recipe.reader)).status).toBe(200);
        expect(await call(action, 'op-water-01')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
      } else {
        expect((await call(action, 'op-water-01')).status).toBe(200);
      }
    });

    it('lets a city administrator do it (a second end or withdrawal is a CONFLICT, not a refusal)', async () => {
      const r = await call(action, 'op-admin-01');
      expect(r.status).toBeLessThan(500);
      expect(r.status === 401 || r.status === 403).toBe(false);
    });
  });

  it.each(ACTIONS.filter((a) => a.access === 'public'))('public $action answers nobody without a 5xx and without a session', async ({ action }) => {
    const r = await call(action, null);
    expect(r.status).toBeLessThan(500);
    expect(JSON.stringify(r.body)).not.toMatch(/"token"/);
  });

  it('writes each refused call nowhere: the audit log holds only what was done', async () => {
    const { body } = await adminCall(stack, 'op-admin-01', { action: 'audit.list', limit: 200 });
    const entries = (body.data as { entries: Array<{ operatorId: string; action: string }> }).entries;
    expect(entries.some((e) => e.operatorId === 'op-auditor-01')).toBe(false);
    expect(entries.filter((e) => e.operatorId === 'op-power-01').map((e) => e.action).every((a) => a === 'queues.retryRefund')).toBe(true);
  });
});

export const ADMIN_MATRIX_SIZE = { actions: SIGNED_IN.length, cases: 5 };
