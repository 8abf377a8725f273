import type { BillResult, BindingView, InboxMessage, OrderView, PayResult } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { createLogger } from '../../log';
import { handlePayNotify } from '../../payments/notify';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';
import { Writable } from 'node:stream';

/**
 * The money path under the failures issue 7 found: late notifications, orders that expire while
 * the sheet is still payable, family members paying the same bill, departments refusing money
 * we hold, forged amounts and reused transaction ids. Each on PGlite and PostgreSQL.
 */
const NOON = '2026-03-10T12:00:00+08:00';

/** Binding asks for the holder's full name, as the department checks it. */
const holderOf = (accountNo: string) => RESIDENTS.flatMap((r) => r.utilityAccounts).find((a) => a.accountNo === accountNo)!.holderName;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

async function rows<T>(stack: TestStack, q: string): Promise<T[]> {
  return ((await stack.database.db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** A logger whose records the test can read. */
function capturingLog() {
  const records: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) records.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), records };
}

describe.each(STORE_KINDS)('the money path on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const job = async (name: string, at: string) => (await (await fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': at } })).json()) as { ok: boolean; data: Record<string, number> };
  const confirm = async (orderId: string, at: string, deliver = true) =>
    (await fetch(`${stack.url}/api/__dev/payments/${orderId}/confirm${deliver ? '' : '?deliver=0'}`, { method: 'POST', headers: { 'x-dev-now': at } })).json();
  const view = async (openid: string, orderId: string) => data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId }, { openid })).order;
  const inbox = async (openid: string) => data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, { openid })).messages;
  const postings = async (dept: string) =>
    data<{ postings: Array<{ orderId: string; paidAt: string }>; counts: Record<string, { received: number; booked: number }> }>({
      body: await (await fetch(`${stack.url}/api/__dev/departments/${dept}/postings`)).json(),
    });

  /** Binds the household (or reuses the binding) and pays its newest unpaid bill. */
  async function payOldest(openid: string, providerId: string, accountNo: string, key: string, at = NOON) {
    const bound = data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid })).bindings.find((b) => b.providerId === providerId && b.accountNoMasked.slice(-4) === accountNo.slice(-4));
    const binding = bound ?? data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId, accountNo, holderName: holderOf(accountNo) }, { openid, now: at })).binding;
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid, now: at })).arrears.bills.at(-1)!;
    const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: key }, { openid, now: at }));
    return { binding, bill, order };
  }

  it('books a payment WeChat Pay took before the expiry job ran, instead of closing the order, and takes the late notification as a repeat', async () => {
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    const { order } = await payOldest(ZHANG.openid, 'water', water.accountNo, 'expiry-asks-0001');
    // Paid on the sheet at 12:20; WeChat's notification is delayed.
    expect(await confirm(order.orderId, '2026-03-10T12:20:00+08:00', false)).toMatchObject({ errcode: 0 });
    expect((await job('expire', '2026-03-10T12:31:00+08:00')).data).toEqual({ closed: 0, booked: 1, refunding: 0, waiting: 0 });
    const paid = await view(ZHANG.openid, order.orderId);
    expect(paid).toMatchObject({ status: 'paid', paidAt: '2026-03-10T12:20:00+08:00', transactionId: stack.pay!.orders.get(order.orderId)!.transactionId });
    expect(paid.closedAt).toBeUndefined();
    // The notification arrives at last: a repeat, acknowledged, nothing changes.
    expect(await stack.pay!.deliverPending(new Date('2026-03-10T12:40:00+08:00'))).toEqual([{ errcode: 0, errmsg: 'OK' }]);
    expect((await job('outbox', '2026-03-10T12:41:00+08:00')).data).toMatchObject({ settled: 1 });
    expect(await rows(stack, `select count(*)::int as n from payments where order_id = '${order.orderId}'`)).toEqual([{ n: 1 }]);
    expect((await postings('water')).counts[order.orderId]).toEqual({ received: 1, booked: 1 });
  });

  it('leaves an expired order pending while WeChat Pay cannot be asked, and never closes it blind', async () => {
    const gas = WANG.utilityAccounts.find((a) => a.kind === 'gas')!;
    const { order } = await payOldest(WANG.openid, 'gas', gas.accountNo, 'expiry-blind-001');
    stack.pay!.setFault({ mode: 'down' });
    try {
      expect((await job('expire', '2026-03-10T12:31:00+08:00')).data).toEqual({ closed: 0, booked: 0, refunding: 0, waiting: 1 });
      expect((await view(WANG.openid, order.orderId)).status).toBe('pending');
    } finally {
      stack.pay!.setFault({ mode: 'ok' });
    }
    expect((await job('expire', '2026-03-10T12:32:00+08:00')).data).toMatchObject({ closed: 1 });
    expect(stack.pay!.orders.get(order.orderId)!.state).toBe('CLOSED');
  });

  it('keeps, acknowledges and refunds a late payment for a bill a family member paid meanwhile, and tells the resident', async () => {
    // Zhang and his mother Li both bind Li's electricity account (a family member pays too).
    const power = LI.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const mine = await payOldest(ZHANG.openid, 'power', power.accountNo, 'late-family-0001');
    // Closed by the expiry job of the previous release, which never told WeChat Pay: Zhang's sheet is still payable.
    await stack.database.db.execute(`update orders set status = 'closed', closed_at = '2026-03-10T04:31:00Z' where id = '${mine.order.orderId}'`);
    const hers = await payOldest(LI.openid, 'power', power.accountNo, 'late-family-0002', '2026-03-10T12:35:00+08:00');
    expect(hers.order.orderId).not.toBe(mine.order.orderId);
    expect(await confirm(hers.order.orderId, '2026-03-10T12:36:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });

    // Zhang's payment lands now: recorded, acknowledged (else WeChat retries for two days), refunded.
    expect(await confirm(mine.order.orderId, '2026-03-10T12:40:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
    const txn = stack.pay!.orders.get(mine.order.orderId)!.transactionId!;
    expect(await rows(stack, `select order_id, disposition from payments where transaction_id = '${txn}'`)).toEqual([{ order_id: mine.order.orderId, disposition: 'refund' }]);
    expect(await view(ZHANG.openid, mine.order.orderId)).toMatchObject({ status: 'refund_pending', paidAt: '2026-03-10T12:40:00+08:00', refund: { reason: 'late_payment', amount: mine.order.amount, status: 'pending' } });
    expect((await view(LI.openid, hers.order.orderId)).status).toBe('paid');
    const told = await inbox(ZHANG.openid);
    expect(told[0]).toMatchObject({ kind: 'refund', title: '付款未能入账，将原路退回', path: `/bills/pages/result/index?orderId=${mine.order.orderId}` });
    expect(told[0].body).toContain('原路退回');
    // Li is told nothing about Zhang's money.
    expect((await inbox(LI.openid)).filter((m) => m.kind === 'refund')).toEqual([]);

    // A repeat of the notification changes nothing and is acknowledged.
    expect(await confirm(mine.order.orderId, '2026-03-10T12:45:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await rows(stack, `select count(*)::int as n from refunds where order_id = '${mine.order.orderId}'`)).toEqual([{ n: 1 }]);

    expect((await job('refunds', '2026-03-10T12:50:00+08:00')).data).toEqual({ refunded: 0, requested: 1, retrying: 0 });
    await stack.pay!.idle();
    expect(await view(ZHANG.openid, mine.order.orderId)).toMatchObject({ status: 'refunded', refundedAt: '2026-03-10T12:50:00+08:00', refund: { status: 'refunded' } });
    expect((await inbox(ZHANG.openid)).map((m) => m.title).slice(0, 2)).toEqual(['退款已原路退回', '付款未能入账，将原路退回']);
    const wx = stack.pay!.orders.get(mine.order.orderId)!;
    expect([...wx.refunds.entries()].map(([id, r]) => [id, r.refundFee])).toEqual([[`RF${txn}`, mine.order.amount]]);

    // WeChat repeats the refund notification: nothing is filed twice.
    const repeat = { returnCode: 'SUCCESS', outTradeNo: mine.order.orderId, outRefundNo: `RF${txn}`, refundStatus: 'SUCCESS', refundFee: mine.order.amount };
    expect(await handlePayNotify(stack.deps, repeat, 'wx_paycallback', new Date('2026-03-10T13:00:00+08:00'))).toEqual({ errcode: 0, errmsg: 'OK' });
    expect((await inbox(ZHANG.openid)).filter((m) => m.kind === 'refund')).toHaveLength(2);
    // And the family member's order goes on to settle as usual, posted once.
    expect((await job('outbox', '2026-03-10T13:05:00+08:00')).data).toMatchObject({ settled: 1 });
    expect((await postings('power')).counts).toMatchObject({ [hers.order.orderId]: { booked: 1 } });
    expect((await postings('power')).counts[mine.order.orderId]).toBeUndefined();
  });

  it('books a payment for an order the expiry job closed when the bill is still free, and drops its closedAt', async () => {
    const water = LI.utilityAccounts.find((a) => a.kind === 'water')!;
    const { order } = await payOldest(LI.openid, 'water', water.accountNo, 'closed-raced-001');
    await stack.database.db.execute(`update orders set status = 'closed', closed_at = '2026-03-10T04:31:00Z' where id = '${order.orderId}'`);
    expect(await confirm(order.orderId, '2026-03-10T12:32:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
    const paid = await view(LI.openid, order.orderId);
    expect(paid.status).toBe('paid');
    expect(paid.closedAt).toBeUndefined();
    expect((await job('outbox', '2026-03-10T12:33:00+08:00')).data).toMatchObject({ settled: 1 });
    const settled = await view(LI.openid, order.orderId);
    expect(settled).toMatchObject({ status: 'settled', paidAt: '2026-03-10T12:32:00+08:00' });
    expect(settled.closedAt).toBeUndefined();
  });

  it('answers the notification without calling the department, even a slow one, and leaves the posting to the outbox', async () => {
    const gas = LI.utilityAccounts.find((a) => a.kind === 'gas')!;
    const { order } = await payOldest(LI.openid, 'gas', gas.accountNo, 'slow-dept-00001');
    stack.sandboxes.gas.setFault({ mode: 'slow', ms: 5000 });
    try {
      const before = stack.sandboxes.gas.hits;
      expect(await confirm(order.orderId, '2026-03-10T12:05:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
      // hits count requests that reached the department: none for the notification.
      expect(stack.sandboxes.gas.hits).toBe(before);
      expect((await view(LI.openid, order.orderId)).status).toBe('paid');
    } finally {
      stack.sandboxes.gas.setFault({ mode: 'ok' });
    }
    expect((await job('outbox', '2026-03-10T12:06:00+08:00')).data).toMatchObject({ settled: 1 });
  });

  it('posts a February payment whose notification came in March with its February time, and the department books it', async () => {
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    // Zhang's January water bill, overdue since 20 February: paid on the 27th, with its late fee.
    const { order, bill } = await payOldest(ZHANG.openid, 'water', water.accountNo, 'feb-paid-00001', '2026-02-27T12:00:00+08:00');
    expect(bill).toMatchObject({ period: '2026-01', overdueDays: 7 });
    expect(await confirm(order.orderId, '2026-02-27T12:05:00+08:00', false)).toMatchObject({ errcode: 0 });
    // The notification is delivered only on 2 March (WeChat retried for days).
    expect(await stack.pay!.deliverPending(new Date('2026-03-02T09:00:00+08:00'))).toEqual([{ errcode: 0, errmsg: 'OK' }]);
    expect((await view(ZHANG.openid, order.orderId)).paidAt).toBe('2026-02-27T12:05:00+08:00');
    expect((await job('outbox', '2026-03-02T09:01:00+08:00')).data).toMatchObject({ settled: 1, failed: 0 });
    const booked = (await postings('water')).postings.find((p) => p.orderId === order.orderId)!;
    expect(booked.paidAt).toBe('2026-02-27T12:05:00+08:00');
  });

  it.each([
    ['a hex string', '0x3E8'],
    ['an array', [1000]],
    ['a decimal string', '1000.0'],
    ['an exponent string', '1e3'],
    ['a digit string', '1000'],
    ['a fraction', 1000.5],
    ['a negative number', -1000],
    ['a boolean', true],
  ])('refuses a notification whose amount is %s, and books nothing', async (_l, totalFee) => {
    const { log, records } = capturingLog();
    const n = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'BM20260310120000STRICT01', transactionId: '4200000000000000000000000001', totalFee, timeEnd: '20260310120500' };
    expect(await handlePayNotify({ ...stack.deps, log }, n, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'malformed' });
    expect(records.at(-1)).toMatchObject({ msg: 'payment notification refused: malformed', issues: ['totalFee'] });
    expect(await rows(stack, `select count(*)::int as n from payments where transaction_id = '4200000000000000000000000001'`)).toEqual([{ n: 0 }]);
  });

  it.each([
    ['30 February', '20260230120000'],
    ['24:00', '20260310240000'],
    ['an ISO string', '2026-03-10T12:00:00'],
  ])('refuses a notification whose payment time is %s', async (_l, timeEnd) => {
    const n = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'BM20260310120000STRICT02', transactionId: '4200000000000000000000000002', totalFee: 100, timeEnd };
    expect(await handlePayNotify(stack.deps, n, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'malformed' });
  });

  it('refuses a transaction id already recorded for another order, logs an alert, and leaves both orders as they were', async () => {
    const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const first = await payOldest(ZHANG.openid, 'power', power.accountNo, 'reused-txn-0001');
    expect(await confirm(first.order.orderId, '2026-03-10T12:01:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
    const txn = stack.pay!.orders.get(first.order.orderId)!.transactionId!;
    // Another resident's pending order, which a forged notification tries to pay with Zhang's transaction.
    const gas = WANG.utilityAccounts.find((a) => a.kind === 'gas')!;
    const other = (await payOldest(WANG.openid, 'gas', gas.accountNo, 'reused-txn-0002')).order;

    const { log, records } = capturingLog();
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: other.orderId, transactionId: txn, totalFee: other.amount, timeEnd: '20260310120200' };
    expect(await handlePayNotify({ ...stack.deps, log }, forged, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'transaction id belongs to another order' });
    expect(records).toContainEqual(expect.objectContaining({ level: 50, alert: 'payment_transaction_reused', transaction: txn, order: other.orderId, recordedFor: first.order.orderId }));
    expect((await view(WANG.openid, other.orderId)).status).toBe('pending');
    expect((await view(ZHANG.openid, first.order.orderId)).status).toBe('paid');
    expect(await rows(stack, `select order_id from payments where transaction_id = '${txn}'`)).toEqual([{ order_id: first.order.orderId }]);
  });
});

describe('refund notifications and second payments', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it.each([
    ['no refund status', { returnCode: 'SUCCESS', outRefundNo: 'RF4200000000000000000000000001' }],
    ['a refund id that is not ours', { returnCode: 'SUCCESS', outRefundNo: '../RF1', refundStatus: 'SUCCESS' }],
    ['a string amount', { returnCode: 'SUCCESS', outRefundNo: 'RF4200000000000000000000000001', refundStatus: 'SUCCESS', refundFee: '100' }],
  ])('refuses a refund notification with %s', async (_l, event) => {
    expect(await handlePayNotify(stack.deps, event, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'malformed' });
  });

  it('refuses a refund notification for a refund we never asked for, and one not from WeChat Pay', async () => {
    const event = { returnCode: 'SUCCESS', outRefundNo: 'RF4200000000000000000000000404', refundStatus: 'SUCCESS', refundFee: 100 };
    expect(await handlePayNotify(stack.deps, event, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'unknown refund' });
    expect(await handlePayNotify(stack.deps, event, 'wx_client', new Date(NOON))).toEqual({ errcode: 1, errmsg: 'source rejected' });
  });

  it('keeps a second payment of an order that is already paid and refunds it, leaving the order paid', async () => {
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    const binding = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName }, { now: NOON })).binding;
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { now: NOON })).arrears.bills[0];
    const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'paid-twice-0001' }, { now: NOON }));
    expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
    const second = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: order.orderId, transactionId: '4200000000000000000000000777', totalFee: order.amount, timeEnd: '20260310120300' };
    expect(await handlePayNotify(stack.deps, second, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 0, errmsg: 'OK' });
    const view = data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId: order.orderId })).order;
    expect(view).toMatchObject({ status: 'paid', refund: { reason: 'duplicate_payment', amount: order.amount, status: 'pending' } });
    expect(view.transactionId).not.toBe('4200000000000000000000000777');
    const held = ((await stack.database.db.execute(`select transaction_id, disposition from payments where order_id = '${order.orderId}' order by disposition`)) as unknown as { rows: unknown[] }).rows;
    expect(held).toEqual([
      { transaction_id: view.transactionId, disposition: 'booked' },
      { transaction_id: '4200000000000000000000000777', disposition: 'refund' },
    ]);
    const messages = data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' })).messages;
    expect(messages[0]).toMatchObject({ kind: 'refund', title: '重复付款将原路退回' });
  });
});
