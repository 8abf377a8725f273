// `npm run bench`: prints tables, asserts nothing.
//  1. bills.bill through the gateway vs the power grid sandbox directly, 50 concurrent callers;
//  2. department calls caused by 100 simultaneous identical lookups (cold cache);
//  3. cloud function bundles: size and cold require time in a fresh Node process.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openTestDatabase } from '@bianmin/server/db/testing/index';
import { startStack, type Stack } from '@bianmin/dev/stack';
import { RESIDENTS } from '@bianmin/dev/fixtures';

const ROOT = resolve(__dirname, '..');
const CONCURRENCY = 50;
const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);

interface Result {
  name: string;
  n: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
}

async function load(name: string, request: (i: number) => Promise<boolean>): Promise<Result> {
  // Warm up connections and caches so the numbers are steady-state.
  await Promise.all(Array.from({ length: CONCURRENCY }, (_x, i) => request(i)));
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_x, w) => {
      for (let i = w; Date.now() < end; i += CONCURRENCY) {
        const t0 = performance.now();
        const ok = await request(i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { name, n: latencies.length, errors, p50: q(0.5), p99: q(0.99), rps: latencies.length / secs };
}

function table(rows: string[][]) {
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [k, r] of rows.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

async function bindAll(stack: Stack) {
  const bound: Array<{ openid: string; bindingId: string; accountNo: string }> = [];
  for (const r of RESIDENTS) {
    for (const a of r.utilityAccounts.filter((x) => x.kind === 'electricity')) {
      const res = await fetch(`${stack.url}/api/bills`, {
        method: 'POST',
        headers: { 'x-dev-openid': r.openid, 'x-dev-now': '2026-03-10T12:00:00+08:00' },
        body: JSON.stringify({ action: 'bind', providerId: 'power', accountNo: a.accountNo, holderName: a.holderName }),
      });
      const body = (await res.json()) as { ok: boolean; data: { binding: { bindingId: string } } };
      if (!body.ok) throw new Error(`bind failed: ${JSON.stringify(body)}`);
      bound.push({ openid: r.openid, bindingId: body.data.binding.bindingId, accountNo: a.accountNo });
    }
  }
  return bound;
}

async function main() {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const database = await openTestDatabase(kind);
  const stack = await startStack({ port: 0, database, log: 'silent', reminderIntervalMs: 0, paymentsIntervalMs: 0 });
  try {
    const bound = await bindAll(stack);
    const power = stack.sandboxes.power;
    const headersFor = (b: (typeof bound)[number]) => ({ 'x-dev-openid': b.openid, 'x-dev-now': '2026-03-10T12:00:00+08:00' });
    const gateway = (i: number) => {
      const b = bound[i % bound.length];
      return fetch(`${stack.url}/api/bills`, { method: 'POST', headers: headersFor(b), body: JSON.stringify({ action: 'bill', bindingId: b.bindingId }) }).then(async (r) => r.ok && ((await r.json()) as { ok: boolean }).ok);
    };
    const direct = (i: number) => {
      const b = bound[i % bound.length];
      return fetch(`${power.url}/accounts/${b.accountNo}/bills?asOf=2026-03-10`, { headers: { 'x-api-key': power.apiKey } }).then(async (r) => (await r.arrayBuffer(), r.ok));
    };

    const results = [await load('power grid sandbox, direct (GET /accounts/:no/bills)', direct), await load('gateway → bills.bill (auth, validation, guard, DB, cache)', gateway)];
    console.log(`\nbills.bill at ${CONCURRENCY} concurrent callers, ${DURATION_MS / 1000} s each (${bound.length} households; department cache 30 s; ${kind}; gateway, sandboxes and load generator share one Node process)\n`);
    table([['path', 'requests', 'errors', 'p50 ms', 'p99 ms', 'req/s'], ...results.map((r) => [r.name, String(r.n), String(r.errors), r.p50.toFixed(2), r.p99.toFixed(2), r.rps.toFixed(0)])]);

    // Cold cache: a fresh stack whose power grid client has never seen the household.
    const coldDb = await openTestDatabase(kind);
    const cold = await startStack({ port: 0, database: coldDb, log: 'silent', reminderIntervalMs: 0, paymentsIntervalMs: 0 });
    try {
      const [b] = await bindAll(cold);
      const before = cold.sandboxes.power.hits;
      const t0 = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${cold.url}/api/bills`, { method: 'POST', headers: headersFor(b), body: JSON.stringify({ action: 'bill', bindingId: b.bindingId }) }).then((r) => r.json() as Promise<{ ok: boolean }>),
        ),
      );
      const ms = performance.now() - t0;
      console.log('\n100 simultaneous identical bills.bill lookups, cold cache\n');
      table([
        ['lookups', 'answered ok', 'power grid calls', 'wall ms'],
        ['100', String(answers.filter((a) => a.ok).length), String(cold.sandboxes.power.hits - before), ms.toFixed(0)],
      ]);
    } finally {
      await cold.stop();
      await coldDb.close();
    }
  } finally {
    await stack.stop();
    await database.close();
  }

  const fnRoot = join(ROOT, 'dist', 'cloudfunctions');
  if (existsSync(fnRoot)) {
    const rows = readdirSync(fnRoot)
      .filter((f) => existsSync(join(fnRoot, f, 'index.js')))
      .map((fn) => {
        const file = join(fnRoot, fn, 'index.js');
        const out = execFileSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], { env: { ...process.env, LOG_LEVEL: 'silent' } });
        return [fn, (statSync(file).size / 1024).toFixed(1), Number(out.toString().trim()).toFixed(1)];
      });
    console.log('\ncloud function bundles (dist/cloudfunctions; `npm run build:functions` first)\n');
    table([['function', 'index.js KB', 'cold require ms'], ...rows]);
  } else {
    console.log('\n(no dist/cloudfunctions: run `npm run build:functions` to include bundle sizes and load times)');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
