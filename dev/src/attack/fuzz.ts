import { CATALOGUE, type ErrorCode, type FunctionName } from '@bianmin/core';
import fc from 'fast-check';
import type { z } from 'zod';
import { FUNCTIONS } from '../functions';
import { RESIDENTS } from '../fixtures';
import type { DevFlow, FuzzExtra } from '../flows/attack';
import { DEV_FLOWS, NOON, type Owned, RECIPES } from '../flows/index';
import { LEAK } from './leak';

export { LEAK };

/**
 * Fuzzing every action through the real gateway: bodies are drawn from each action's own zod
 * schema (valid values, real ids of the first resident, wrong types) mixed with adversarial
 * strings, and sent as JSON over HTTP as the first resident or as nobody. What must hold for
 * every body: never INTERNAL (nor a 5xx), never a stack trace or SQL in what comes back, and the
 * stack still answers afterwards.
 */

/** Strings that have broken real systems. */
const ADVERSARIAL: readonly string[] = [
  '', ' ', '\u0000', 'a\u0000b', '\u0001\u0002\u001f', '\u007f', '\u0085', '\t', '\r\n',
  '\u202eexe.txt', 'abc\u200fdef', '\u2066x\u2069', '\u200b', '\u200d', '\ufeff', '\u00ad',
  '\ud800', '\udfff', 'x\ud83d', '😀', '👨‍👩‍👧‍👦', '🇨🇳', 'Cafe\u0301', '０３００１２３４５６７８９', '张晓明', '张\u0000晓明',
  "' OR 1=1 --", "'); DROP TABLE orders; --", '1; SELECT pg_sleep(10)', '$1', '%s%s%s%n', '{{7*7}}', '${7*7}',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '../../etc/passwd', '%00', '%E0%A4%A',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'NaN', 'Infinity', '-1', '1e309', '0x3E8', '9'.repeat(400), 'null', 'undefined', 'true',
  '2026-02-30T10:00:00+08:00', 'BM' + '0'.repeat(30), 'POWER-0300123456789-202602',
  'x'.repeat(200 * 1024),
];

/** A body too large for the gateway: refused before parsing, and the stack must shrug it off. */
export const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);

const adversarial = fc.constantFrom(...ADVERSARIAL);
const anyJson = fc.jsonValue({ maxDepth: 3 });

function defOf(s: z.ZodType): { type: string; [k: string]: unknown } {
  return (s as unknown as { _zod: { def: { type: string } } })._zod.def;
}

/** Values for one field of a schema: a real one some of the time, otherwise anything a hostile client might send. */
function fieldArb(s: z.ZodType, pool: readonly string[]): fc.Arbitrary<unknown> {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
    case 'default':
      return fc.option(fieldArb(d.innerType as z.ZodType, pool), { nil: undefined, freq: 4 });
    case 'pipe':
      return fieldArb(d.in as z.ZodType, pool);
    case 'array': {
      // Lists (bills.pay's billIds): real ids, hostile strings, non-strings, duplicates, empty and huge.
      const item = fieldArb(d.element as z.ZodType, pool);
      return fc.oneof(
        { weight: 3, arbitrary: fc.array(item, { maxLength: 4 }) },
        { weight: 1, arbitrary: item.map((v) => [v, v]) },
        { weight: 1, arbitrary: fc.array(anyJson, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.integer({ min: 25, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => `POWER-0300123456789-${i}`)) },
        { weight: 1, arbitrary: anyJson },
      );
    }
    case 'enum': {
      const values = Object.values(d.entries as Record<string, string>);
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: adversarial }, { weight: 1, arbitrary: anyJson });
    }
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...pool) },
        { weight: 4, arbitrary: adversarial },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: anyJson },
      );
    default:
      return anyJson;
  }
}

export interface FuzzCase {
  fn: string;
  action: string;
  /** The JSON text sent (built by hand when it carries a key JSON.stringify cannot write, like __proto__). */
  json: string;
  asResident: boolean;
}

/**
 * Bodies for one action: its schema's fields drawn freely, or — so that bodies get past
 * validation and into the handlers — a real call (`base`, the matrix recipe with the first
 * resident's ids) with one field swapped for something hostile; plus, sometimes, an unexpected
 * extra key (__proto__ among them).
 */
