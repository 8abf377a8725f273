/** The bills subpackage's two WeChat-only paths: paying through WeChat Pay's sheet, and labelled inputs. */
import type { BillResult, PayResult } from '@bianmin/core';
import { mountPage, type MountedPage } from './harness/mini-program';
import { api, ensureBinding, MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';

const [ZHANG, , , CHEN] = RESIDENTS;
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

it('pays a bill through requestPayment with the order’s own parameters, then opens the receipt', async () => {
  const bindingId = await ensureBinding(ZHANG, MORNING, 'water');
  const { arrears } = await api<BillResult>(ZHANG, MORNING, 'bills', { action: 'bill', bindingId });
  const p = (page = await mountPage('bills/pages/bill/index', { openid: ZHANG.openid, now: MORNING, query: { bindingId, kind: 'water' } }));
  // 立即缴费 pays every month owed (issue 12), oldest first, in one order.
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
  expect(inputs.map((i) => i.attr['aria-label'])).toEqual(['户号', '户主姓名', '备注名，选填']);
  expect(p.errors).toEqual([]);
});
