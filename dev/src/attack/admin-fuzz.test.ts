import { CATALOGUE, DEPARTMENT_IDS } from '@bianmin/core';
import { adminInput } from '@bianmin/core/admin/contract';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import fc from 'fast-check';
import type { z } from 'zod';
import { startTestStack, type TestStack } from '../testing/stack';
import { ADMIN_NOW, ADMIN_RECIPES, type OperatorsWork, seedOperatorsWork, sessionOf } from './admin-attack';
import { caseArb, ONE_MEGABYTE } from './fuzz';
import { LEAK } from './leak';

/**
 * Fuzzing every admin action through the real gateway, as the residents' functions are: bodies
 * from each action's own schema, real ids with one field swapped for something hostile, unknown
 * keys, whole-body garbage; sent with a city administrator's token (who may do everything, so
 * bodies reach the handlers), a department operator's, or none. Never INTERNAL, a 5xx, a stack
 * trace or SQL; the stack still answers afterwards.
 */
const RUNS = Number(process.env.FUZZ_RUNS_IN_TEST ?? 30);
const SEED = 20261207;

describe.each(STORE_KINDS)('fuzzing every admin action on %s', (kind) => {
  let stack: TestStack;
  let work: OperatorsWork;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    work = await seedOperatorsWork(stack);
  }, 60_000);
  afterAll(() => stack?.stop());

  it('never answers INTERNAL, a 5xx, a stack trace or SQL, and stays up', async () => {
    const tokens = { admin: await sessionOf(stack, 'op-admin-01'), water: await sessionOf(stack, 'op-water-01') };
    const pool = [...Object.values(work), ...CATALOGUE.services.map((s) => s.id), ...DEPARTMENT_IDS, 'op-power-01', 'op-admin-01', '2026-03-11T01:00:00+08:00', '2026-04-01'];
    const failures: Array<{ json: string; status: number; text: string }> = [];
    const byCode: Record<string, number> = {};
    let seed = SEED;
    const send = async (json: string, who: 'admin' | 'water' | null) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dev-now': ADMIN_NOW };
      if (who) headers.authorization = `Bearer ${tokens[who]}`;
      let res: Response;
      let text: string;
      try {
        res = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers, body: json });
        text = await res.text();
      } catch {
        // A kept-alive socket the server closed a moment earlier resets the first try (the
        // client's race, as in fuzz.ts); the same body on a fresh connection is the answer.
        try {
          res = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { ...headers, connection: 'close' }, body: json });
          text = await res.text();
        } catch (e) {
          failures.push({ json: json.slice(0, 300), status: 0, text: `no answer: ${e instanceof Error ? e.message : String(e)}` });
          return;
        }
      }
      let code = 'NOT_JSON';
      try {
        const b = JSON.parse(text) as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };
        code = b.ok ? 'OK' : (b.error?.code ?? 'NOT_JSON');
        const said = [b.error?.message ?? '', ...Object.values(b.error?.fields ?? {})].join(' ');
        if (LEAK.test(said)) code = 'LEAK';
      } catch {
        // NOT_JSON stays.
      }
      byCode[code] = (byCode[code] ?? 0) + 1;
      if (res.status >= 500 || code === 'INTERNAL' || code === 'NOT_JSON' || code === 'LEAK') failures.push({ json: json.slice(0, 300), status: res.status, text: text.slice(0, 300) });
    };
    for (const json of ['[]', 'null', '"x"', '42', '{"action":', '{"action":"__proto__"}', '{"action":"constructor"}', `{"action":"me","pad":"${ONE_MEGABYTE}"}`]) await send(json, 'admin');
    for (const [action, schema] of Object.entries(adminInput)) {
      const base = { action, ...ADMIN_RECIPES[action as keyof typeof ADMIN_RECIPES].body(work) };
      // signOut would end the very session the rest of the run uses.
      if (action === 'signOut') continue;
      const samples = fc.sample(caseArb('admin', action, schema as z.ZodType, pool, base), { seed: seed++, numRuns: RUNS });
      for (const c of samples) await send(c.json, c.asResident ? 'admin' : seed % 2 ? 'water' : null);
    }
    expect(failures).toEqual([]);
    // Bodies got past validation into the handlers, not only refused at the door.
    expect(byCode.OK ?? 0).toBeGreaterThan(0);
    expect(byCode.INVALID_INPUT ?? 0).toBeGreaterThan(0);
    const me = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json', 'x-dev-now': ADMIN_NOW }, body: '{"action":"me"}' });
    expect(me.status).toBe(200);
  }, 180_000);
});
