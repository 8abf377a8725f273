import type { Envelope, TrafficOrderView, TrafficPayResult, VehicleView, ViolationsResult } from '@bianmin/core';
import { ZHANG, type TestStack } from '../testing/stack';

/**
 * Named attacks: each one an attacker's finding, replayed against the whole local stack exactly
 * as it was reported, and what must hold instead. They run in order on one stack per store
 * (named-attacks.test.ts); each uses callers of its own, so that one attack's limits and rows
 * never decide another's outcome.
 */
export interface NamedAttack {
  /** Short, stable: what the closing notes count and cite. */
  name: string;
  /** What the attacker did and what must hold. */
  claim: string;
  run(stack: TestStack): Promise<void>;
}

type Call = { status: number; body: Envelope<unknown> };

export function data<T>(r: { body: Envelope<unknown> }, what = 'call'): T {
  const b = r.body;
  if (!b.ok) throw new Error(`${what}: ${b.error.code} ${b.error.message}`);
  return b.data as T;
}

const json = async (res: Response) => (await res.json()) as unknown;

async function dev(stack: TestStack, path: string, now: string, body?: unknown): Promise<unknown> {
  return json(await fetch(`${stack.url}/api/__dev/${path}`, { method: 'POST', headers: { 'x-dev-now': now, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
}

function expectThat(ok: boolean, what: string, seen?: unknown): void {
  if (!ok) throw new Error(`${what}${seen === undefined ? '' : `; got ${JSON.stringify(seen).slice(0, 600)}`}`);
}

const SEVENTEEN_DAYS = '44030126000002';

/** A fine priced at 23:50, paid 30 s after midnight (the late fee grew), refused by the traffic police and refunded in full. */
async function refundedFine(stack: TestStack): Promise<void> {
  const openid = 'oAttackRefundedFine001';
  const car = ZHANG.vehicles[0];
  const call = (body: Record<string, unknown>, now: string) => stack.call('traffic', body, { openid, now });
  const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, '2026-03-10T23:40:00+08:00'), 'addVehicle');
  const { order } = data<TrafficPayResult>(await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: SEVENTEEN_DAYS, idempotencyKey: 'attack-refund-fine-1' }, '2026-03-10T23:50:00+08:00'), 'pay');
  expectThat(order.amount === 10600, 'priced on 10 March: fine ¥100 + 2 days × 3%', order);
  expectThat((await dev(stack, `payments/${order.orderId}/confirm`, '2026-03-11T00:00:30+08:00')) !== null, 'paid');
  await dev(stack, 'jobs/outbox', '2026-03-11T00:01:00+08:00');

  const violations = async (now: string) => data<ViolationsResult>(await call({ action: 'violations', vehicleId: vehicle.vehicleId }, now), 'violations');
  const owedAgain = async (now: string, state: string) => {
    const r = await violations(now);
    const v = r.groups.flatMap((g) => g.violations).find((x) => x.violationId === SEVENTEEN_DAYS)!;
    expectThat(v.status === 'decided' && v.group === 'payable', `${state}: the fine is owed again (待缴款, decided), never paid or paying`, v);
    expectThat(v.orderId === undefined && v.paidAt === undefined, `${state}: no order id and no paid time on a fine whose money went back`, v);
    expectThat(v.today?.amountDue === 10900, `${state}: owed with today's amount (3 overdue days on 11 March)`, v.today);
    const done = r.groups.find((g) => g.key === 'done')!;
    const payable = r.groups.find((g) => g.key === 'payable')!;
    expectThat(!done.violations.some((x) => x.violationId === SEVENTEEN_DAYS) && done.total === done.violations.reduce((s, x) => s + x.fine, 0), `${state}: 已完成 neither lists it nor counts it`, done);
    expectThat(payable.violations.some((x) => x.violationId === SEVENTEEN_DAYS) && payable.total >= 10900, `${state}: 待缴款 counts it at today's amount`, payable.total);
  };
  const first = data<{ order: TrafficOrderView }>(await call({ action: 'order', orderId: order.orderId }, '2026-03-11T00:02:00+08:00'), 'order').order;
  expectThat(first.status === 'refund_pending', 'the traffic police refused the posting: refunding', first);
  await owedAgain('2026-03-11T09:00:00+08:00', 'refund pending');

  await dev(stack, 'jobs/refunds', '2026-03-11T00:05:00+08:00');
  await stack.pay!.idle();
  const refunded = data<{ order: TrafficOrderView }>(await call({ action: 'order', orderId: order.orderId }, '2026-03-11T09:00:00+08:00'), 'order').order;
  expectThat(refunded.status === 'refunded' && refunded.refund?.status === 'refunded' && refunded.refund.amount === 10600 && Boolean(refunded.refundedAt), 'the fine’s receipt answers for the refunded order: refunded, ¥106.00 returned, when', refunded);
  await owedAgain('2026-03-11T09:00:00+08:00', 'refunded');

  // The message centre: every refund message opens the fine's receipt, worded as a fine.
  const inbox = data<{ messages: Array<{ kind: string; title: string; body: string; path: string | null }> }>(await stack.call('messages', { action: 'list' }, { openid, now: '2026-03-11T09:00:00+08:00' }), 'messages');
  const refundMessages = inbox.messages.filter((m) => m.kind === 'refund');
  expectThat(refundMessages.length === 2, 'one message when the refund is queued, one when it is done', inbox.messages);
  for (const m of refundMessages) {
    expectThat(m.path === `/traffic/pages/receipt/index?orderId=${order.orderId}`, 'the refund message opens the fine’s receipt', m);
    expectThat(!/户号/.test(m.body) && m.body.includes(order.decisionNo) && m.body.includes(order.plateMasked), 'worded as a fine: plate and decision number, never 户号', m);
  }
  // And it can be paid again, at today's price.
  const again = data<TrafficPayResult>(await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: SEVENTEEN_DAYS, idempotencyKey: 'attack-refund-fine-2' }, '2026-03-11T09:00:00+08:00'), 'pay again');
  expectThat(again.order.amount === 10900 && again.order.orderId !== order.orderId, 'a new order at today’s amount', again.order);
}

export const NAMED_ATTACKS: readonly NamedAttack[] = [
  {
    name: 'refunded fine shown as paid',
    claim: 'a fine refused by the traffic police and refunded is owed again under 待缴款 with today’s amount, out of 已完成’s total; its refund messages open the fine’s receipt, which shows the refund',
    run: refundedFine,
  },
];

export type { Call };
