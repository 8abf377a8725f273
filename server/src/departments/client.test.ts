import { AppError } from '@bianmin/core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { silentLogger } from '../log';
import { createDepartmentClient, DepartmentRejection, routeOf } from './client';

/** A department on loopback whose behaviour each test scripts. */
let server: Server;
let url: string;
let hits = 0;
let behave: (path: string) => { status: number; body: string; delayMs?: number } | 'hangup';

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.headers['x-api-key'] !== 'k-secret-1') {
      res.writeHead(401).end('{"code":"AUTH"}');
      return;
    }
    const b = behave(req.url ?? '/');
    if (b === 'hangup') return void req.socket.destroy();
    setTimeout(() => res.writeHead(b.status, { 'content-type': 'application/json' }).end(b.body), b.delayMs ?? 0);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok()))));
beforeEach(() => {
  hits = 0;
});

const account = z.object({ accountNo: z.string(), amount: z.number().int() });
let clock = 1_000_000;
const client = (extra: Partial<Parameters<typeof createDepartmentClient>[0]> = {}) =>
  createDepartmentClient({ id: 'power', baseUrl: url, apiKey: 'k-secret-1', timeoutMs: 1500, log: silentLogger, now: () => clock, ...extra });

describe('the department client', () => {
  it('coalesces 100 simultaneous identical lookups into one department call', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":100}', delayMs: 30 });
    const c = client();
    const all = await Promise.all(Array.from({ length: 100 }, () => c.read('/accounts/1', account)));
    expect(hits).toBe(1);
    expect(all.every((r) => r.data.amount === 100 && !r.stale)).toBe(true);
  });

  it('serves a repeat lookup from the short cache, and asks again once it has expired', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":100}' });
    const c = client({ cacheTtlMs: 1000 });
    await c.read('/accounts/1', account);
    await c.read('/accounts/1', account);
    expect(hits).toBe(1);
    clock += 1001;
    await c.read('/accounts/1', account);
    expect(hits).toBe(2);
    await c.read('/accounts/1', account, { cache: false });
    expect(hits).toBe(3);
  });

  it('after our own write, the reads it changed show it at once: the cached answer is dropped, other reads stay cached', async () => {
    let amount = 100;
    behave = (path) => (path.startsWith('/payments') ? ((amount = 0), { status: 200, body: '{"accountNo":"1","amount":0}' }) : { status: 200, body: `{"accountNo":"1","amount":${amount}}` });
    const c = client({ cacheTtlMs: 30_000 });
    expect((await c.read('/accounts/1/bills?asOf=2026-03-10', account)).data.amount).toBe(100);
    await c.read('/accounts/2/bills?asOf=2026-03-10', account);
    expect(hits).toBe(2);
    await c.write('/payments', { orderId: 'o1' }, account, { changes: ['/accounts/1/bills'] });
    // Within the cache window, the account written to is asked again; the other one is not.
    expect((await c.read('/accounts/1/bills?asOf=2026-03-10', account)).data.amount).toBe(0);
    await c.read('/accounts/2/bills?asOf=2026-03-10', account);
    expect(hits).toBe(4);
  });

  it('drops only the reads of the path a write changed (with any query), not the paths under it', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":1}' });
    const c = client({ cacheTtlMs: 30_000 });
    await c.read('/accounts/1', account);
    await c.read('/accounts/1/bills?asOf=2026-03-10', account);
    await c.read('/accounts/1/usage?asOf=2026-03-10', account);
    expect(hits).toBe(3);
    // A top-up moves the account's balance: its bills and usage stay cached.
    await c.write('/topups', { orderId: 'o1' }, account, { changes: ['/accounts/1'] });
    await c.read('/accounts/1', account);
    await c.read('/accounts/1/bills?asOf=2026-03-10', account);
    await c.read('/accounts/1/usage?asOf=2026-03-10', account);
    expect(hits).toBe(5);
  });

  it('does not keep an answer that was on its way while our write changed it', async () => {
    let amount = 100;
    behave = (path) => (path.startsWith('/payments') ? ((amount = 0), { status: 200, body: '{"accountNo":"1","amount":0}' }) : { status: 200, body: `{"accountNo":"1","amount":${amount}}`, delayMs: 60 });
    const c = client({ cacheTtlMs: 30_000 });
    const before = c.read('/accounts/1/bills', account);
    await new Promise((r) => setTimeout(r, 10));
    await c.write('/payments', { orderId: 'o1' }, account, { changes: ['/accounts/1/bills'] });
    expect((await before).data.amount).toBe(100);
    expect((await c.read('/accounts/1/bills', account)).data.amount).toBe(0);
  });

  it('retries a failed read once, then reports the department unavailable in Chinese', async () => {
    behave = () => 'hangup';
    const c = client();
    const err = await c.read('/accounts/1', account).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', retryable: true });
    expect(err.message).toContain('国网市供电公司');
    expect(hits).toBe(2);
  });

  it('times out a slow department', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":1}', delayMs: 4000 });
    await expect(client().read('/accounts/1', account)).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });

  it('treats an answer that is not what the department promised as a department error, not data', async () => {
    behave = () => ({ status: 200, body: '<html>502</html>' });
    await expect(client().read('/accounts/1', account)).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":"12.50"}' });
    await expect(client().read('/accounts/1', account)).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
  });

  it('hands a 4xx answer to the domain as a rejection with the department’s code, without retrying', async () => {
    behave = () => ({ status: 404, body: '{"code":"ACCOUNT_NOT_FOUND","message":"户号不存在"}' });
    const err = await client().read('/accounts/9', account).catch((e) => e);
    expect(err).toBeInstanceOf(DepartmentRejection);
    expect(err).toMatchObject({ status: 404, departmentCode: 'ACCOUNT_NOT_FOUND' });
    expect(hits).toBe(1);
  });

  it('offers the last good answer marked stale, with its age, when the department goes down', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":100}' });
    const c = client({ cacheTtlMs: 10 });
    const fetchedAt = clock;
    await c.read('/accounts/1', account);
    clock += 60_000;
    behave = () => 'hangup';
    const r = await c.read('/accounts/1', account, { allowStale: true });
    expect(r).toMatchObject({ stale: true, data: { amount: 100 } });
    expect(r.fetchedAt.getTime()).toBe(fetchedAt);
    expect(r.ageMs).toBe(60_000);
    await expect(c.read('/accounts/1', account)).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });

  it('tells fetchedAt on the clock the pages read (the dev clock) while ages and the cache stay on real time', async () => {
    behave = () => ({ status: 200, body: '{"accountNo":"1","amount":100}' });
    // The local stack's clock: real time moved back to the demo date.
    const offset = Date.parse('2026-03-10T09:00:00+08:00') - clock;
    const c = client({ cacheTtlMs: 30_000, tell: (at) => new Date(at + offset) });
    const first = await c.read('/accounts/1', account);
    expect(first.fetchedAt.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    clock += 20_000;
    const cached = await c.read('/accounts/1', account);
    expect(hits).toBe(1);
    expect(cached).toMatchObject({ ageMs: 20_000 });
    expect(cached.fetchedAt.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    clock += 10_001;
    await c.read('/accounts/1', account);
    expect(hits).toBe(2);
  });

  it('opens the circuit after repeated failures, stops calling, and says when it will try again', async () => {
    behave = () => ({ status: 503, body: '{"code":"BUSY"}' });
    const c = client({ breakAfter: 3, halfOpenAfterMs: 20_000 });
    for (let i = 0; i < 3; i++) await c.read(`/accounts/${i}`, account).catch(() => undefined);
    expect(c.health()).toMatchObject({ state: 'down', retryAt: expect.any(Date) });
    const before = hits;
    const err = await c.read('/accounts/x', account).catch((e) => e);
    expect(hits).toBe(before);
    expect(err).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', retryAt: expect.stringMatching(/\+08:00$/) });
  });

  it('probes health once per interval and reports a failed probe as down', async () => {
    behave = () => 'hangup';
    const c = client({ probeIntervalMs: 30_000 });
    expect(await c.probe()).toMatchObject({ state: 'down' });
    expect(await c.probe()).toMatchObject({ state: 'down' });
    expect(hits).toBe(1);
    expect(c.health().state).toBe('down');
    behave = () => ({ status: 200, body: '{"status":"ok"}' });
    clock += 30_001;
    expect(await c.probe()).toEqual({ state: 'up' });
  });

  it('sends its API key: a wrong one is the department refusing us, not the resident’s fault', async () => {
    behave = () => ({ status: 200, body: '{}' });
    const err = await client({ apiKey: 'wrong-key-000' }).read('/accounts/1', account).catch((e) => e);
    expect(err).toBeInstanceOf(DepartmentRejection);
    expect(err.status).toBe(401);
  });
});

