import { AppError, type BillResult, type BindingView, type Clock, type OrderView, type PayResult, toShanghaiIso } from '@bianmin/core';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { createDevClock, DEV_NOW_YEARS, parseDevNow } from './clock';
import { startTestStack, type TestStack, ZHANG } from './testing/stack';

/** A real clock the test moves by hand. */
function handClock(start: string): Clock & { tick(ms: number): void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), tick: (ms) => (t += ms) };
}

describe('the local stack’s clock', () => {
  it('is the real clock until it is set', () => {
    const real = handClock('2026-12-07T02:00:00Z');
    const c = createDevClock({ real });
    expect(c.now().toISOString()).toBe('2026-12-07T02:00:00.000Z');
    expect(c.state()).toEqual({ now: '2026-12-07T10:00:00+08:00', setTo: null, setAt: null, source: 'real' });
  });

  it('runs forward in real time from the instant it was set', () => {
    const real = handClock('2026-12-07T02:00:00Z');
    const c = createDevClock({ real });
    c.set(new Date('2026-03-10T09:00:00+08:00'));
    expect(toShanghaiIso(c.now())).toBe('2026-03-10T09:00:00+08:00');
    real.tick(11_000);
    expect(toShanghaiIso(c.now())).toBe('2026-03-10T09:00:11+08:00');
    real.tick(30 * 60_000);
    expect(toShanghaiIso(c.now())).toBe('2026-03-10T09:30:11+08:00');
    expect(c.state()).toEqual({ now: '2026-03-10T09:30:11+08:00', setTo: '2026-03-10T09:00:00+08:00', setAt: '2026-12-07T10:00:00+08:00', source: 'lever' });
  });

  it('starts at DEV_NOW when given one, and goes back to real time when reset', () => {
    const real = handClock('2026-12-07T02:00:00Z');
    const c = createDevClock({ real, start: new Date('2026-03-10T01:00:00Z') });
    expect(c.state()).toMatchObject({ now: '2026-03-10T09:00:00+08:00', source: 'DEV_NOW' });
    real.tick(5000);
    expect(c.reset()).toEqual({ now: '2026-12-07T10:00:05+08:00', setTo: null, setAt: null, source: 'real' });
  });

  it('can be set again, backwards too, each time from that moment on', () => {
    const real = handClock('2026-12-07T02:00:00Z');
    const c = createDevClock({ real });
    c.set(new Date('2026-03-10T23:45:00+08:00'));
    real.tick(60_000);
    c.set(new Date('2026-01-01T00:00:00+08:00'));
    real.tick(1000);
    expect(toShanghaiIso(c.now())).toBe('2026-01-01T00:00:01+08:00');
  });

  it('tells a moment of real time on itself (what a department client measures in real time, shown on the demo date)', () => {
    const real = handClock('2026-12-07T02:00:00Z');
    const c = createDevClock({ real, start: new Date('2026-03-10T09:00:00+08:00') });
    const fetched = real.now().getTime() - 57_000;
    expect(toShanghaiIso(c.at(fetched))).toBe('2026-03-10T08:59:03+08:00');
  });
});

describe('a dev clock value', () => {
  it.each([
    ['2026-03-10T09:00:00+08:00', '2026-03-10T01:00:00.000Z'],
    ['2026-03-10T01:00:00Z', '2026-03-10T01:00:00.000Z'],
    ['  2026-03-10T09:00+08:00 ', '2026-03-10T01:00:00.000Z'],
    ['2000-01-01T00:00:00+08:00', '1999-12-31T16:00:00.000Z'],
    ['2099-12-31T23:59:59+08:00', '2099-12-31T15:59:59.000Z'],
  ])('takes %s', (text, iso) => {
    expect(parseDevNow(text, 'DEV_NOW').toISOString()).toBe(iso);
  });

  it.each(['2026-02-30T09:00:00+08:00', '2026-03-10T24:00:00+08:00', '2026-03-10T09:00:00', '2026-03-10', 'tomorrow', '', '+2026-03-10T09:00:00Z', '2026-03-10T09:00:00+15:00'])(
    'refuses %j as not a time, naming the field it came in',
    (text) => {
      const e = (() => {
        try {
          parseDevNow(text, 'DEV_NOW');
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'INVALID_INPUT', fields: { DEV_NOW: expect.stringContaining('ISO 8601') } });
    },
  );

  it.each(['0000-01-01T00:00:00+08:00', '0099-03-10T12:00:00+08:00', '0999-12-31T23:59:59+08:00', '1999-12-31T23:59:59+08:00', '2099-12-31T16:00:00Z', '9999-03-10T12:00:00+08:00'])(
    'refuses %s as outside the years the service can reason about, saying which year it read',
    (text) => {
      let e: unknown;
      try {
        parseDevNow(text, 'now');
      } catch (err) {
        e = err;
      }
      expect(e).toMatchObject({ code: 'INVALID_INPUT', fields: { now: `年份应在 ${DEV_NOW_YEARS.from}–${DEV_NOW_YEARS.to} 之间` } });
      expect((e as AppError).message).toMatch(/收到的是 \d+ 年/);
    },
  );
});

const DEMO = '2026-03-10T09:00:00+08:00';
type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; fields?: Record<string, string> } };
const data = <T>(r: { body: unknown }): T => {
  const b = r.body as Env<T>;
  if (!b.ok) throw new Error(JSON.stringify(b.error));
  return b.data;
};

