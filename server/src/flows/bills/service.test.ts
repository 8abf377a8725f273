import type { BillResult, BindingView, OrderView, PayResult } from '@bianmin/core';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import { handlePayNotify } from '../../payments/notify';
import { startStack } from '@bianmin/dev/stack';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const ZHANG_POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
const LI_WATER = LI.utilityAccounts.find((a) => a.kind === 'water')!;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('utility bills on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const bill = (bindingId: string, opts: { openid?: string; now?: string } = {}) => stack.call<BillResult>('bills', { action: 'bill', bindingId }, { now: NOON, ...opts });
  const confirm = (orderId: string) => fetch(`${stack.url}/api/__dev/payments/${orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } });

  let bindingId: string;

  it('binds a fixture electricity account after the power grid confirms it, masking the holder', async () => {
    const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName, label: '我家' }, { now: NOON }));
    expect(binding).toMatchObject({ kind: 'electricity', label: '我家', holderName: '张*明', accountNoMasked: expect.stringMatching(/\*+6789$/) });
    bindingId = binding.bindingId;
    const again = await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, { now: NOON });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it.each([
    ['a path', '../../etc'],
    ['too few digits', '12345'],
    ['letters', 'ABCDEFGHIJKLM'],
  ])('refuses an account number that is %s with INVALID_INPUT on fields.accountNo and binds nothing', async (_l, accountNo) => {
    const r = await stack.call('bills', { action: 'bind', providerId: 'power', accountNo, holderName: '张晓明' }, { now: NOON });
    expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { accountNo: expect.stringContaining('13 位数字') } } } });
    expect(data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' })).bindings).toHaveLength(1);
  });

  it('refuses an account the department does not know with NOT_FOUND on the field', async () => {
    const r = await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: '0300000000000', holderName: '张晓明' }, { now: NOON });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { accountNo: expect.any(String) } } });
  });

  it('shows the bill with its period, tiered lines and amounts in integer fen', async () => {
    const r = data<BillResult>(await bill(bindingId));
    expect(r.stale).toBe(false);
    expect(r.bill).toMatchObject({ period: '2026-02', status: 'unpaid', dueDate: '2026-03-15' });
    const b = r.bill!;
    expect(b.lines.reduce((s, l) => s + l.amount, 0)).toBe(b.amount);
    for (const l of b.lines) expect(l.amount).toBe(l.quantity * l.unitPrice);
    expect(Number.isInteger(b.amountDue)).toBe(true);
    expect(r.arrears.total).toBe(b.amountDue);
  });

  it('does not let another resident read, pay or unbind the household', async () => {
    expect((await bill(bindingId, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const pay = await stack.call('bills', { action: 'pay', bindingId, billId: 'POWER-0300123456789-202602', idempotencyKey: 'li-tries-00001' }, { openid: LI.openid, now: NOON });
    expect(pay.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('bills', { action: 'unbind', bindingId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses an electricity payment at 23:45 with the reopen time, writing nothing', async () => {
    const billId = data<BillResult>(await bill(bindingId)).bill!.billId;
    const r = await stack.call('bills', { action: 'pay', bindingId, billId, idempotencyKey: 'late-night-0001' }, { now: '2026-03-10T23:45:00+08:00' });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'SERVICE_CLOSED', availability: { state: 'closed', opensAt: '2026-03-11T00:30:00+08:00' } } });
    expect(data<{ orders: OrderView[] }>(await stack.call('bills', { action: 'orders' })).orders).toEqual([]);
  });

  let orderId: string;

  it('turns 30 simultaneous pays with one idempotency key into one order and one payment sheet', async () => {
    const billId = data<BillResult>(await bill(bindingId)).bill!.billId;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => stack.call<PayResult>('bills', { action: 'pay', bindingId, billId, idempotencyKey: 'tap-tap-tap-0001' }, { now: NOON })),
    );
    const ids = new Set(results.map((r) => data<PayResult>(r).order.orderId));
    expect(ids.size).toBe(1);
    orderId = [...ids][0];
    const first = data<PayResult>(results[0]);
    expect(first.order).toMatchObject({ status: 'pending', billId });
    expect(first.payment).toMatchObject({ provider: 'sandbox', orderId, amount: first.order.amount });
    // Another key for the same bill gets the same live order, not a second one.
    const other = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId, billId, idempotencyKey: 'second-key-0002' }, { now: NOON }));
    expect(other.order.orderId).toBe(orderId);
    expect(data<{ orders: OrderView[] }>(await stack.call('bills', { action: 'orders' })).orders).toHaveLength(1);
    // While it is pending, the bill says so (and is not offered for payment again).
    expect(data<BillResult>(await bill(bindingId)).bill).toMatchObject({ status: 'pending', orderId });
  });

  it('takes the money once however often the payment is confirmed, settles it, and the bill is no longer owed', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => confirm(orderId).then((r) => r.json())));
    for (const a of answers) expect(a).toEqual({ errcode: 0, errmsg: 'OK' });
    // The notification only records the payment; the outbox posts it to the department.
    expect(data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId })).order.status).toBe('paid');
    const run = await (await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:01:00+08:00' } })).json();
    expect(run).toMatchObject({ ok: true, data: { settled: 1 } });
    const { order } = data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId }));
    expect(order).toMatchObject({ status: 'settled', departmentRef: expect.stringMatching(/^POWERPAY/), transactionId: expect.any(String) });
    const payments = await stack.database.db.execute(`select count(*)::int as n from payments where order_id = '${orderId}'`);
    expect((payments as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(1);
    const after = data<BillResult>(await bill(bindingId, { now: '2026-03-10T12:05:00+08:00' }));
    expect(after.arrears.bills).toEqual([]);
    // A paid bill cannot be paid again, whatever the key.
    const again = await stack.call('bills', { action: 'pay', bindingId, billId: order.billId, idempotencyKey: 'after-paid-0003' }, { now: '2026-03-10T12:06:00+08:00' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('does not show one resident’s order to another', async () => {
    expect((await stack.call('bills', { action: 'order', orderId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data<{ orders: OrderView[] }>(await stack.call('bills', { action: 'orders' }, { openid: LI.openid })).orders).toEqual([]);
  });

  it('with the power grid down, serves the last bill marked stale with its age, and refuses to pay from it', async () => {
    await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"down"}' });
    try {
      const r = await bill(bindingId);
      if (r.body.ok) {
        expect(r.body.data).toMatchObject({ stale: true, fetchedAt: expect.stringMatching(/\+08:00$/) });
        expect(r.body.data.ageSeconds).toBeGreaterThanOrEqual(0);
      } else {
        expect(r.body.error).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('供电') });
      }
      const pay = await stack.call('bills', { action: 'pay', bindingId, billId: 'POWER-0300123456789-202602', idempotencyKey: 'while-down-0004' }, { now: NOON });
      expect(pay.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE' } });
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"ok"}' });
    }
  });
});

describe('households', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('binds nothing while the department is down, and says which department', async () => {
    await fetch(`${stack.url}/api/__dev/departments/gas/faults`, { method: 'POST', body: '{"mode":"down"}' });
    try {
      const liGas = LI.utilityAccounts.find((a) => a.kind === 'gas')!;
      const r = await stack.call('bills', { action: 'bind', providerId: 'gas', accountNo: liGas.accountNo, holderName: liGas.holderName }, { openid: LI.openid, now: NOON });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('燃气') } });
      expect(data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid: LI.openid })).bindings).toEqual([]);
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/gas/faults`, { method: 'POST', body: '{"mode":"ok"}' });
    }
  });

  it('forgets an unbound household for its resident, and lets it be bound again', async () => {
    const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: LI_WATER.accountNo, holderName: LI_WATER.holderName }, { openid: LI.openid, now: NOON }));
    expect((await stack.call('bills', { action: 'unbind', bindingId: binding.bindingId }, { openid: LI.openid })).body).toEqual({ ok: true, data: { unbound: true } });
    expect((await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('bills', { action: 'unbind', bindingId: binding.bindingId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid: LI.openid })).bindings).toEqual([]);
    const again = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: LI_WATER.accountNo, holderName: LI_WATER.holderName }, { openid: LI.openid, now: NOON }));
    expect(again.binding.bindingId).not.toBe(binding.bindingId);
  });
});