describe('department health on the caller’s clock', () => {
  it('puts the retry time as far after the call’s now as it is after real time', async () => {
    behave = () => 'hangup';
    const c = client({ probeIntervalMs: 30_000 });
    await c.probe();
    const callNow = new Date('2026-03-10T02:00:00Z');
    const h = c.health(callNow);
    expect(h).toEqual({ state: 'down', retryAt: new Date(callNow.getTime() + 30_000) });
  });
});

describe('a department that recovers while its circuit is open', () => {
  // cockatiel times the half-open delay with Date.now: move it with the client's own clock.
  let dateNow: jest.SpyInstance;
  beforeEach(() => {
    dateNow = jest.spyOn(Date, 'now').mockImplementation(() => clock);
  });
  afterEach(() => dateNow.mockRestore());

  const broken = async () => {
    behave = () => ({ status: 503, body: '{"code":"BUSY"}' });
    const c = client({ breakAfter: 3, halfOpenAfterMs: 15_000, probeIntervalMs: 30_000 });
    for (let i = 0; i < 3; i++) await c.read(`/accounts/${i}`, account).catch(() => undefined);
    expect(c.health()).toMatchObject({ state: 'down' });
    behave = () => ({ status: 200, body: '{"status":"ok"}' });
    return c;
  };

  it('reads open again after the half-open delay through a health probe, with no resident call', async () => {
    const c = await broken();
    clock += 10_000;
    expect(await c.probe()).toMatchObject({ state: 'down' }); // still inside the delay: no call
    const before = hits;
    clock += 5_001;
    expect(await c.probe()).toEqual({ state: 'up' });
    expect(hits).toBe(before + 1);
    expect(c.health()).toEqual({ state: 'up' });
  });

  it('starts the probe from a synchronous health read (the guard, the hub), so the next read is open', async () => {
    const c = await broken();
    clock += 15_001;
    const calls = c.calls;
    expect(c.health().state).toBe('down');
    await waitFor(() => c.calls > calls && c.health().state === 'up');
    expect(c.health()).toEqual({ state: 'up' });
  });

  it('stays down, with a new retry time, when the probe finds the department still failing', async () => {
    const c = await broken();
    behave = () => ({ status: 503, body: '{"code":"BUSY"}' });
    clock += 15_001;
    const h = await c.probe();
    expect(h).toMatchObject({ state: 'down', retryAt: new Date(clock + 15_000) });
    expect(c.health()).toMatchObject({ state: 'down' });
  });
});

