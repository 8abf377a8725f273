import type { BillResult, BindingView, OrderView, PayResult, TrafficOrderView, TrafficPayResult, VehicleView } from '@bianmin/core';
import { type E2E, residents, settled, shown, startE2E } from './support';

/**
 * Money that goes back, as the resident sees it: the power grid refuses a posting (the bill was
 * paid at its counter meanwhile), the order moves to refund_pending and then refunded, and the
 * receipt and the history say so in words, with the amount returned.
 */
const NOON = '2026-03-10T12:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

it('shows a refused payment as refunding, then refunded, on the receipt and in the history', async () => {
  const li = residents[1];
  const as = { openid: li.openid, now: NOON };
  const account = li.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: BindingView }>('bills', { action: 'bind', providerId: 'power', accountNo: account.accountNo, holderName: account.holderName }, as);
  const bill = (await e2e.api<BillResult>('bills', { action: 'bill', bindingId: binding.bindingId }, as)).arrears.bills[0];
  const { order } = await e2e.api<PayResult>('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'e2e-refund-0001' }, as);
  // Paid at the power grid's counter before our posting reaches it.
  const power = e2e.stack.sandboxes.power;
  const counter = await fetch(`${power.url}/payments?asOf=2026-03-10`, {
    method: 'POST',
    headers: { 'x-api-key': power.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ orderId: 'COUNTER-E2E', accountNo: account.accountNo, billId: bill.billId, amount: bill.amountDue, paidAt: NOON }),
  });
  expect(counter.status).toBe(200);
  expect(await (await fetch(`${e2e.stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
  // The stack posts right after the acknowledgement; the department refuses; the refund is queued.
  const status = async () => (await e2e.api<{ order: { order: OrderView } }>('payments', { action: 'order', orderId: order.orderId }, as)).order.order.status;
  let seen = await status();
  for (let i = 0; i < 100 && seen !== 'refund_pending'; i++) seen = await status();
  expect(seen).toBe('refund_pending');

  const page = await e2e.open({ openid: li.openid, now: NOON, path: `/bills/pages/result/index?orderId=${order.orderId}` });
  await shown(page, '.bm-receipt__hero[data-status="refund_pending"]').waitFor();
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('未能入账 · 正在退款');
  await expect(shown(page, '.bm-receipt__refund').textContent()).resolves.toContain('退款中');

  const run = await (await fetch(`${e2e.stack.url}/api/__dev/jobs/refunds`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:05:00+08:00' } })).json();
  expect(run).toMatchObject({ ok: true, data: { requested: 1 } });
  await e2e.stack.pay!.idle();
  await page.reload();
  await shown(page, '.bm-receipt__hero[data-status="refunded"]').waitFor();
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('已退款');
  await expect(shown(page, '.bm-receipt__refund').textContent()).resolves.toMatch(/已退款.*¥/);
  await settled(page);
  await e2e.screenshot(page, 'bills-refunded');

  await page.goto(`${e2e.stack.url}/?dev_openid=${li.openid}&dev_now=${encodeURIComponent(NOON)}#/bills/pages/orders/index`);
  // 我的订单 opens on 已支付: a refunded order is listed only under 全部, saying the money went back.
  await shown(page, '.bm-bills-orders-show [data-tab="paid"]').waitFor();
  // The 已支付 list has loaded (its rows or its empty state) before we look for the refunded order.
  await shown(page, '.bm-bills-order, .bm-bills-orders-empty--paid').first().waitFor();
  expect(await shown(page, `.bm-bills-order[data-order-id="${order.orderId}"]`).count()).toBe(0);
  await shown(page, '.bm-bills-orders-show [data-tab="all"]').click();
  const row = shown(page, `.bm-bills-order[data-order-id="${order.orderId}"]`);
  await row.waitFor();
  await expect(row.locator('.bm-bills-order__status').textContent()).resolves.toBe('已退款，钱已退回');
});

it('opens a refunded fine’s receipt from its refund message, worded as a fine, and the fine is owed again', async () => {
  // A fine priced at 23:50 and paid 30 s after midnight: the late fee grew, the traffic police refuse the posting.
  const wang = residents[2];
  const zhangCar = residents[0].vehicles[0];
  const at = (now: string) => ({ openid: wang.openid, now });
  const { vehicle } = await e2e.api<{ vehicle: VehicleView }>('traffic', { action: 'addVehicle', plate: zhangCar.plate, plateKind: zhangCar.plateKind, engineNoSuffix: zhangCar.engineNoSuffix }, at('2026-03-10T23:40:00+08:00'));
  const { order } = await e2e.api<TrafficPayResult>('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000002', idempotencyKey: 'e2e-fine-refund-1' }, at('2026-03-10T23:50:00+08:00'));
  await fetch(`${e2e.stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T00:00:30+08:00' } });
  // The stack posts right after the acknowledgement (and the outbox job would too): the traffic police refuse it.
  const DAY = '2026-03-11T09:00:00+08:00';
  const status = async () => (await e2e.api<{ order: { order: TrafficOrderView } }>('payments', { action: 'order', orderId: order.orderId }, at(DAY))).order.order.status;
  await fetch(`${e2e.stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T00:01:00+08:00' } });
  let seen = await status();
  for (let i = 0; i < 100 && seen !== 'refund_pending'; i++) seen = await status();
  expect(seen).toBe('refund_pending');
  const run = await (await fetch(`${e2e.stack.url}/api/__dev/jobs/refunds`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T00:05:00+08:00' } })).json();
  // A fine is a 非税 order: its refund has no notification, and getorder saying 已退款 completes it in the same run.
  expect(run).toMatchObject({ ok: true, data: { refunded: 1, requested: 0 } });
  expect(await status()).toBe('refunded');

  const page = await e2e.open({ openid: wang.openid, now: DAY, path: '/messages/pages/index/index' });
  const message = shown(page, '.bm-message-item').filter({ hasText: '交警未能销账' });
  await message.waitFor();
  await message.click();
  await shown(page, '.bm-receipt__hero[data-status="refunded"]').waitFor();
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('已退款');
  await expect(shown(page, '.bm-receipt__refund').textContent()).resolves.toMatch(/已退款.*¥106\.00/);
  await expect(shown(page, '.bm-traffic-receipt__decision').textContent()).resolves.toContain(order.decisionNo);
  expect(await shown(page, '.bm-traffic-receipt').textContent()).not.toContain('户号');
  await settled(page);
  await e2e.screenshot(page, 'traffic-receipt-refunded');

  // Back on the vehicle's records the fine is under 待缴款 again, at today's amount.
  await shown(page, '.bm-traffic-receipt__back').click();
  const owed = shown(page, '[data-group="payable"] [data-violation-id="44030126000002"]');
  await owed.waitFor();
  await expect(owed.textContent()).resolves.toContain('¥109.00');
});
