// `npm run bench`: prints one table of the performance figures (docs/performance.md), asserts nothing.
//
// Gateway, department sandboxes and this load generator run as separate processes (fork), so
// the gateway's CPU is its own (`process.cpuUsage` in the gateway process, read over IPC) and
// the sandboxes do not compete with it inside one event loop. Latency figures are medians of
// interleaved rounds (gateway and direct alternate), since the machine is shared.
//   1. gateway CPU ms per bills.bill, cache hit and uncached (PGlite; PostgreSQL when DATABASE_URL is set);
//   2. overhead over the department: 1 caller p50/p99, and at a fixed offered load (50% of capacity);
//   3. capacity (req/s, 50 callers, closed loop) and each call's latency there (p50/p99/max);
//   4. cold start per function bundle (dist/cloudfunctions), beside reference SDK requires;
//   5. services.list at 11 and 200 services; bundle sizes; weapp main package;
//   6. coalescing: 100 simultaneous identical cold lookups → department calls.
// BENCH_MS (default 4000) sets the length of each load phase; BENCH_PROFILE=<dir> writes CPU
// profiles of the gateway's measured windows there (cache hit at 50 callers, uncached, log at info).
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import type { GatewayConfig } from './bench/gateway';
import { closeAgent, request } from './bench/http';
import { median, quantile, table } from './bench/stats';

const ROOT = resolve(__dirname, '..');
const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);
const CAPACITY_CALLERS = 50;
const ROUNDS = 5;
const PER_ROUND = 200;
const NOW = '2026-03-10T12:00:00+08:00';
const AS_OF = '2026-03-10';

type Endpoints = GatewayConfig['external'];

function child(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<{ proc: ChildProcess; ready: Record<string, unknown> }> {
  const proc = fork(join(__dirname, 'bench', script), [], { execArgv: ['--import', 'tsx', ...execArgv], env: { ...process.env, ...env, NODE_OPTIONS: '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    proc.once('exit', (code) => fail(new Error(`${script} exited with ${code} before it was ready`)));
    proc.once('message', (m) => {
      proc.removeAllListeners('exit');
      ok({ proc, ready: m as Record<string, unknown> });
    });
  });
}

function ask<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((ok) => {
    const on = (m: { type: string } & T) => {
      if (m.type !== type) return;
      proc.off('message', on);
      ok(m);
    };
    proc.on('message', on);
    proc.send({ type });
  });
}

async function stop(proc: ChildProcess) {
  const exited = new Promise((ok) => proc.once('exit', ok));
  proc.send({ type: 'stop' });
  await exited;
}

interface Bound {
  openid: string;
  bindingId: string;
  accountNo: string;
}

/** Every demo household with an electricity account, bound through the gateway. */
async function bindAll(url: string): Promise<Bound[]> {
  const bound: Bound[] = [];
  for (const r of RESIDENTS) {
    for (const a of r.utilityAccounts.filter((x) => x.kind === 'electricity')) {
      const res = await request(`${url}/api/bills`, {
        method: 'POST',
        headers: { 'x-dev-openid': r.openid, 'x-dev-now': NOW },
        body: JSON.stringify({ action: 'bind', providerId: 'power', accountNo: a.accountNo, holderName: a.holderName }),
      });
      const body = JSON.parse(res.body) as { ok: boolean; data: { binding: { bindingId: string } } };
      if (!body.ok) throw new Error(`bind failed: ${res.body}`);
      bound.push({ openid: r.openid, bindingId: body.data.binding.bindingId, accountNo: a.accountNo });
    }
  }
  return bound;
}

type Call = (i: number) => Promise<boolean>;

function gatewayCall(url: string, bound: Bound[]): Call {
  return async (i) => {
    const b = bound[i % bound.length];
    const res = await request(`${url}/api/bills`, { method: 'POST', headers: { 'x-dev-openid': b.openid, 'x-dev-now': NOW }, body: JSON.stringify({ action: 'bill', bindingId: b.bindingId }) });
    return res.status === 200 && res.body.startsWith('{"ok":true');
  };
}

/** The same lookup bills.bill makes of the power grid (its bills list), straight to the sandbox. */
function directCall(power: { url: string; apiKey: string }, bound: Bound[]): Call {
  return async (i) => {
    const b = bound[i % bound.length];
    const res = await request(`${power.url}/accounts/${b.accountNo}/bills?asOf=${AS_OF}`, { headers: { 'x-api-key': power.apiKey } });
    return res.status === 200;
  };
}

async function sequential(call: Call, n: number, offset = 0): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const ok = await call(offset + i).catch(() => false);
    latencies.push(performance.now() - t0);
    if (!ok) errors++;
  }
  return { latencies, errors };
}