describe('a circuit left alone', () => {
  it('is probed by the breaker itself once its half-open delay is over, with no call and no health read at all', async () => {
    behave = () => ({ status: 503, body: '{"code":"BUSY"}' });
    // A real (tiny) half-open delay: the timer that asks again is what is under test here.
    const c = client({ breakAfter: 3, halfOpenAfterMs: 30, probeIntervalMs: 30_000 });
    for (let i = 0; i < 3; i++) await c.read(`/accounts/${i}`, account).catch(() => undefined);
    behave = () => ({ status: 200, body: '{"status":"ok"}' });
    clock += 31;
    const before = hits;
    await waitFor(() => hits > before, 400);
    expect(hits).toBe(before + 1);
    await waitFor(() => c.health().state === 'up' && hits === before + 1, 400);
    expect(c.health()).toEqual({ state: 'up' });
    expect(hits).toBe(before + 1);
  });
});

async function waitFor(check: () => boolean, tries = 500): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('what the client logs of a path', () => {
  it.each([
    ['/vehicles/%E7%B2%A4B12345/violations?plateKind=02&engineNoSuffix=A61234', '/vehicles/:id/violations'],
    ['/accounts/0300123456789/bills?asOf=2026-03-10', '/accounts/:id/bills'],
    ['/violations/44030126000003/confirm', '/violations/:id/confirm'],
    ['/payments', '/payments'],
  ])('%s → %s (no plate, account or engine number)', (path, route) => {
    expect(routeOf(path)).toBe(route);
  });
});
