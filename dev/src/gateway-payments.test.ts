import type { BillResult, BindingView, PayResult } from '@bianmin/core';
import { LI, startTestStack, type TestStack } from './testing/stack';

/** The dev levers of the money path: the sandbox sheet, WeChat Pay's notify route, the postings list. */
describe('the local gateway’s payment routes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  const NOON = '2026-03-10T12:00:00+08:00';
  const data = <T>(r: { body: unknown }) => (r.body as { data: T }).data;

  it('takes payment notifications only from the WeChat Pay sandbox, whatever the body claims', async () => {
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'BM20260310120000FORGED01', transactionId: '4200000000000000000000000009', totalFee: 1, timeEnd: '20260310120000' };
    const noKey = await fetch(`${stack.url}/api/__dev/wxpay/notify`, { method: 'POST', body: JSON.stringify(forged) });
    expect(await noKey.json()).toEqual({ errcode: 1, errmsg: 'source rejected' });
    const wrongKey = await fetch(`${stack.url}/api/__dev/wxpay/notify`, { method: 'POST', headers: { 'x-api-key': 'sk_wxpay_guess' }, body: JSON.stringify(forged) });
    expect(await wrongKey.json()).toEqual({ errcode: 1, errmsg: 'source rejected' });
  });

  it('answers the sandbox sheet for an order WeChat Pay never saw with ORDERNOTEXIST', async () => {
    const r = await fetch(`${stack.url}/api/__dev/payments/BM20260310120000NOSUCH01/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ errcode: 1, errmsg: 'ORDERNOTEXIST' });
  });

  it('lists what a department booked, with requests and bookings counted per order id', async () => {
    const water = LI.utilityAccounts.find((a) => a.kind === 'water')!;
    const binding = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName }, { openid: LI.openid, now: NOON })).binding;
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON })).arrears.bills[0];
    const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'postings-list-01' }, { openid: LI.openid, now: NOON }));
    // A water bill is WeChat Pay's (cloudpay), as the channel holding it shows it.
    expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}`)).json()).toEqual({ ok: true, data: { channel: 'cloudpay', out_trade_no: order.orderId, fee: order.amount, status: 'NOTPAY', transaction_id: null } });
    expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
    const empty = await (await fetch(`${stack.url}/api/__dev/departments/water/postings`)).json();
    expect(empty).toEqual({ ok: true, data: { department: 'water', postings: [], counts: {} } });
    await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': NOON } });
    const listed = await (await fetch(`${stack.url}/api/__dev/departments/water/postings`)).json();
    expect(listed.data.postings).toEqual([expect.objectContaining({ orderId: order.orderId, billId: bill.billId, amount: order.amount, paidAt: NOON })]);
    expect(listed.data.counts).toEqual({ [order.orderId]: { received: 1, booked: 1 } });
    expect(await (await fetch(`${stack.url}/api/__dev/departments/traffic/postings`)).json()).toEqual({ ok: true, data: { department: 'traffic', postings: [], counts: {} } });
    expect((await fetch(`${stack.url}/api/__dev/departments/nosuch/postings`)).status).toBe(404);
  });
});