describe.each(STORE_KINDS)('the whole stack on one clock on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind, { devNow: new Date(DEMO) });
  });
  afterAll(() => stack?.stop());

  /** A call with no X-Dev-Now: what the h5 app sends once the clock is the stack's. */
  const call = <T>(fn: string, body: object) => stack.call<T>(fn, body);
  const lever = (method: string, body?: unknown) =>
    fetch(`${stack.url}/api/__dev/clock`, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const job = (name: string) => fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST' }).then((r) => r.json());

  it('answers calls without X-Dev-Now on DEV_NOW, running forward; X-Dev-Now still wins for its call', async () => {
    const first = data<{ now: string }>(await call('services', { action: 'list' })).now;
    expect(first.slice(0, 16)).toBe('2026-03-10T09:00');
    expect(data<{ now: string }>(await stack.call('services', { action: 'list' }, { now: '2026-03-10T23:45:00+08:00' })).now).toBe('2026-03-10T23:45:00+08:00');
    const again = data<{ now: string }>(await call('services', { action: 'list' })).now;
    expect(Date.parse(again)).toBeGreaterThanOrEqual(Date.parse(first));
    expect((await lever('GET')).body).toMatchObject({ ok: true, data: { setTo: DEMO, source: 'DEV_NOW', now: expect.stringMatching(/^2026-03-10T09:0/) } });
  });

  it('dates department data, payments and the 12345 platform on the stack’s clock', async () => {
    const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const { binding } = data<{ binding: BindingView }>(await call('bills', { action: 'bind', providerId: 'power', accountNo: power.accountNo, holderName: power.holderName }));
    const bill = data<BillResult>(await call('bills', { action: 'bill', bindingId: binding.bindingId }));
    expect(bill.fetchedAt.slice(0, 13)).toBe('2026-03-10T09');
    const { order } = data<PayResult>(await call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0].billId, idempotencyKey: 'one-clock-pay-01' }));
    expect(order.createdAt.slice(0, 13)).toBe('2026-03-10T09');
    expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST' })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
    await job('outbox');
    const paid = data<{ order: OrderView }>(await call('bills', { action: 'order', orderId: order.orderId })).order;
    expect(paid).toMatchObject({ status: 'settled', paidAt: expect.stringMatching(/^2026-03-10T09:/) });

    data(await call('tickets', { action: 'submit', kind: '咨询', category: '其他', description: '请问社区服务中心周末几点开门？', public: false, requestId: 'one-clock-ticket-01' }));
    const platform = (await (await fetch(`${stack.url}/api/__dev/departments/hotline/tickets`)).json()) as Env<{ tickets: Array<{ createdAt: string; ticketNo: string }> }>;
    const t = data<{ tickets: Array<{ createdAt: string; ticketNo: string }> }>({ body: platform }).tickets.at(-1)!;
    expect(t.createdAt.slice(0, 13)).toBe('2026-03-10T09');
    expect(t.ticketNo).toMatch(/^1234520260310\d{5}$/);
    // The platform's own schedule runs on the same clock: asked without a date, it answers on the demo date.
    const own = await fetch(`${stack.sandboxes.hotline.url}/tickets/${t.ticketNo}`, { headers: { 'x-api-key': stack.sandboxes.hotline.apiKey } });
    expect(((await own.json()) as { status: string }).status).toBe('submitted');
  });

  it('leaves an order made on the demo date to the expiry job until 30 minutes of that date have passed', async () => {
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    const { binding } = data<{ binding: BindingView }>(await call('bills', { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName }));
    const bill = data<BillResult>(await call('bills', { action: 'bill', bindingId: binding.bindingId }));
    const { order } = data<PayResult>(await call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0].billId, idempotencyKey: 'one-clock-expire-01' }));
    await job('expire');
    expect(data<{ order: OrderView }>(await call('bills', { action: 'order', orderId: order.orderId })).order.status).toBe('pending');
    expect((await lever('POST', { now: '2026-03-10T09:45:00+08:00' })).body).toMatchObject({ ok: true, data: { setTo: '2026-03-10T09:45:00+08:00', source: 'lever' } });
    await job('expire');
    expect(data<{ order: OrderView }>(await call('bills', { action: 'order', orderId: order.orderId })).order.status).toBe('closed');
    // WeChat Pay's side agrees: the sheet can no longer take money for it.
    expect((await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST' })).status).toBe(409);
  });

  it('runs the bills’ due-date reminders on the stack’s clock', async () => {
    const r = (await job('dueReminders')) as Env<{ households: number }>;
    expect(data<{ households: number }>({ body: r }).households).toBeGreaterThan(0);
  });

  it('is set with POST { now }, read with GET, and returned to real time with DELETE; nonsense is refused naming now', async () => {
    expect(await lever('POST', { now: '0500-03-10T09:00:00+08:00' })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { now: expect.stringContaining('2000') } } } });
    expect(await lever('POST', { when: DEMO })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { now: expect.any(String) } } } });
    expect(await lever('POST', '{"now":')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect(await lever('PUT', { now: DEMO })).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expect((await lever('POST', { now: '2026-03-10T23:45:00+08:00' })).body).toMatchObject({ ok: true, data: { setTo: '2026-03-10T23:45:00+08:00' } });
    expect(data<{ now: string }>(await call('services', { action: 'list' })).now.slice(0, 16)).toBe('2026-03-10T23:45');
    const back = await lever('DELETE');
    expect(back.body).toMatchObject({ ok: true, data: { setTo: null, source: 'real' } });
    expect(Math.abs(Date.parse(data<{ now: string }>(await call('services', { action: 'list' })).now) - Date.now())).toBeLessThan(5000);
    await lever('POST', { now: DEMO });
  });
});