describe('the payment notification', () => {
  let stack: TestStack;
  let order: OrderView;
  beforeAll(async () => {
    stack = await startTestStack();
    const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: LI_WATER.accountNo, holderName: LI_WATER.holderName }, { openid: LI.openid, now: NOON }));
    const b = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON }));
    // Li's oldest water bill is overdue: the late fee is part of what is paid.
    const oldest = b.arrears.bills[0];
    expect(oldest.lateFee).toBeGreaterThan(0);
    order = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: oldest.billId, idempotencyKey: 'notify-tests-01' }, { openid: LI.openid, now: NOON })).order;
    expect(order.amount).toBe(oldest.amountDue);
  });
  afterAll(() => stack?.stop());

  const event = (over: Record<string, unknown> = {}) => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: order.orderId, transactionId: '4200000001', totalFee: order.amount, timeEnd: '20260310120100', ...over });
  const status = async () => data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId: order.orderId }, { openid: LI.openid })).order.status;

  it.each([
    ['a caller that is not WeChat Pay', () => event(), 'wx_client'],
    ['a wrong amount', () => event({ totalFee: 1 }), 'wx_paycallback'],
    ['an unknown order', () => event({ outTradeNo: 'BM20260310120000ZZZZZZZZ' }), 'wx_paycallback'],
    ['a malformed body', () => ({ hello: 'world' }), 'wx_paycallback'],
  ])('refuses a forged notification from %s and leaves the order pending', async (_l, ev, source) => {
    expect(await handlePayNotify(stack.deps, ev(), source, new Date(NOON))).toMatchObject({ errcode: 1 });
    expect(await status()).toBe('pending');
  });

  it('acknowledges a failed payment without marking anything paid', async () => {
    expect(await handlePayNotify(stack.deps, event({ resultCode: 'FAIL' }), 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await status()).toBe('pending');
  });

  it('records a replayed notification once and answers every replay { errcode: 0 }', async () => {
    for (let i = 0; i < 3; i++) expect(await handlePayNotify(stack.deps, event(), 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await status()).toBe('paid');
    const rows = await stack.database.db.execute(`select count(*)::int as n from payments where order_id = '${order.orderId}'`);
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(1);
  });
});

