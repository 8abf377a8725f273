import type { BillResult, BindingView, OrderView, PayResult, TrafficOrderView } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

/**
 * 我的订单's 已支付 / 全部 switch (issue 12): `orders { show: 'paid' }` lists only payments that
 * went through, `show: 'all'` (the API's default) adds the closed, pending and refunded ones — for
 * bills and fines alike, and never another resident's. Through the local gateway, on PGlite and PostgreSQL.
 */
const NOON = '2026-03-10T12:00:00+08:00';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Envelope<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('order history filter on %s', (kind) => {
  let stack: TestStack;
  let closedId: string;
  let settledId: string;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    // 张晓明's water household owes two months: he opens a sheet for one (left unpaid), then pays both.
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName }, { now: NOON }));
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { now: NOON }));
    const billIds = bill.arrears.bills.map((b) => b.billId);
    closedId = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: billIds[0], idempotencyKey: 'history-one-0001' }, { now: NOON })).order.orderId;
    settledId = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds, idempotencyKey: 'history-all-0001' }, { now: NOON })).order.orderId;
    await fetch(`${stack.url}/api/__dev/payments/${settledId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:01:00+08:00' } });
    // And a fine he has not paid yet (a pending order).
    const car = ZHANG.vehicles[0];
    const { vehicle } = data<{ vehicle: { vehicleId: string } }>(await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, { now: NOON }));
    data(await stack.call('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000001', idempotencyKey: 'history-fine-0001' }, { now: NOON }));
  });
  afterAll(() => stack?.stop());

  const bills = async (body: Record<string, unknown>, openid = ZHANG.openid) => data<{ orders: OrderView[] }>(await stack.call('bills', { action: 'orders', ...body }, { openid, now: NOON })).orders;
  const fines = async (body: Record<string, unknown>, openid = ZHANG.openid) => data<{ orders: TrafficOrderView[] }>(await stack.call('traffic', { action: 'orders', ...body }, { openid, now: NOON })).orders;

  it('lists only the payment that went through under show: paid, not the sheet left unpaid', async () => {
    expect((await bills({ show: 'paid' })).map((o) => [o.orderId, o.status])).toEqual([[settledId, 'settled']]);
  });

  it('adds the closed order under show: all, labelled closed, and keeps that the default', async () => {
    const all = await bills({ show: 'all' });
    // Both made at the same instant: newest-first cannot tell them apart, so compare as a set.
    expect(all.map((o) => `${o.orderId} ${o.status}`).sort()).toEqual([`${settledId} settled`, `${closedId} closed`].sort());
    expect(await bills({})).toEqual(all);
  });

  it('filters fines the same way: a pending fine order only under show: all', async () => {
    expect(await fines({ show: 'paid' })).toEqual([]);
    expect((await fines({ show: 'all' })).map((o) => o.status)).toEqual(['pending']);
  });

  it('never shows another resident’s orders, whatever the switch says', async () => {
    for (const show of ['paid', 'all']) {
      expect(await bills({ show }, LI.openid)).toEqual([]);
      expect(await fines({ show }, LI.openid)).toEqual([]);
    }
  });

  it('refuses an unknown switch value with INVALID_INPUT naming show, for bills and fines', async () => {
    for (const fn of ['bills', 'traffic']) {
      for (const show of ['closed', '', 1, null, ['paid']]) {
        const r = await stack.call(fn, { action: 'orders', show }, { now: NOON });
        expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { show: expect.stringContaining('paid') } } });
      }
    }
  });
});
