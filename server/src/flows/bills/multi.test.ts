import type { BillResult, BindingView, OrderView, PayResult } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { utilityFor } from './utilities';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

/**
 * Paying several months in one order (issue 12): one payment, one department posting per bill,
 * each exactly once — with the department down at first, and after a crash between postings.
 * Through the local gateway, on PGlite and PostgreSQL.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const holderOf = (accountNo: string) => RESIDENTS.flatMap((r) => r.utilityAccounts).find((a) => a.accountNo === accountNo)!.holderName;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Envelope<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}
const failure = (r: { body: unknown }) => {
  const b = r.body as Envelope<unknown>;
  if (b.ok) throw new Error('expected a refusal');
  return b.error;
};

describe.each(STORE_KINDS)('multi-bill orders on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const job = async (name: string, at: string) => (await (await fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': at } })).json()) as { ok: boolean; data: Record<string, number> };
  const confirm = async (orderId: string, at: string) => (await fetch(`${stack.url}/api/__dev/payments/${orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': at } })).json();
  const fault = async (dept: string, mode: string) =>
    fetch(`${stack.url}/api/__dev/departments/${dept}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
  const postings = async (dept: string) =>
    data<{ counts: Record<string, { received: number; booked: number }> }>({ body: await (await fetch(`${stack.url}/api/__dev/departments/${dept}/postings`)).json() });
  const view = async (openid: string, orderId: string) => data<{ order: OrderView }>(await stack.call('bills', { action: 'order', orderId }, { openid })).order;

  async function household(openid: string, providerId: string, accountNo: string, at = NOON) {
    const bound = data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid })).bindings.find((b) => b.providerId === providerId && b.accountNoMasked.slice(-4) === accountNo.slice(-4));
    const binding = bound ?? data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId, accountNo, holderName: holderOf(accountNo) }, { openid, now: at })).binding;
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid, now: at }));
    return { binding, bill };
  }

  it('pays everything a household owes in one order and one payment, and posts each bill to the department once', async () => {
    const water = LI.utilityAccounts.find((a) => a.kind === 'water')!;
    const { binding, bill } = await household(LI.openid, 'water', water.accountNo);
    expect(bill.arrears.bills).toHaveLength(3);
    const billIds = bill.arrears.bills.map((b) => b.billId);
    const { order, payment } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds, idempotencyKey: 'multi-all-0001' }, { openid: LI.openid, now: NOON }));
    expect(order.amount).toBe(bill.arrears.total);
    expect(payment).toMatchObject({ provider: 'sandbox', amount: bill.arrears.total });
    // Oldest first, each at its amount with today's late fee.
    const byPeriod = [...bill.arrears.bills].sort((a, b) => a.period.localeCompare(b.period));
    expect(order.lines).toEqual(byPeriod.map((b) => ({ billId: b.billId, period: b.period, amount: b.amountDue, lateFee: b.lateFee })));
    expect(order.period).toBe(`${byPeriod[0].period} 至 ${byPeriod[2].period}`);
    // Every bill of the order now shows as being paid, and the household owes nothing new.
    const during = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: NOON }));
    expect(during.arrears.bills.map((b) => [b.status, b.orderId])).toEqual(billIds.map(() => ['pending', order.orderId]));

    // A repeated tap gets the same order; another key for the same months gets it too.
    const again = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds: [...billIds].reverse(), idempotencyKey: 'multi-all-0001' }, { openid: LI.openid, now: NOON }));
    expect(again.order.orderId).toBe(order.orderId);
    const otherKey = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds, idempotencyKey: 'multi-all-0002' }, { openid: LI.openid, now: NOON }));
    expect(otherKey.order.orderId).toBe(order.orderId);

    expect(await confirm(order.orderId, '2026-03-10T12:01:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
    await job('outbox', '2026-03-10T12:02:00+08:00');
    const settled = await view(LI.openid, order.orderId);
    expect(settled.status).toBe('settled');
    expect(settled.lines.map((l) => l.departmentRef)).toEqual([expect.stringMatching(/^WATERPAY/), expect.stringMatching(/^WATERPAY/), expect.stringMatching(/^WATERPAY/)]);
    expect(new Set(settled.lines.map((l) => l.departmentRef)).size).toBe(3);
    const { counts } = await postings('water');
    expect([1, 2, 3].map((n) => counts[`${order.orderId}-${n}`])).toEqual([1, 2, 3].map(() => ({ received: 1, booked: 1 })));
    const after = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: '2026-03-10T12:03:00+08:00' }));
    expect(after.arrears).toEqual({ bills: [], total: 0 });
  });

  it('posts every bill exactly once when the department is down at first and the process died between two postings', async () => {
    const gas = WANG.utilityAccounts.find((a) => a.kind === 'gas')!;
    const { binding, bill } = await household(WANG.openid, 'gas', gas.accountNo);
    const billIds = bill.arrears.bills.map((b) => b.billId);
    expect(billIds).toHaveLength(2);
    const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds, idempotencyKey: 'multi-down-0001' }, { openid: WANG.openid, now: NOON }));

    await fault('gas', 'down');
    try {
      expect(await confirm(order.orderId, '2026-03-10T12:01:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
      expect((await job('outbox', '2026-03-10T12:02:00+08:00')).data).toMatchObject({ settled: 0, retrying: 1 });
      expect((await view(WANG.openid, order.orderId)).status).toBe('paid');
    } finally {
      await fault('gas', 'ok');
    }
    // The department booked the first bill, but our process died before writing that down: the
    // posting is repeated with the same posting id and answered, not booked again.
    const first = order.lines[0];
    const direct = await utilityFor(stack.deps, 'gas').postPayment(
      { orderId: `${order.orderId}-1`, accountNo: gas.accountNo, billId: first.billId, amount: first.amount, paidAt: '2026-03-10T12:01:00+08:00' },
      '2026-03-10',
    );
    expect((await job('outbox', '2026-03-10T12:10:00+08:00')).data).toMatchObject({ settled: 1 });
    const settled = await view(WANG.openid, order.orderId);
    expect(settled).toMatchObject({ status: 'settled' });
    expect(settled.lines[0].departmentRef).toBe(direct.paymentRef);
    const { counts } = await postings('gas');
    expect(counts[`${order.orderId}-1`]).toEqual({ received: 2, booked: 1 });
    expect(counts[`${order.orderId}-2`]).toEqual({ received: 1, booked: 1 });
    // A later run finds nothing to post.
    expect((await job('outbox', '2026-03-10T12:20:00+08:00')).data).toMatchObject({ settled: 0, retrying: 0, failed: 0 });
  });

  it('replaces a resident’s own unpaid single-month order when they go on to pay the total, closing it at WeChat Pay first', async () => {
    const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
    const { binding, bill } = await household(ZHANG.openid, 'water', water.accountNo);
    const oldest = bill.arrears.bills.at(-1)!;
    const single = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: oldest.billId, idempotencyKey: 'multi-single-001' }, { openid: ZHANG.openid, now: NOON }));
    expect(single.order.lines).toHaveLength(1);
    // 取消 on the sheet, then 缴清全部.
    const all = data<PayResult>(
      await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds: bill.arrears.bills.map((b) => b.billId), idempotencyKey: 'multi-total-001' }, { openid: ZHANG.openid, now: '2026-03-10T12:02:00+08:00' }),
    );
    expect(all.order.orderId).not.toBe(single.order.orderId);
    expect(all.order.amount).toBe(bill.arrears.total);
    expect(await view(ZHANG.openid, single.order.orderId)).toMatchObject({ status: 'closed' });
    expect(stack.pay!.orders.get(single.order.orderId)!.state).toBe('CLOSED');
    // The closed order's sheet can no longer take money; the new one can.
    expect(await confirm(all.order.orderId, '2026-03-10T12:03:00+08:00')).toEqual({ errcode: 0, errmsg: 'OK' });
  });

  it('refuses a bill list that is empty, repeats a bill, or comes with billId too, naming the field and changing nothing', async () => {
    const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const { binding, bill } = await household(ZHANG.openid, 'power', power.accountNo);
    const id = bill.arrears.bills[0].billId;
    for (const input of [{ billIds: [] }, { billIds: [id, id] }, { billId: id, billIds: [id] }, {}]) {
      const err = failure(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, idempotencyKey: 'multi-bad-00001', ...input }, { openid: ZHANG.openid, now: NOON }));
      expect(err).toMatchObject({ code: 'INVALID_INPUT', fields: { billIds: expect.any(String) } });
    }
    const unknown = failure(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds: [id, 'NO-SUCH-BILL'], idempotencyKey: 'multi-bad-00002' }, { openid: ZHANG.openid, now: NOON }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', fields: { billIds: expect.any(String) } });
    expect(((await stack.database.db.execute(`select count(*)::int as n from orders where idempotency_key like 'multi-bad-%'`)) as unknown as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);
    // Another resident's binding with these bills: NOT_FOUND, as for one bill.
    expect(failure(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billIds: [id], idempotencyKey: 'multi-bad-00003' }, { openid: WANG.openid, now: NOON }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
