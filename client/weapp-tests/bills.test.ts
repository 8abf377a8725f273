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
  await p.tap(/^立即缴费/);
  expect(p.text()).toContain('确认缴费');
  await p.tap(/^确认支付/);

  const pay = p.record.calls.find((c) => c.name === 'bills' && c.data.action === 'pay');
  expect(pay?.data).toEqual(expect.objectContaining({ bindingId, billId: arrears.bills[0].billId }));
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
