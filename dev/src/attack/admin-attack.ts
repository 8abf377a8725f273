import type { AdminAction } from '@bianmin/core/admin/contract';
import { scheduledService } from '@bianmin/core/availability/index';
import type { BillResult, BindingView, PayResult } from '@bianmin/core';
import { LI, type TestStack } from '../testing/stack';

/**
 * The operator console's side of the attack suite: what the authorization matrix and the fuzz
 * suite need to call every admin action with real ids. A new admin action joins by being declared
 * in server/src/admin/function.ts — and fails admin-matrix.test.ts until it has a recipe here.
 */
export const ADMIN_NOW = '2026-03-10T12:00:00+08:00';

/** Real things of the water and power departments, and of the city, that the recipes name. */
export interface OperatorsWork {
  waterNoticeId: string;
  waterVersionId: string;
  /** A reconciliation difference no department owns (WeChat settled it, our ledger lacks it): the city's. */
  cityDifferenceId: string;
  /** A refund of the power department's money that WeChat refused. */
  powerRefundId: string;
}

export interface AdminRecipe {
  body(w: OperatorsWork): Record<string, unknown>;
  /** For a write: whose item it is (may act), and an operator of another department (FORBIDDEN). */
  owner?: string;
  stranger?: string;
  /** For a read only some departments hold: the department operator who reads it (others: FORBIDDEN). */
  reader?: string;
}

export const ADMIN_RECIPES: Record<AdminAction, AdminRecipe> = {
  signInUrl: { body: () => ({ state: 'attack-state-0001' }) },
  signIn: { body: () => ({ code: 'not-a-real-wecom-code' }) },
  me: { body: () => ({}) },
  signOut: { body: () => ({}) },
  'notices.publish': {
    body: () => ({ serviceIds: ['bills.water.query'], kind: 'maintenance', startsAt: '2026-03-21T01:00:00+08:00', endsAt: '2026-03-21T02:00:00+08:00', reason: '管网检修' }),
    owner: 'op-water-01',
    stranger: 'op-power-01',
  },
  'notices.end': { body: (w) => ({ noticeId: w.waterNoticeId }), owner: 'op-water-01', stranger: 'op-power-01' },
  'notices.list': { body: () => ({ status: 'all' }) },
  'schedules.list': { body: () => ({ serviceId: 'bills.water.query' }) },
  'schedules.set': {
    body: () => ({ serviceId: 'bills.water.query', effectiveFrom: '2026-04-01', schedule: scheduledService('bills.water.query')!.schedule, note: '夏令时间' }),
    owner: 'op-water-01',
    stranger: 'op-power-01',
  },
  'schedules.withdraw': { body: (w) => ({ versionId: w.waterVersionId }), owner: 'op-water-01', stranger: 'op-power-01' },
  'queues.refunds': { body: () => ({}) },
  'queues.retryRefund': { body: (w) => ({ refundId: w.powerRefundId }), owner: 'op-power-01', stranger: 'op-water-01' },
  'queues.differences': { body: () => ({ status: 'all' }) },
  'queues.resolveDifference': { body: (w) => ({ itemId: w.cityDifferenceId, note: '已与微信支付核对' }), owner: 'op-admin-01', stranger: 'op-water-01' },
  // The 12345 centre chases the deadlines; the handling bureaus work in the platform itself.
  'queues.tickets': { body: () => ({}), reader: 'op-hotline-01' },
  'health.history': { body: () => ({ days: 7 }) },
  'audit.list': { body: () => ({ limit: 5 }) },
  'operators.list': { body: () => ({}) },
};

/** `POST /api/admin` as an operator (a fresh session at `now`), with a raw JSON text or a body. */
export async function adminCall(stack: TestStack, operatorId: string | null, body: unknown, opts: { now?: string; openid?: string } = {}): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const now = opts.now ?? ADMIN_NOW;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dev-now': now };
  if (opts.openid) headers['x-dev-openid'] = opts.openid;
  if (operatorId) headers.authorization = `Bearer ${await sessionOf(stack, operatorId, now)}`;
  const res = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as never };
}