describe('the outbox', () => {
  it('keeps a paid order across a restart while the department is down, and settles it once the department is back', async () => {
    const database = await openTestDatabase();
    const opts = { port: 0, database, log: 'silent' as const, reminderIntervalMs: 0, paymentsIntervalMs: 0, probeIntervalMs: 0, departmentTimeoutMs: 500 };
    const call = async <T>(url: string, body: unknown) =>
      data<T>({ body: await (await fetch(`${url}/api/bills`, { method: 'POST', headers: { 'x-dev-openid': ZHANG.openid, 'x-dev-now': NOON }, body: JSON.stringify(body) })).json() });
    try {
      const first = await startStack(opts);
      const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
      const { binding } = await call<{ binding: BindingView }>(first.url, { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName });
      const b = await call<BillResult>(first.url, { action: 'bill', bindingId: binding.bindingId });
      const { order } = await call<PayResult>(first.url, { action: 'pay', bindingId: binding.bindingId, billId: b.arrears.bills[0].billId, idempotencyKey: 'outbox-restart-1' });
      await fetch(`${first.url}/api/__dev/departments/water/faults`, { method: 'POST', body: '{"mode":"down"}' });
      expect(await (await fetch(`${first.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
      expect((await call<{ order: OrderView }>(first.url, { action: 'order', orderId: order.orderId })).order.status).toBe('paid');
      await first.stop();

      // A new process (new sandboxes: the department is reachable again) finds the posting still owed.
      const second = await startStack(opts);
      const run = await (await fetch(`${second.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:10:00+08:00' } })).json();
      expect(run).toMatchObject({ ok: true, data: { settled: 1 } });
      expect((await call<{ order: OrderView }>(second.url, { action: 'order', orderId: order.orderId })).order.status).toBe('settled');
      const rerun = await (await fetch(`${second.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:20:00+08:00' } })).json();
      expect(rerun).toMatchObject({ ok: true, data: { settled: 0 } });
      await second.stop();
    } finally {
      await database.close();
    }
  });

  it('refunds a paid order the department refuses (paid at a counter meanwhile): refund_pending → refunded, and the resident is told', async () => {
    const stack = await startTestStack();
    try {
      const liPower = LI.utilityAccounts.find((a) => a.kind === 'electricity')!;
      const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: liPower.accountNo, holderName: liPower.holderName }, { openid: LI.openid, now: NOON }));
      const b = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON }));
      const bill = b.arrears.bills[0];
      const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'counter-race-01' }, { openid: LI.openid, now: NOON }));
      // Someone pays the same bill at the power grid's own counter before our money is posted.
      const power = stack.sandboxes.power;
      const counter = await fetch(`${power.url}/payments?asOf=2026-03-10`, {
        method: 'POST',
        headers: { 'x-api-key': power.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ orderId: 'COUNTER-1', accountNo: liPower.accountNo, billId: bill.billId, amount: bill.amountDue, paidAt: NOON }),
      });
      expect(counter.status).toBe(200);
      expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
      const view = async () => data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId: order.orderId }, { openid: LI.openid })).order;
      expect((await view()).status).toBe('paid');
      const run = await (await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T13:00:00+08:00' } })).json();
      expect(run).toMatchObject({ ok: true, data: { settled: 0, retrying: 0, failed: 1 } });
      const rows = await stack.database.db.execute(`select status, last_error from outbox where order_id = '${order.orderId}'`);
      expect((rows as unknown as { rows: Array<{ status: string; last_error: string }> }).rows[0]).toEqual({ status: 'failed', last_error: '409 BILL_ALREADY_PAID' });
      expect(await view()).toMatchObject({ status: 'refund_pending', refund: { reason: 'department_refused', amount: order.amount, status: 'pending' } });
      // Retrying the outbox never posts it again.
      expect(await (await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T14:00:00+08:00' } })).json()).toMatchObject({ data: { settled: 0, retrying: 0, failed: 0 } });

      const refundRun = await (await fetch(`${stack.url}/api/__dev/jobs/refunds`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T13:01:00+08:00' } })).json();
      expect(refundRun).toMatchObject({ ok: true, data: { requested: 1, retrying: 0 } });
      await stack.pay!.idle();
      expect(await view()).toMatchObject({ status: 'refunded', refundedAt: '2026-03-10T13:01:00+08:00', refund: { status: 'refunded' } });
      const wx = stack.pay!.orders.get(order.orderId)!;
      expect([...wx.refunds.values()].map((r) => r.refundFee)).toEqual([order.amount]);
      const inbox = data<{ messages: Array<{ title: string; body: string }> }>(await stack.call('messages', { action: 'list' }, { openid: LI.openid }));
      expect(inbox.messages.map((m) => m.title)).toEqual(['退款已原路退回', '缴费单位未能入账，款项将原路退回']);
      expect(inbox.messages[1].body).toContain('该账单已在其他渠道缴清');
      // The refunds job finds nothing left to do.
      expect(await (await fetch(`${stack.url}/api/__dev/jobs/refunds`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T15:00:00+08:00' } })).json()).toMatchObject({ data: { refunded: 0, requested: 0, retrying: 0 } });
    } finally {
      await stack.stop();
    }
  });

  it('closes a pending order nobody paid after it expires', async () => {
    const stack = await startTestStack();
    try {
      const gas = ZHANG.utilityAccounts.find((a) => a.kind === 'gas')!;
      // Zhang's gas is paid up: use Li's, who owes.
      const liGas = LI.utilityAccounts.find((a) => a.kind === 'gas')!;
      expect(gas.unpaidMonths).toBe(0);
      const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'gas', accountNo: liGas.accountNo, holderName: liGas.holderName }, { openid: LI.openid, now: NOON }));
      const b = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON }));
      const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: b.arrears.bills[0].billId, idempotencyKey: 'never-paid-0001' }, { openid: LI.openid, now: NOON }));
      const early = await (await fetch(`${stack.url}/api/__dev/jobs/expire`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:20:00+08:00' } })).json();
      expect(early).toMatchObject({ data: { closed: 0 } });
      const late = await (await fetch(`${stack.url}/api/__dev/jobs/expire`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:31:00+08:00' } })).json();
      expect(late).toMatchObject({ data: { closed: 1 } });
      // Closed on WeChat Pay's side first: the old sheet can no longer take money.
      expect(stack.pay!.orders.get(order.orderId)!.state).toBe('CLOSED');
      expect(await (await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:31:30+08:00' } })).json()).toEqual({ errcode: 1, errmsg: 'ORDERCLOSED' });
      expect(data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId: order.orderId }, { openid: LI.openid })).order.status).toBe('closed');
      // The bill can be paid again with a new attempt.
      const retry = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: order.billId, idempotencyKey: 'second-try-0002' }, { openid: LI.openid, now: '2026-03-10T12:32:00+08:00' }));
      expect(retry.order.orderId).not.toBe(order.orderId);
    } finally {
      await stack.stop();
    }
  });
});
