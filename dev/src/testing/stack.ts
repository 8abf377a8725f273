import { openTestDatabase, type StoreKind } from '@bianmin/server/db/testing/index';
import type { Envelope } from '@bianmin/core';
import { RESIDENTS } from '../fixtures';
import { type Stack, type StackOptions, startStack } from '../stack';

export const ZHANG = RESIDENTS[0];
export const LI = RESIDENTS[1];
export const WANG = RESIDENTS[2];
export const CHEN = RESIDENTS[3];

export interface TestStack extends Stack {
  /** POST /api/<fn> over real HTTP as `openid` (or nobody) at `now` (or the real clock). */
  call<T = unknown>(fn: string, body: unknown, opts?: { openid?: string | null; now?: string }): Promise<{ status: number; body: Envelope<T> }>;
}

/** A whole local stack on a free port, on a private copy of the test database. */
export async function startTestStack(kind: StoreKind = 'pglite', opts: Partial<StackOptions> = {}): Promise<TestStack> {
  const ownsDatabase = !opts.database;
  const database = opts.database ?? (await openTestDatabase(kind));
  const stack = await startStack({ port: 0, database, log: 'silent', loops: false, postAfterPayment: false, overridesTtlMs: 0, probeIntervalMs: 0, departmentCacheTtlMs: 0, departmentTimeoutMs: 1000, ...opts });
  return {
    ...stack,
    stop: async () => {
      await stack.stop();
      if (ownsDatabase) await database.close();
    },
    async call(fn, body, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const openid = opts.openid === undefined ? ZHANG.openid : opts.openid;
      if (openid) headers['x-dev-openid'] = openid;
      if (opts.now) headers['x-dev-now'] = opts.now;
      const res = await fetch(`${stack.url}/api/${fn}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
  };
}