export async function sessionOf(stack: TestStack, operatorId: string, now = ADMIN_NOW): Promise<string> {
  const r = await fetch(`${stack.url}/api/__dev/operators/${operatorId}/session`, { method: 'POST', headers: { 'x-dev-now': now } });
  const b = (await r.json()) as { ok: boolean; data: { token: string } };
  if (!b.ok) throw new Error(`no session for ${operatorId}`);
  return b.data.token;
}

function data<T>(r: { body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } | object }): T {
  const b = r.body as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error?.code}: ${b.error?.message}`);
  return b.data as T;
}

/**
 * Makes the things the recipes name, through the same calls people make: a water notice and
 * schedule version, a payment only WeChat has (reconciled into the city's queue), and a power
 * refund WeChat refused.
 */
export async function seedOperatorsWork(stack: TestStack): Promise<OperatorsWork> {
  const { notice } = data<{ notice: { noticeId: string } }>(await adminCall(stack, 'op-water-01', { action: 'notices.publish', ...ADMIN_RECIPES['notices.publish'].body({} as OperatorsWork) }));
  const { version } = data<{ version: { versionId: string } }>(await adminCall(stack, 'op-water-01', { action: 'schedules.set', ...ADMIN_RECIPES['schedules.set'].body({} as OperatorsWork) }));

  stack.pay!.orders.set('BMATTACK0000000000001', { outTradeNo: 'BMATTACK0000000000001', totalFee: 1234, state: 'SUCCESS', transactionId: '4200000000000000000000007777', timeEnd: '20260309100000', refunds: new Map() });
  await fetch(`${stack.url}/api/__dev/jobs/reconcile`, { method: 'POST', headers: { 'x-dev-now': ADMIN_NOW } });
  const { differences } = data<{ differences: Array<{ itemId: string; orderId: string | null }> }>(await adminCall(stack, 'op-admin-01', { action: 'queues.differences', status: 'open' }));
  const difference = differences.find((d) => d.orderId === 'BMATTACK0000000000001');
  if (!difference) throw new Error('the planted difference was not listed');

  const acct = LI.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const as = { openid: LI.openid, now: ADMIN_NOW };
  const { binding } = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: acct.accountNo, holderName: acct.holderName }, as));
  const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, as)).arrears.bills[0];
  const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'attack-refund-0001' }, as));
  const power = stack.sandboxes.power;
  await fetch(`${power.url}/payments?asOf=2026-03-10`, { method: 'POST', headers: { 'x-api-key': power.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ orderId: 'COUNTER-ATTACK', accountNo: acct.accountNo, billId: bill.billId, amount: bill.amountDue, paidAt: ADMIN_NOW }) });
  await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': ADMIN_NOW } });
  await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:01:00+08:00' } });
  stack.pay!.refuseRefunds('NOTENOUGH');
  await fetch(`${stack.url}/api/__dev/jobs/refunds`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:02:00+08:00' } });
  const { refunds } = data<{ refunds: Array<{ refundId: string; orderId: string }> }>(await adminCall(stack, 'op-admin-01', { action: 'queues.refunds' }));
  // Listed once refused enough times; before that the id is read from the order's view.
  const listed = refunds.find((r) => r.orderId === order.orderId);
  const refundId = listed?.refundId ?? (await refundIdOf(stack, order.orderId));
  return { waterNoticeId: notice.noticeId, waterVersionId: version.versionId, cityDifferenceId: difference.itemId, powerRefundId: refundId };
}

async function refundIdOf(stack: TestStack, orderId: string): Promise<string> {
  const r = (await stack.database.db.execute(`select id from refunds where order_id = '${orderId.replace(/'/g, '')}'`)) as unknown as { rows: Array<{ id: string }> };
  if (!r.rows[0]) throw new Error('no refund was made for the seeded order');
  return r.rows[0].id;
}
