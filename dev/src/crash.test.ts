import type { BillResult, BindingView, DepartmentId, OrderView, PayResult } from '@bianmin/core';
import { DEPARTMENTS, PROVIDER_IDS, systemClock } from '@bianmin/core';
import { STORE_KINDS, type StoreKind } from '@bianmin/server/db/testing/index';
import { ensureTemplate } from '@bianmin/server/db/testing/template';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RESIDENTS } from './fixtures';
import { DEPARTMENT_SANDBOXES } from './sandboxes/index';
import { createHotlinePlatform } from './sandboxes/hotline';
import { type Route, type RunningSandbox, startSandbox } from './sandboxes/http';
import { type NontaxSandbox, startNontaxSandbox } from './sandboxes/nontax';
import { type PaySandbox, startPaySandbox } from './sandboxes/pay';
import type { PostingsReport } from './sandboxes/utility';

/**
 * kill -9 at the money path's crash points, on PGlite (on disk) and PostgreSQL. The stack runs in
 * a child process; WeChat Pay and the departments run here, so they outlive the kill as the real
 * ones would. After each kill the stack restarts on the same database, the jobs are driven with
 * the dev clock, and every order must end where it should with the department holding each
 * posting exactly once and each payment recorded once.
 */
const ROOT = resolve(__dirname, '../..');
let CHILD: string;

/**
 * The child is bundled once (esbuild, as the functions are): loading TypeScript through tsx on
 * every restart cost ~7 s a start on a loaded 2-core machine. The bundle sits under .data/ with
 * the migrations and the PGlite worker script beside it, where the database code looks for them.
 */
beforeAll(async () => {
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.data', 'crash-child-'));
  CHILD = join(dir, 'index.js');
  await build({
    entryPoints: [join(__dirname, 'testing/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@electric-sql/pglite', 'pg-native'],
    outfile: CHILD,
    logLevel: 'warning',
  });
  cpSync(join(ROOT, 'server/src/db/migrations'), join(dir, 'migrations'), { recursive: true });
  // PGlite runs in a worker thread whose script is looked for next to the code, as the migrations are.
  cpSync(join(ROOT, 'server/src/db/pglite-worker.cjs'), join(dir, 'pglite-worker.cjs'));
}, 60_000);

afterAll(() => {
  if (CHILD) rmSync(resolve(CHILD, '..'), { recursive: true, force: true });
});
const LI = RESIDENTS[1];
const at = (hhmm: string) => `2026-03-10T${hhmm}:00+08:00`;

interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<void>;
  /** Everything the child printed so far. */
  out(): string;
}

/** Department sandboxes whose posting route can run a hook after booking, before it answers. */
async function startDepartments(onBooked: { hook?: (department: string, orderId: string) => Promise<void> }) {
  const withHook = (id: string, routes: Route[]): Route[] =>
    routes.map((r) =>
      r.method === 'POST' && r.path === '/payments'
        ? {
            ...r,
            handle: async (req) => {
              const reply = await r.handle(req);
              const body = reply.body as { orderId?: string; duplicate?: boolean };
              if (reply.status === 200 && body.duplicate === false) await onBooked.hook?.(id, body.orderId!);
              return reply;
            },
          }
        : r,
    );
  // Every department's own sandbox, its posting route (those that take payments) hooked.
  const hotline = createHotlinePlatform();
  const routesFor = (id: DepartmentId): Route[] => withHook(id, DEPARTMENT_SANDBOXES[id]({ residents: RESIDENTS, hotline, clock: systemClock }).routes);
  const ids = Object.keys(DEPARTMENTS) as DepartmentId[];
  const started = await Promise.all(ids.map((id) => startSandbox({ id, apiKey: `sk_${id}_${randomBytes(8).toString('hex')}`, routes: routesFor(id) })));
  return Object.fromEntries(started.map((s) => [s.id, s])) as Record<DepartmentId, RunningSandbox>;
}

