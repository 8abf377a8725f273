// `npm run fuzz`: the attack suite's fuzzing, long. The same generators as the bounded run in
// `npm test` (dev/src/attack/fuzz.test.ts), with many more bodies per action. Prints bodies and
// outcomes by code, per action, and exits non-zero on any INTERNAL, 5xx of our own, stack trace
// or SQL in an answer, or a stack that stops answering.
//   FUZZ_RUNS (default 700 per action), FUZZ_SEED (default: the time), DATABASE_URL (PostgreSQL; else PGlite)
import { openTestDatabase } from '@bianmin/server/db/testing/index';
import { startStack } from '@bianmin/dev/stack';
import { ZHANG, type TestStack } from '@bianmin/dev/testing/stack';
import { fuzzStack } from '@bianmin/dev/attack/fuzz';
import { seedFirstResident } from '@bianmin/dev/flows/index';

const runs = Number(process.env.FUZZ_RUNS ?? 700);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

async function main() {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const database = await openTestDatabase(kind);
  const stack = await startStack({ port: 0, database, log: 'silent', loops: { ticketsWorker: 10_000 }, probeIntervalMs: 0, departmentCacheTtlMs: 0, departmentTimeoutMs: 1000 });
  const call: TestStack['call'] = async (fn, body, opts = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const openid = opts.openid === undefined ? ZHANG.openid : opts.openid;
    if (openid) headers['x-dev-openid'] = openid;
    if (opts.now) headers['x-dev-now'] = opts.now;
    const res = await fetch(`${stack.url}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };
  const t0 = Date.now();
  try {
    const owned = await seedFirstResident({ ...stack, call });
    const report = await fuzzStack(stack.url, owned, { seed, runsPerAction: runs, openid: ZHANG.openid });
    const health = await call('services', { action: 'list' });
    const codes = [...new Set(Object.values(report.byAction).flatMap((c) => Object.keys(c)))].sort();
    const rows = [['action', 'bodies', ...codes], ...Object.entries(report.byAction).map(([a, c]) => [a, String(Object.values(c).reduce((s, n) => s + n, 0)), ...codes.map((k) => String(c[k] ?? 0))])];
    rows.push(['total', String(report.bodies), ...codes.map((k) => String(report.byCode[k] ?? 0))]);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log(`\nfuzz: ${kind}, seed ${seed}, ${runs} bodies per action, ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    for (const [i, r] of rows.entries()) {
      console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
      if (i === 0 || i === rows.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    console.log(`\nfailures: ${report.failures.length}; stack up afterwards: ${health.status === 200 ? 'yes' : `NO (${health.status})`}`);
    for (const f of report.failures.slice(0, 20)) console.log(JSON.stringify(f));
    process.exitCode = report.failures.length === 0 && health.status === 200 ? 0 : 1;
  } finally {
    await stack.stop();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