/** Closed loop: `callers` callers each sending the next request as soon as the last is answered. */
async function closedLoop(call: Call, callers: number, ms: number) {
  let n = 0;
  let errors = 0;
  const latencies: number[] = [];
  const end = performance.now() + ms;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_x, w) => {
      for (let i = w; performance.now() < end; i += callers) {
        const t = performance.now();
        if (!(await call(i).catch(() => false))) errors++;
        latencies.push(performance.now() - t);
        n++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: n / ((performance.now() - t0) / 1000), n, errors, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1] ?? NaN };
}

/** Open loop: requests started at a fixed rate whatever the answers do; latency from the scheduled start. */
async function openLoop(call: Call, rps: number, ms: number) {
  const count = Math.max(1, Math.floor((rps * ms) / 1000));
  const interval = 1000 / rps;
  const t0 = performance.now();
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const at = t0 + i * interval;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((ok) => setTimeout(ok, wait));
    pending.push(
      call(i)
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - at);
          if (!ok) errors++;
        }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors };
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

interface KindFigures {
  kind: string;
  cpuHit1: number;
  cpuHit50: number;
  cpuMiss1: number;
  cpuInfo1: number;
  gw1: { p50: number; p99: number };
  direct1: { p50: number; p99: number };
  capacity: number;
  /** Latency of each call in the 50-caller closed loop: what an event-loop stall does to a resident. */
  saturated: { p50: number; p99: number; max: number };
  directCapacity: number;
  offered: { rps: number; gw: { p50: number; p99: number }; direct: { p50: number; p99: number } };
  coalesce: { ok: number; calls: number; ms: number };
  errors: number;
}

/** The gateway's CPU over `run`, per request; with BENCH_PROFILE, a profile of that window as `<name>.cpuprofile`. */
async function cpuPerRequest(gw: ChildProcess, run: () => Promise<{ n: number }>, name?: string): Promise<number> {
  if (name && process.env.BENCH_PROFILE) gw.send({ type: 'prof-start' });
  const before = await ask<{ micros: number }>(gw, 'cpu');
  const { n } = await run();
  const after = await ask<{ micros: number }>(gw, 'cpu');
  if (name && process.env.BENCH_PROFILE) gw.send({ type: 'prof-stop', name });
  return (after.micros - before.micros) / 1000 / n;
}

async function startGateway(config: GatewayConfig, label: string) {
  const { proc, ready } = await child('gateway.ts', { BENCH_GATEWAY: JSON.stringify(config), TZ: 'UTC', ...(process.env.BENCH_PROFILE ? { BENCH_PROFILE: resolve(process.env.BENCH_PROFILE) } : {}) });
  return { proc, url: ready.url as string, label };
}