export function caseArb(fn: string, action: string, schema: z.ZodType, pool: readonly string[], base?: Record<string, unknown>): fc.Arbitrary<FuzzCase> {
  const shape = (defOf(schema).shape ?? {}) as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const free = fc.record(Object.fromEntries(keys.map((k) => [k, fieldArb(shape[k], pool)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
  const mutated =
    base && keys.length
      ? fc.constantFrom(...keys).chain((k) =>
          fc.oneof(adversarial, fieldArb(shape[k], pool)).map((v) => {
            const body: Record<string, unknown> = { ...base };
            delete body.action;
            body[k] = v;
            return body;
          }),
        )
      : undefined;
  const fields = mutated ? fc.oneof({ weight: 1, arbitrary: free }, { weight: 1, arbitrary: mutated }) : free;
  const extra = fc.option(fc.tuple(fc.oneof(adversarial.filter((k) => k.length < 64), fc.string({ maxLength: 12 })), anyJson), { nil: undefined, freq: 3 });
  const asResident = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  return fc.record({ fields, extra, asResident }).map(({ fields, extra, asResident }) => {
    const body: Record<string, unknown> = { action };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) body[k] = v;
    let json = JSON.stringify(body);
    if (extra && extra[0] !== 'action') json = `${json.slice(0, -1)}${json === '{}' ? '' : ','}${JSON.stringify(extra[0])}:${JSON.stringify(extra[1] ?? null)}}`;
    return { fn, action, json, asResident };
  });
}

/** Real values that get bodies past validation and into the handlers: the first resident's ids, catalogue ids. */
function valuePool(o: Owned): string[] {
  return [
    ...Object.values(o as object as Record<string, string>),
    '44030126000001', '44030126000002', '44030126000003', '44030126000004',
    ...RESIDENTS.flatMap((r) => r.utilityAccounts.flatMap((a) => [a.accountNo, a.holderName])),
    ...CATALOGUE.services.map((s) => s.id),
    'fuzz-key-000001', 'fuzz-key-000002',
  ];
}

export interface Outcome {
  status: number;
  /** NO_ANSWER: the connection failed twice — the body took the gateway down or hung it. */
  code: ErrorCode | 'OK' | 'NOT_JSON' | 'NO_ANSWER';
  leak?: string;
}

async function post(url: string, c: FuzzCase, headers: Record<string, string>): Promise<{ res: Response; text: string }> {
  const res = await fetch(`${url}/api/${c.fn}`, { method: 'POST', headers, body: c.json });
  return { res, text: await res.text() };
}

export async function send(url: string, c: FuzzCase, openid: string): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dev-now': NOON };
  if (c.asResident) headers['x-dev-openid'] = openid;
  let res: Response;
  let text: string;
  try {
    ({ res, text } = await post(url, c, headers));
  } catch {
    // A kept-alive socket the server closed a moment earlier resets the first try (a client-side
    // race, not an answer); the same body again on a fresh connection is the answer.
    try {
      ({ res, text } = await post(url, c, { ...headers, connection: 'close' }));
    } catch (e) {
      return { status: 0, code: 'NO_ANSWER', leak: e instanceof Error ? e.message : String(e) };
    }
  }
  let body: { ok?: boolean; error?: { code?: ErrorCode; message?: string; fields?: Record<string, string> } };
  try {
    body = JSON.parse(text);
  } catch {
    return { status: res.status, code: 'NOT_JSON', leak: text.slice(0, 200) };
  }
  if (body.ok) return { status: res.status, code: 'OK' };
  const said = [body.error?.message ?? '', ...Object.values(body.error?.fields ?? {})].join(' ');
  const m = LEAK.exec(said);
  return { status: res.status, code: body.error?.code ?? ('NOT_JSON' as const), ...(m ? { leak: said.slice(0, 300) } : {}) };
}

export interface FuzzReport {
  bodies: number;
  byCode: Record<string, number>;
  byAction: Record<string, Record<string, number>>;
  failures: Array<{ fn: string; action: string; json: string; outcome: Outcome }>;
  /** Each function's fuzz extras (named attacks on one action: bills.pay's billIds), by function. */
  extras: Record<string, unknown[]>;
}

/** Every function's every action, `runsPerAction` bodies each, with a fixed seed so a failure replays. */
export async function fuzzStack(url: string, owned: Owned, opts: { seed: number; runsPerAction: number; openid: string }): Promise<FuzzReport> {
  const report: FuzzReport = { bodies: 0, byCode: {}, byAction: {}, failures: [], extras: {} };
  const pool = valuePool(owned);
  const record = (c: { fn: string; action: string; json: string }, outcome: Outcome) => {
    report.bodies++;
    report.byCode[outcome.code] = (report.byCode[outcome.code] ?? 0) + 1;
    const key = `${c.fn}.${c.action}`;
    (report.byAction[key] ??= {})[outcome.code] = (report.byAction[key][outcome.code] ?? 0) + 1;
    if (outcome.code === 'INTERNAL' || outcome.code === 'NOT_JSON' || outcome.code === 'NO_ANSWER' || outcome.status >= 500 && outcome.code !== 'SERVICE_CLOSED' && outcome.code !== 'SERVICE_MAINTENANCE' && outcome.code !== 'DEPARTMENT_UNAVAILABLE' || outcome.leak) {
      report.failures.push({ fn: c.fn, action: c.action, json: c.json.slice(0, 500), outcome });
    }
  };
  let seed = opts.seed;
  for (const [fn, def] of Object.entries(FUNCTIONS)) {
    // Whole-body attacks first: not an object, 1 MB, broken JSON.
    for (const json of ['[]', 'null', '"x"', '42', '{"action":', '{"action":"__proto__"}', `{"action":"list","pad":"${ONE_MEGABYTE}"}`]) {
      record({ fn, action: '*', json }, await send(url, { fn, action: '*', json: json, asResident: true }, opts.openid));
    }
    for (const [action, schema] of Object.entries(def.schemas)) {
      const recipe = RECIPES[`${fn}.${action}`];
      const base = recipe ? recipe.body(owned) : undefined;
      const samples = fc.sample(caseArb(fn, action, schema, pool, base), { seed: seed++, numRuns: opts.runsPerAction });
      for (const c of samples) record(c, await send(url, c, opts.openid));
    }
  }
  // Each function's named attacks last: they make rows of their own (bills binds households), which the bodies above must not see.
  for (const f of DEV_FLOWS as unknown as ReadonlyArray<DevFlow<FunctionName, object>>) {
    if (!f.fuzz) continue;
    const extra: FuzzExtra = await f.fuzz(url, owned, opts.openid);
    report.extras[f.fn] = extra.outcomes;
    for (const x of extra.failures) report.failures.push({ fn: f.fn, action: x.action, json: '', outcome: { status: 0, code: 'OK', leak: x.problem } });
  }
  return report;
}
