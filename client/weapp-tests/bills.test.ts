/** The bills subpackage's two WeChat-only paths: paying through WeChat Pay's sheet, and labelled inputs. */
import type { BillResult, PayResult } from '@bianmin/core';
import { mountPage, type MountedPage } from './harness/mini-program';
import { api, ensureBinding, ensureOrder, MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';

const [ZHANG, , WANG, CHEN] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

it('pays a bill through requestPayment with the order’s own parameters, then opens the receipt', async () => {
  const bindingId = await ensureBinding(ZHANG, MORNING, 'water');
  const { arrears } = await api<BillResult>(ZHANG, MORNING, 'bills', { action: 'bill', bindingId });
  const p = (page = await mountPage('bills/pages/bill/index', { openid: ZHANG.openid, now: MORNING, query: { bindingId, kind: 'water' } }));
  // 立即缴费 pays every month owed, oldest first, in one order.
  const owed = arrears.bills
    .filter((b) => b.status === 'unpaid' || (b.status === 'pending' && b.orderId))
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((b) => b.billId);
  expect(owed.length).toBeGreaterThan(0);
  await p.tap(/^立即缴费/);
  expect(p.text()).toContain('确认缴费');
  // The tap waits until the sheet has armed 确认支付 (it ignores taps for 500 ms after opening).
  await p.tap(/^确认支付/);

  const pay = p.record.calls.find((c) => c.name === 'bills' && c.data.action === 'pay');
  expect(pay?.data).toEqual(expect.objectContaining({ bindingId, billIds: owed }));
  expect(pay?.result?.ok).toBe(true);
  const { order, payment } = (pay!.result as { ok: true; data: PayResult }).data;
  expect(payment).toEqual(expect.objectContaining({ provider: 'wechat' }));
  const { provider: _provider, ...params } = payment as Record<string, unknown>;
  expect(p.record.requestPayment).toEqual([params]);
  expect(params.package).toBe(`prepay_id=wx${order.orderId}`);
  expect(p.record.navigateTo).toEqual([expect.stringContaining(`/bills/pages/result/index?orderId=${order.orderId}`)]);
  expect(p.errors).toEqual([]);
});

it('labels the bind form’s inputs for WeChat’s screen reader, not by their placeholder', async () => {
  const p = (page = await mountPage('bills/pages/bind/index', { openid: CHEN.openid, now: MORNING, query: { kind: 'water' } }));
  const inputs = findAll(p.wxml(), (n) => n.tag === 'input');
  expect(inputs.map((i) => i.attr['aria-label'])).toEqual(['户号', '户主姓名', '备注名（选填）']);
  expect(p.errors).toEqual([]);
});

it('lists paid orders by default, and under 全部 an unpaid one labelled as not charged', async () => {
  await ensureOrder(WANG, MORNING, 'gas');
  const p = (page = await mountPage('bills/pages/orders/index', { openid: WANG.openid, now: MORNING }));
  const orderCalls = () => p.record.calls.filter((c) => c.data.action === 'orders').map((c) => `${c.name}:${String(c.data.show)}`);
  expect(orderCalls()).toEqual(['payments:paid']);
  expect(p.text()).toContain('还没有支付成功的订单');
  expect(p.text()).not.toContain('燃气费');
  await p.tap('看全部订单');
  await p.settle();
  expect(orderCalls().filter((c) => c.endsWith(':all'))).toEqual(['payments:all']);
  expect(p.texts('bm-bills-order__status')).toContain('待支付，未扣款');
  expect(p.text()).toContain('燃气费');
  expect(p.errors).toEqual([]);
});