/** A database of the bench's own on the DATABASE_URL server (dropped at the end). */
async function createBenchDatabase(): Promise<string> {
  const { Client } = await import('pg');
  const name = `bianmin_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropBenchDatabase(databaseUrl: string) {
  const { Client } = await import('pg');
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function measureKind(kind: 'pglite' | 'postgres', external: Endpoints, sandboxes: ChildProcess, coldStart: (databaseUrl: string, bound: Bound[]) => Promise<void>): Promise<KindFigures> {
  const databaseUrl = kind === 'postgres' ? await createBenchDatabase() : undefined;
  const hit = await startGateway({ kind, cacheTtlMs: 30_000, logLevel: 'silent', external, databaseUrl }, `${kind}-hit`);
  let errors = 0;
  try {
    const all = await bindAll(hit.url);
    const coldOne = all[all.length - 1];
    const bound = all.slice(0, -1);
    const gw = gatewayCall(hit.url, bound);
    const direct = directCall(external.departments.power, bound);
    // Warm: every household's bills in the cache, sockets open, JIT warm.
    await Promise.all(Array.from({ length: CAPACITY_CALLERS }, (_x, i) => gw(i)));
    await sequential(gw, 300);
    await sequential(direct, 300);

    // 1 caller, interleaved rounds; the gateway's CPU measured over its own rounds.
    const gwLat: number[] = [];
    const directLat: number[] = [];
    let cpuMicros = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const before = await ask<{ micros: number }>(hit.proc, 'cpu');
      const g = await sequential(gw, PER_ROUND, r * PER_ROUND);
      const after = await ask<{ micros: number }>(hit.proc, 'cpu');
      cpuMicros += after.micros - before.micros;
      const d = await sequential(direct, PER_ROUND, r * PER_ROUND);
      gwLat.push(...g.latencies);
      directLat.push(...d.latencies);
      errors += g.errors + d.errors;
    }
    const cpuHit1 = cpuMicros / 1000 / (ROUNDS * PER_ROUND);
    gwLat.sort((a, b) => a - b);
    directLat.sort((a, b) => a - b);

    // Capacity, 50 callers, closed loop (gateway CPU per request at saturation too).
    let capacity = 0;
    let saturated = { p50: NaN, p99: NaN, max: NaN };
    const cpuHit50 = await cpuPerRequest(
      hit.proc,
      async () => {
        const c = await closedLoop(gw, CAPACITY_CALLERS, DURATION_MS);
        capacity = c.rps;
        saturated = { p50: c.p50, p99: c.p99, max: c.max };
        errors += c.errors;
        return c;
      },
      `${kind}-hit-50`,
    );
    const dc = await closedLoop(direct, CAPACITY_CALLERS, DURATION_MS / 2);
    errors += dc.errors;

    // A fixed offered load below saturation: half the capacity just measured, to both.
    const rps = Math.max(1, Math.round(capacity / 2));
    const og = await openLoop(gw, rps, DURATION_MS);
    const od = await openLoop(direct, rps, DURATION_MS);
    errors += og.errors + od.errors;

    // 100 simultaneous identical lookups of a household nobody has looked up yet.
    const beforeHits = (await ask<{ power: number }>(sandboxes, 'hits')).power;
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: 100 }, () => gatewayCall(hit.url, [coldOne])(0)));
    const coalesce = { ok: answers.filter(Boolean).length, calls: (await ask<{ power: number }>(sandboxes, 'hits')).power - beforeHits, ms: performance.now() - t0 };

    if (databaseUrl) await coldStart(databaseUrl, all);
    await stop(hit.proc);
    if (databaseUrl) await dropBenchDatabase(databaseUrl);

    // Uncached: every bills.bill reaches the department.
    const miss = await startGateway({ kind, cacheTtlMs: 0, logLevel: 'silent', external }, `${kind}-miss`);
    const missBound = await bindAll(miss.url);
    const missCall = gatewayCall(miss.url, missBound);
    await sequential(missCall, 300);
    const cpuMiss1 = await cpuPerRequest(miss.proc, async () => {
      const s = await sequential(missCall, ROUNDS * PER_ROUND);
      errors += s.errors;
      return { n: ROUNDS * PER_ROUND };
    }, `${kind}-miss-1`);
    await stop(miss.proc);

    // Cache hit with the log at `info` (to /dev/null): what logging costs on the hot path.
    const info = await startGateway({ kind, cacheTtlMs: 30_000, logLevel: 'info', external }, `${kind}-info`);
    const infoBound = await bindAll(info.url);
    const infoCall = gatewayCall(info.url, infoBound);
    await sequential(infoCall, 300);
    const cpuInfo1 = await cpuPerRequest(info.proc, async () => {
      const s = await sequential(infoCall, ROUNDS * PER_ROUND);
      errors += s.errors;
      return { n: ROUNDS * PER_ROUND };
    }, `${kind}-info-1`);
    await stop(info.proc);

    return {
      kind,
      cpuHit1,
      cpuHit50,
      cpuMiss1,
      cpuInfo1,
      gw1: { p50: quantile(gwLat, 0.5), p99: quantile(gwLat, 0.99) },
      direct1: { p50: quantile(directLat, 0.5), p99: quantile(directLat, 0.99) },
      capacity,
      saturated,
      directCapacity: dc.rps,
      offered: { rps, gw: og, direct: od },
      coalesce,
      errors,
    };
  } catch (e) {
    hit.proc.kill();
    throw e;
  }
}

interface ColdRow {
  name: string;
  requireMs: number;
  firstMs?: number;
  note?: string;
}

function coldRun(args: string[], env: Record<string, string | undefined>): { requireMs: number; firstMs?: number; ok?: boolean; code?: string } {
  const out = execFileSync(process.execPath, [join(__dirname, 'bench', 'cold.cjs'), ...args], { env: env as NodeJS.ProcessEnv, cwd: ROOT, maxBuffer: 16 << 20 }).toString();
  const line = out.trim().split('\n').reverse().find((l) => l.includes('"requireMs"'));
  return JSON.parse(line!);
}

const FN_ROOT = join(ROOT, 'dist', 'cloudfunctions');
const REFERENCES = [
  { name: 'tencentcloud-sdk-nodejs (root)', id: 'tencentcloud-sdk-nodejs' },
  { name: 'wx-server-sdk', id: 'wx-server-sdk' },
  { name: 'tencentcloud …/services/faceid', id: 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid' },
];

/** Fresh-process requires, interleaved over rounds (every target once per round), medians. */
function coldStarts(firstCall?: { env: Record<string, string>; event: unknown }): ColdRow[] {
  const fns = existsSync(FN_ROOT) ? readdirSync(FN_ROOT).filter((f) => existsSync(join(FN_ROOT, f, 'index.js'))) : [];
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', LOG_LEVEL: 'silent' };
  const samples = new Map<string, { req: number[]; first: number[]; note?: string }>();
  const add = (k: string, req: number, first?: number, note?: string) => {
    const s = samples.get(k) ?? { req: [], first: [] };
    s.req.push(req);
    if (first !== undefined) s.first.push(first);
    if (note) s.note = note;
    samples.set(k, s);
  };
  for (let r = 0; r < 3; r++) {
    for (const ref of REFERENCES) add(ref.name, coldRun(['require', ref.id], baseEnv).requireMs);
    for (const fn of fns) add(fn, coldRun(['require', join(FN_ROOT, fn, 'index.js')], baseEnv).requireMs);
    if (fns.includes('bills')) {
      if (firstCall) {
        const res = coldRun(['first', join(FN_ROOT, 'bills', 'index.js'), JSON.stringify(firstCall.event)], { ...baseEnv, LOG_LEVEL: 'info', ...firstCall.env });
        add('bills: require + first bills.bill', res.requireMs, res.firstMs, res.ok ? 'answered ok (PostgreSQL, power sandbox)' : `answered ${res.code}`);
      }
    }
  }
  return [...samples].map(([name, s]) => ({ name, requireMs: median(s.req), firstMs: s.first.length ? median(s.first) : undefined, note: s.note }));
}

function bundleSizes(): string[][] {
  if (!existsSync(FN_ROOT)) return [];
  return readdirSync(FN_ROOT)
    .filter((f) => existsSync(join(FN_ROOT, f, 'index.js')))
    .map((fn) => {
      const buf = readFileSync(join(FN_ROOT, fn, 'index.js'));
      return [fn, (buf.length / 1024).toFixed(1), (gzipSync(buf).length / 1024).toFixed(1)];
    });
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function weappMainPackageKB(): number | undefined {
  const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string };
  const weapp = join(ROOT, project.miniprogramRoot);
  if (!existsSync(join(weapp, 'app.json'))) return undefined;
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => join(weapp, s.root));
  const main = files(weapp).filter((f) => !subRoots.some((r) => f.startsWith(r + '/')) && !f.endsWith('.map'));
  return main.reduce((n, f) => n + statSync(f).size, 0) / 1024;
}

function servicesList(): { n: number; engineMs: number; coldMs: number; listMs?: number }[] {
  const runs: Record<number, Array<{ engineMs: number; coldMs: number; listMs?: number }>> = { 11: [], 200: [] };
  for (let r = 0; r < 3; r++) {
    for (const n of [11, 200]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'bench', 'services-list.ts'), String(n)], { env: { ...process.env, TZ: 'UTC', NODE_OPTIONS: '' }, cwd: ROOT }).toString();
      runs[n].push(JSON.parse(out.trim().split('\n').pop()!));
    }
  }
  return [11, 200].map((n) => ({
    n,
    engineMs: median(runs[n].map((x) => x.engineMs)),
    coldMs: median(runs[n].map((x) => x.coldMs)),
    listMs: runs[n][0].listMs === undefined ? undefined : median(runs[n].map((x) => x.listMs!)),
  }));
}

async function main() {
  const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const sb = await child('sandboxes.ts', { TZ: 'UTC' });
  const external = { departments: sb.ready.departments, pay: sb.ready.pay } as Endpoints;
  const figures: KindFigures[] = [];
  let cold: ColdRow[] | undefined;
  try {
    for (const kind of kinds) {
      figures.push(
        await measureKind(kind, external, sb.proc, async (databaseUrl, bound) => {
          // As deployed: the bundle, PostgreSQL, the department from DEPT_* and the caller from WX_*.
          const r = RESIDENTS.find((x) => x.openid === bound[0].openid)!;
          const env: Record<string, string> = {
            DATABASE_URL: databaseUrl,
            WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
            WX_OPENID: r.openid,
            WX_APPID: 'wx_bench_app',
            TCB_SOURCE: 'wx_client',
            TCB_ENV: 'bench-env',
          };
          for (const [id, e] of Object.entries(external.departments)) {
            env[`DEPT_${id.toUpperCase()}_URL`] = e.url;
            env[`DEPT_${id.toUpperCase()}_KEY`] = e.apiKey;
          }
          cold = coldStarts({ env, event: { action: 'bill', bindingId: bound[0].bindingId } });
        }),
      );
    }
  } finally {
    await stop(sb.proc);
    closeAgent();
  }
  cold ??= coldStarts();
  const lists = servicesList();
  const bundles = bundleSizes();
  const weapp = weappMainPackageKB();

  const rows: string[][] = [['figure', ...figures.map((f) => f.kind)]];
  const row = (name: string, fn: (f: KindFigures) => string) => rows.push([name, ...figures.map(fn)]);
  row('1. gateway CPU ms/req, cache-hit bills.bill, 1 caller', (f) => f2(f.cpuHit1));
  row('1. gateway CPU ms/req, cache-hit bills.bill, 50 callers', (f) => f2(f.cpuHit50));
  row('1. gateway CPU ms/req, uncached bills.bill, 1 caller', (f) => f2(f.cpuMiss1));
  row('1. gateway CPU ms/req, cache-hit, log at info (pino → /dev/null)', (f) => `${f2(f.cpuInfo1)} (+${f2(f.cpuInfo1 - f.cpuHit1)})`);
  row('2. 1 caller p50 ms: gateway / direct / overhead', (f) => `${f2(f.gw1.p50)} / ${f2(f.direct1.p50)} / +${f2(f.gw1.p50 - f.direct1.p50)}`);
  row('2. 1 caller p99 ms: gateway / direct / overhead', (f) => `${f2(f.gw1.p99)} / ${f2(f.direct1.p99)} / +${f2(f.gw1.p99 - f.direct1.p99)}`);
  row('2. offered load (req/s, 50% of capacity)', (f) => String(f.offered.rps));
  row('2.   p50 ms: gateway / direct / overhead', (f) => `${f2(f.offered.gw.p50)} / ${f2(f.offered.direct.p50)} / +${f2(f.offered.gw.p50 - f.offered.direct.p50)}`);
  row('2.   p99 ms: gateway / direct / overhead', (f) => `${f2(f.offered.gw.p99)} / ${f2(f.offered.direct.p99)} / +${f2(f.offered.gw.p99 - f.offered.direct.p99)}`);
  row('3. capacity req/s, 50 callers: gateway (direct)', (f) => `${f.capacity.toFixed(0)} (${f.directCapacity.toFixed(0)})`);
  row('3. 50 callers (closed loop) p50 / p99 / max ms', (f) => `${f1(f.saturated.p50)} / ${f1(f.saturated.p99)} / ${f1(f.saturated.max)}`);
  row('6. 100 identical cold lookups: ok / department calls / wall ms', (f) => `${f.coalesce.ok} / ${f.coalesce.calls} / ${f.coalesce.ms.toFixed(0)}`);
  row('   failed requests during the run', (f) => String(f.errors));

  const root = cold.find((c) => c.name === REFERENCES[0].name)?.requireMs ?? NaN;
  const ratio = (ms: number | undefined) => (ms === undefined ? '' : `${f1(ms)} ms (${(ms / root).toFixed(2)}×)`);
  const coldRows = [['4. cold start, fresh process (× tencentcloud root)', 'require', 'require + first call', 'note'], ...cold.map((c) => [c.name, ratio(c.requireMs), ratio(c.firstMs), c.note ?? ''])];
  const listRows = [
    ['5. services.list', 'engine ms, clock moving on (median)', 'engine ms, instants days apart', 'listServices ms'],
    ...lists.map((l) => [`${l.n} services`, f2(l.engineMs), f2(l.coldMs), l.listMs === undefined ? '' : f2(l.listMs)]),
  ];
  const sizeRows = [['5. function bundle', 'index.js KB', 'gzip KB'], ...bundles];

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nnpm run bench — ${new Date().toISOString()} — ${cpus().length} cores, ${cpu}, node ${process.version}; load phases ${DURATION_MS / 1000} s; ${ROUNDS}×${PER_ROUND} sequential calls per 1-caller figure\n`);
  console.log(table(rows));
  console.log('');
  console.log(table(coldRows));
  console.log('');
  console.log(table(listRows));
  console.log('');
  console.log(table(sizeRows));
  console.log(`\n5. weapp main package: ${weapp === undefined ? '(no weapp build: npm run build:weapp)' : `${weapp.toFixed(1)} KB`}`);
  if (!existsSync(FN_ROOT)) console.log('(no dist/cloudfunctions: run `npm run build:functions` for bundle sizes and cold starts)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
