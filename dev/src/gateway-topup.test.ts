import type { BindingView, OrderView, PayResult, OrderListEntry } from '@bianmin/core';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { LI, startTestStack, type TestStack, ZHANG } from './testing/stack';

/**
 * A prepay meter's top-up through the local gateway, on PGlite and PostgreSQL: the department's
 * rules, one booking however often the notification and the posting are repeated, and nothing
 * for someone else's household or a meter that is not prepaid.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const LI_POWER = LI.utilityAccounts.find((a) => a.kind === 'electricity')!;
const ZHANG_POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('prepaid electricity top-up on %s', (kind) => {
  let stack: TestStack;
  let liBinding: string;
  let zhangBinding: string;
  const as = { openid: LI.openid, now: NOON };
  beforeAll(async () => {
    stack = await startTestStack(kind);
    liBinding = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: LI_POWER.accountNo, holderName: LI_POWER.holderName }, as)).binding.bindingId;
    zhangBinding = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, { openid: ZHANG.openid, now: NOON })).binding.bindingId;
  });
  afterAll(() => stack?.stop());

  const topup = (amount: unknown, key: string, who = as, bindingId = liBinding) => stack.call<PayResult>('bills', { action: 'topup', bindingId, amount, idempotencyKey: key }, who);
  const orders = async () => data<{ orders: OrderListEntry[] }>(await stack.call('payments', { action: 'orders' }, as)).orders.flatMap((e) => (e.flow === 'bills' ? [e.order] : []));
  const postings = async () => (await (await fetch(`${stack.url}/api/__dev/departments/power/postings`)).json()).data as { topups: Array<{ orderId: string; balanceBefore: number; balanceAfter: number }>; counts: Record<string, { received: number; booked: number }> };
  const job = (name: string) => fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': NOON } });
  const faults = (mode: string) => fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: JSON.stringify({ mode }) });
  const balance = async () => {
    const r = await stack.call<{ prepaidBalance?: number }>('bills', { action: 'bill', bindingId: liBinding }, as);
    return data<{ prepaidBalance?: number }>(r).prepaidBalance;
  };

  it("states the department's top-up rules and the balance on a prepay household's bill, and none on a postpaid one", async () => {
    const bill = data<{ prepaidBalance?: number; topup?: { minimum: number; step: number } }>(await stack.call('bills', { action: 'bill', bindingId: liBinding }, as));
    expect(bill).toMatchObject({ prepaidBalance: expect.any(Number), topup: { minimum: 1000, step: 100 } });
    const other = data<{ prepaidBalance?: number; topup?: unknown }>(await stack.call('bills', { action: 'bill', bindingId: zhangBinding }, { openid: ZHANG.openid, now: NOON }));
    expect(other.topup).toBeUndefined();
    expect(other.prepaidBalance).toBeUndefined();
  });

  it('refuses a top-up below the department minimum with INVALID_INPUT naming the minimum, creating nothing', async () => {
    const r = await topup(900, 'topup-below-01');
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('最少 ¥10.00'), fields: { amount: expect.stringContaining('¥10.00') } } });
    expect(await orders()).toEqual([]);
  });

  it('refuses an amount off the department step with the step in the message, creating nothing', async () => {
    const r = await topup(1050, 'topup-offstep-01');
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('¥1.00 的整数倍'), fields: { amount: expect.any(String) } } });
    expect(await orders()).toEqual([]);
  });

  it.each([
    ['fractional fen', 1000.5],
    ['a string', '50'],
    ['zero', 0],
  ])('refuses %s as the amount on fields.amount', async (_l, amount) => {
    expect((await topup(amount, 'topup-bad-amount-01')).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { amount: expect.any(String) } } });
  });

  it("refuses another resident's binding as NOT_FOUND, and a household without a prepay meter", async () => {
    expect((await topup(5000, 'topup-other-01', { openid: ZHANG.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await topup(5000, 'topup-postpaid-01', { openid: ZHANG.openid, now: NOON }, zhangBinding)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('不是预付费电表') } });
    expect(await orders()).toEqual([]);
  });

  it('tops up once: same order for a repeated tap, one booking despite a duplicate notification, a department outage and repeated outbox runs', async () => {
    expect(await balance()).toBe(1250);
    const first = data<PayResult>(await topup(5000, 'topup-happy-01'));
    const again = data<PayResult>(await topup(5000, 'topup-happy-01'));
    expect(again.order.orderId).toBe(first.order.orderId);
    expect(first.order).toMatchObject({ amount: 5000, status: 'pending', purpose: 'topup' });

    // Paid while the power grid is down: the posting waits, nothing is lost.
    await faults('down');
    try {
      expect((await (await fetch(`${stack.url}/api/__dev/payments/${first.order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).errcode).toBe(0);
      await fetch(`${stack.url}/api/__dev/payments/notifications/deliver`, { method: 'POST', headers: { 'x-dev-now': NOON } });
      await job('outbox');
      expect(data<{ order: { order: OrderView } }>(await stack.call('payments', { action: 'order', orderId: first.order.orderId }, as)).order.order.status).toBe('paid');
    } finally {
      await faults('ok');
    }
    // Up again: the outbox retries when its backoff is over (a later clock), and again after.
    const later = '2026-03-10T13:00:00+08:00';
    await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': later } });
    await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': later } });
    const order = data<{ order: { order: OrderView } }>(await stack.call('payments', { action: 'order', orderId: first.order.orderId }, as)).order.order;
    // The receipt's balance before → after is the department's answer.
    expect(order).toMatchObject({ status: 'settled', purpose: 'topup', departmentRef: expect.stringMatching(/^POWERTOP/), topup: { balanceBefore: 1250, balanceAfter: 6250 } });

    const booked = await postings();
    expect(booked.topups).toEqual([expect.objectContaining({ orderId: first.order.orderId, balanceBefore: 1250, balanceAfter: 6250 })]);
    expect(booked.counts[first.order.orderId].booked).toBe(1);
    expect(await balance()).toBe(6250);
    expect((await orders()).map((o) => o.orderId)).toEqual([first.order.orderId]);
  });
});

describe.each(STORE_KINDS)("a prepay meter's balance with the department cache on, on %s", (kind) => {
  let stack: TestStack;
  let bindingId: string;
  const as = { openid: LI.openid, now: NOON };
  beforeAll(async () => {
    stack = await startTestStack(kind, { departmentCacheTtlMs: 30_000 });
    bindingId = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: LI_POWER.accountNo, holderName: LI_POWER.holderName }, as)).binding.bindingId;
  });
  afterAll(() => stack?.stop());

  const view = async () => data<{ prepaidBalance?: number }>(await stack.call('bills', { action: 'bill', bindingId }, as)).prepaidBalance;
  const departmentCalls = async (f: () => Promise<unknown>) => {
    const before = stack.sandboxes.power.hits;
    await f();
    return stack.sandboxes.power.hits - before;
  };

  it('serves repeated bill views from the cache, reads the balance afresh once after a settled top-up, then caches again', async () => {
    expect(await view()).toBe(1250);
    expect(await departmentCalls(view)).toBe(0);

    const paid = data<PayResult>(await stack.call<PayResult>('bills', { action: 'topup', bindingId, amount: 5000, idempotencyKey: 'topup-cache-01' }, as));
    await fetch(`${stack.url}/api/__dev/payments/${paid.order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    await fetch(`${stack.url}/api/__dev/payments/notifications/deliver`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    expect(data<{ order: { order: OrderView } }>(await stack.call('payments', { action: 'order', orderId: paid.order.orderId }, as)).order.order.status).toBe('settled');

    let shown: number | undefined;
    expect(await departmentCalls(async () => (shown = await view()))).toBe(1);
    expect(shown).toBe(6250);
    expect(await departmentCalls(view)).toBe(0);
  });
});