describe.each(STORE_KINDS)('kill -9 on the money path, on %s', (kind: StoreKind) => {
  let departments: Record<DepartmentId, RunningSandbox>;
  let pay: PaySandbox;
  let nontax: NontaxSandbox;
  const onBooked: { hook?: (department: string, orderId: string) => Promise<void> } = {};
  let dataDir: string | undefined;
  let searchPath: string | undefined;
  let child: Child | undefined;

  beforeAll(async () => {
    departments = await startDepartments(onBooked);
    pay = await startPaySandbox();
    nontax = await startNontaxSandbox();
    if (kind === 'pglite') {
      dataDir = mkdtempSync(join(tmpdir(), 'bianmin-crash-'));
      cpSync(await ensureTemplate(), dataDir, { recursive: true });
    } else {
      searchPath = `t_crash_${randomBytes(5).toString('hex')}`;
    }
  });

  afterAll(async () => {
    if (child) await stopChild(child);
    await Promise.all([...Object.values(departments ?? {}).map((d) => d.stop()), pay?.stop(), nontax?.stop()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (searchPath) {
      const { Pool } = await import('pg');
      const admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
      await admin.query(`DROP SCHEMA IF EXISTS ${searchPath} CASCADE`);
      await admin.end();
    }
  });

  async function startChild(): Promise<Child> {
    const config = {
      dataDir,
      databaseUrl: kind === 'postgres' ? process.env.DATABASE_URL : undefined,
      searchPath,
      external: {
        departments: Object.fromEntries(Object.values(departments).map((d) => [d.id, { url: d.url, apiKey: d.apiKey }])),
        pay: { url: pay.url, apiKey: pay.apiKey },
        nontax: { url: nontax.url, apiKey: nontax.apiKey, notifyKey: nontax.notifyKey },
      },
    };
    const proc = spawn(process.execPath, [CHILD], { cwd: ROOT, env: { ...process.env, BIANMIN_CRASH_CHILD: JSON.stringify(config), NODE_OPTIONS: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
    let err = '';
    proc.stderr!.on('data', (c) => (err += String(c)));
    let out = '';
    const url = await new Promise<string>((ok, fail) => {
      proc.stdout!.on('data', (c) => {
        out += String(c);
        const m = /READY (\S+)/.exec(out);
        if (m) ok(m[1]);
      });
      void exited.then(() => fail(new Error(`child exited before serving: ${err}`)));
    });
    pay.setNotifyUrl(`${url}/api/__dev/wxpay/notify`);
    nontax.setNotifyUrl(`${url}/api/__dev/nontax/notify`);
    return { proc, url, exited, out: () => out };
  }

  /** What the money tables hold, as the child reads them on its database. */
  async function audit(c: Child): Promise<{ payments: Array<{ order_id: string; n: number }>; refunds: Array<{ n: number }>; outboxOpen: Array<{ n: number }> }> {
    c.proc.stdin!.write('AUDIT\n');
    for (;;) {
      const m = /AUDIT (\{.*\})\n/.exec(c.out());
      if (m) return JSON.parse(m[1]);
      await new Promise<void>((ok) => c.proc.stdout!.once('data', () => ok()));
    }
  }

  async function kill9(c: Child) {
    c.proc.kill('SIGKILL');
    await c.exited;
  }

  async function stopChild(c: Child) {
    c.proc.kill('SIGTERM');
    await c.exited;
  }

  const call = async <T>(fn: string, body: unknown, now: string): Promise<T> => {
    const res = await fetch(`${child!.url}/api/${fn}`, { method: 'POST', headers: { 'x-dev-openid': LI.openid, 'x-dev-now': now }, body: JSON.stringify(body) });
    const env = (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
    if (!env.ok) throw new Error(`${env.error!.code}: ${env.error!.message}`);
    return env.data;
  };
  const job = async (name: string, now: string) => (await (await fetch(`${child!.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': now } })).json()) as { data: Record<string, number> };
  const order = async (orderId: string) => (await call<{ order: { order: OrderView } }>('payments', { action: 'order', orderId }, at('13:00'))).order.order;
  const postings = async (d: RunningSandbox) => (await (await fetch(`${d.url}/postings`, { headers: { 'x-api-key': d.apiKey } })).json()) as PostingsReport;

  /** Li's unpaid bills, newest first, on her own three utility accounts. */
  async function placeOrders(now: string, n: number, key: string): Promise<OrderView[]> {
    const out: OrderView[] = [];
    const bindings = (await call<{ bindings: BindingView[] }>('bills', { action: 'bindings' }, now)).bindings;
    for (const b of bindings) {
      const owed = (await call<BillResult>('bills', { action: 'bill', bindingId: b.bindingId }, now)).arrears.bills.filter((x) => x.status === 'unpaid');
      for (const bill of owed) {
        if (out.length === n) return out;
        out.push((await call<PayResult>('bills', { action: 'pay', bindingId: b.bindingId, billId: bill.billId, idempotencyKey: `${key}-${out.length}-000` }, now)).order);
      }
    }
    return out;
  }

  it('loses nothing and doubles nothing across kills between pay and callback, between callback and posting, and mid outbox run', async () => {
    child = await startChild();
    for (const a of LI.utilityAccounts) await call('bills', { action: 'bind', providerId: a.providerId, accountNo: a.accountNo, holderName: a.holderName }, at('12:00'));

    // 1 and 2 in one kill. Order b's payment is acknowledged (between callback and posting); then
    // WeChat Pay takes order a's money and the stack dies as a's notification is sent (between pay
    // and callback).
    const [a, b] = await placeOrders(at('12:00'), 2, 'crash-ab');
    expect((await pay.pay(b.orderId, new Date(at('12:04')))).answer).toEqual({ errcode: 0, errmsg: 'OK' });
    const dying = child;
    pay.beforeDeliver = async () => {
      pay.beforeDeliver = undefined;
      await kill9(dying);
    };
    expect((await pay.pay(a.orderId, new Date(at('12:05')))).answer.errcode).not.toBe(0);
    expect(pay.pending).toHaveLength(1);
    child = await startChild();
    expect((await order(b.orderId)).status).toBe('paid');
    expect((await order(a.orderId)).status).toBe('pending');
    // a expired meanwhile: the expiry job asks WeChat Pay and books the payment instead of closing the order.
    expect((await job('expire', at('12:31'))).data).toMatchObject({ booked: 1, closed: 0 });
    expect(await order(a.orderId)).toMatchObject({ status: 'paid', paidAt: at('12:05') });
    // WeChat's retry arrives afterwards: a repeat, acknowledged.
    expect(await pay.deliverPending(new Date(at('12:32')))).toEqual([{ errcode: 0, errmsg: 'OK' }]);
    expect((await job('outbox', at('12:33'))).data).toMatchObject({ settled: 2, retrying: 0, failed: 0 });

    // 3. Mid outbox run: three paid orders; the stack dies right after a department booked the second
    // posting, before our side could record it.
    const three = await placeOrders(at('12:36'), 3, 'crash-c');
    expect(three).toHaveLength(3);
    for (const o of three) expect((await pay.pay(o.orderId, new Date(at('12:37')))).answer).toEqual({ errcode: 0, errmsg: 'OK' });
    let booked = 0;
    const dyingToo = child;
    onBooked.hook = async () => {
      if (++booked === 2) {
        onBooked.hook = undefined;
        await kill9(dyingToo);
      }
    };
    await expect(job('outbox', at('12:38'))).rejects.toThrow();
    child = await startChild();
    // Past the lease of the dead run's claim: everything still owed is posted, the booked one answered as a duplicate.
    expect((await job('outbox', at('12:40'))).data).toMatchObject({ settled: 2, retrying: 0, failed: 0 });
    expect((await job('outbox', at('12:45'))).data).toMatchObject({ settled: 0, retrying: 0, failed: 0 });

    // Every order settled; each department holds each posting once; each payment recorded once; nothing refunded.
    const all = [a, b, ...three];
    for (const o of all) expect(await order(o.orderId)).toMatchObject({ status: 'settled', departmentRef: expect.any(String) });
    const counts: PostingsReport['counts'] = {};
    for (const id of PROVIDER_IDS) Object.assign(counts, (await postings(departments[id])).counts);
    for (const o of all) expect(counts[o.orderId]?.booked).toBe(1);
    expect(Object.values(counts).reduce((s, c) => s + c.booked, 0)).toBe(all.length);
    // The posting the dead run left unrecorded was received twice and booked once.
    expect(Object.values(counts).filter((c) => c.received === 2)).toHaveLength(1);

    const held = await audit(child);
    expect(held.payments).toEqual(all.map((o) => ({ order_id: o.orderId, n: 1 })).sort((x, y) => x.order_id.localeCompare(y.order_id)));
    expect(held.refunds).toEqual([{ n: 0 }]);
    expect(held.outboxOpen).toEqual([{ n: 0 }]);
  }, 240_000); // three PGlite cold opens on disk: ~30 s on a quiet machine, past 60 s at load 20 on 2 cores

  it('loses nothing and doubles nothing for a fine on 非税: killed as 非税 notifies, after booking, and mid posting', async () => {
    const zhang = RESIDENTS[0];
    const car = zhang.vehicles[0];
    const as = async <T>(fn: string, body: unknown, now: string): Promise<T> => {
      const res = await fetch(`${child!.url}/api/${fn}`, { method: 'POST', headers: { 'x-dev-openid': zhang.openid, 'x-dev-now': now }, body: JSON.stringify(body) });
      const env = (await res.json()) as { ok: boolean; data: T; error?: { code: string; message: string } };
      if (!env.ok) throw new Error(`${env.error!.code}: ${env.error!.message}`);
      return env.data;
    };
    if (!child || child.proc.exitCode !== null) child = await startChild();
    const { vehicle } = await as<{ vehicle: { vehicleId: string } }>('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, at('14:00'));
    const { order } = await as<{ order: { orderId: string; amount: number } }>('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000001', idempotencyKey: 'crash-nontax-fine-01' }, at('14:00'));

    // 非税 takes the money and the stack dies as the notification goes out.
    const dying = child;
    nontax.beforeDeliver = async () => {
      nontax.beforeDeliver = undefined;
      await kill9(dying);
    };
    expect((await nontax.pay(order.orderId, new Date(at('14:04')))).status).toBe(502);
    child = await startChild();
    expect(await nontax.deliverPending(new Date(at('14:05')))).toEqual([{ errcode: 0, errmsg: 'ok' }]);
    // Booked, not posted: killed before the outbox runs.
    await kill9(child);
    child = await startChild();
    // Killed mid outbox run, after the traffic police booked it and before we wrote it down.
    onBooked.hook = async (department) => {
      if (department !== 'traffic') return;
      onBooked.hook = undefined;
      await kill9(child!);
    };
    await job('outbox', at('14:10')).catch(() => undefined);
    child = await startChild();
    expect((await job('outbox', at('14:12'))).data).toMatchObject({ settled: 1 });
    // 非税 repeats its notification: acknowledged, nothing booked again.
    await nontax.pay(order.orderId, new Date(at('14:04')));
    const fine = (await as<{ order: { order: { status: string } } }>('payments', { action: 'order', orderId: order.orderId }, at('14:13'))).order.order;
    expect(fine.status).toBe('settled');
    const booked = (await (await fetch(`${departments.traffic.url}/postings`, { headers: { 'x-api-key': departments.traffic.apiKey } })).json()) as { counts: Record<string, { booked: number }> };
    expect(booked.counts[order.orderId]?.booked).toBe(1);
    const held = await audit(child);
    expect(held.payments.filter((p) => p.order_id === order.orderId)).toEqual([{ order_id: order.orderId, n: 1 }]);
    expect(held.outboxOpen).toEqual([{ n: 0 }]);
  }, 240_000);
});
