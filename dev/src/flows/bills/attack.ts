import type { BillResult, BindingView, PayResult } from '@bianmin/core';
import { LEAK } from '../../attack/leak';
import { RESIDENTS } from '../../fixtures';
import { ZHANG } from '../../testing/stack';
import { defineDevFlow, type FuzzExtra, NOON, seeded } from '../attack';

interface BillsOwned {
  bindingId: string;
  billId: string;
  orderId: string;
  accountNo: string;
  holderName: string;
  address: string;
}

/**
 * bills.pay's `billIds`, attacked by name: each must be refused with its own code (and, for bad
 * input, the field named) before anything is written — the resident's order count is checked
 * around the lot. `foreign` is another household's real bill ids (another resident's, and the same
 * resident's water bills offered to their electricity household).
 */
export const BILL_IDS_ATTACKS: ReadonlyArray<{ name: string; billIds: (o: BillsOwned, foreign: string[]) => unknown; code: 'INVALID_INPUT' | 'NOT_FOUND' }> = [
  { name: 'an empty list', billIds: () => [], code: 'INVALID_INPUT' },
  { name: 'the same bill twice', billIds: (o) => [o.billId, o.billId], code: 'INVALID_INPUT' },
  { name: 'another household’s bill', billIds: (_o, f) => [f[0]], code: 'NOT_FOUND' },
  { name: 'an own bill and another household’s', billIds: (o, f) => [o.billId, f[0]], code: 'NOT_FOUND' },
  { name: 'every foreign bill', billIds: (_o, f) => f, code: 'NOT_FOUND' },
  { name: '25 ids (one more than allowed)', billIds: (o) => Array.from({ length: 25 }, (_, i) => `${o.billId}-${i}`), code: 'INVALID_INPUT' },
  { name: '5000 ids (under the gateway’s body limit, so the schema answers)', billIds: () => Array.from({ length: 5000 }, (_, i) => `POWER-0300123456789-${i}`), code: 'INVALID_INPUT' },
  { name: 'a 200 KB id', billIds: () => ['x'.repeat(200 * 1024)], code: 'INVALID_INPUT' },
  { name: 'U+0000 in an id', billIds: (o) => [`${o.billId}\u0000`], code: 'INVALID_INPUT' },
  { name: 'control characters', billIds: (o) => [`${o.billId}\u0001\u001f`], code: 'INVALID_INPUT' },
  { name: 'a bidi override', billIds: (o) => [`\u202e${o.billId}`], code: 'INVALID_INPUT' },
  { name: 'a lone surrogate', billIds: (o) => [`${o.billId}\ud800`], code: 'INVALID_INPUT' },
  { name: 'a blank id', billIds: () => ['   '], code: 'INVALID_INPUT' },
  { name: 'numbers', billIds: () => [202602, 202603], code: 'INVALID_INPUT' },
  { name: 'null, an object and a list', billIds: (o) => [o.billId, null, { billId: o.billId }, [o.billId]], code: 'INVALID_INPUT' },
  { name: 'a string instead of a list', billIds: (o) => o.billId, code: 'INVALID_INPUT' },
  { name: 'an object instead of a list', billIds: (o) => ({ 0: o.billId, length: 1 }), code: 'INVALID_INPUT' },
  { name: 'SQL', billIds: () => ["' OR 1=1 --"], code: 'NOT_FOUND' },
];

export interface BillIdsOutcome {
  name: string;
  expected: 'INVALID_INPUT' | 'NOT_FOUND';
  code: string;
  /** For INVALID_INPUT: the fields named (one of them must be billIds or billIds.<n>). */
  fields: string[];
  message: string;
}

/** What is wrong with one billIds outcome, or null. */
export function billIdsProblem(o: BillIdsOutcome): string | null {
  if (o.code !== o.expected) return `expected ${o.expected}, got ${o.code} (${o.message})`;
  if (o.code === 'INVALID_INPUT' && !o.fields.some((f) => f === 'billIds' || f.startsWith('billIds.'))) return `INVALID_INPUT without naming billIds (fields: ${o.fields.join(', ') || 'none'})`;
  if (LEAK.test(o.message)) return `leaks: ${o.message}`;
  return null;
}

/**
 * Runs BILL_IDS_ATTACKS as `openid` against the first resident's electricity household, each
 * with a fresh idempotency key, and counts that resident's orders before and after.
 */
async function attackBillIds(url: string, owned: BillsOwned, openid: string): Promise<FuzzExtra> {
  const headers = (who: string) => ({ 'content-type': 'application/json', 'x-dev-now': NOON, 'x-dev-openid': who });
  const call = async (who: string, fn: string, body: unknown) => (await (await fetch(`${url}/api/${fn}`, { method: 'POST', headers: headers(who), body: JSON.stringify(body) })).json()) as {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
  const orders = async () => ((await call(openid, 'bills', { action: 'orders' })).data?.orders as unknown[] | undefined)?.length ?? -1;
  // Another resident's electricity household, bound by that resident, and the first resident's own water household.
  const other = RESIDENTS.find((r) => r.openid !== openid && r.utilityAccounts.some((a) => a.kind === 'electricity' && a.unpaidMonths > 0))!;
  const foreign: string[] = [];
  for (const [who, account] of [
    [other.openid, other.utilityAccounts.find((a) => a.kind === 'electricity')!],
    [openid, RESIDENTS.find((r) => r.openid === openid)!.utilityAccounts.find((a) => a.kind === 'water')!],
  ] as const) {
    const bound = await call(who, 'bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName });
    const bindingId = (bound.data?.binding as { bindingId: string } | undefined)?.bindingId;
    const bill = bindingId ? await call(who, 'bills', { action: 'bill', bindingId }) : undefined;
    foreign.push(...((bill?.data?.arrears as { bills: Array<{ billId: string }> } | undefined)?.bills.map((b) => b.billId) ?? []));
  }
  if (!foreign.length) throw new Error('attackBillIds: no foreign bill ids to offer');
  const ordersBefore = await orders();
  const outcomes: BillIdsOutcome[] = [];
  for (const [i, a] of BILL_IDS_ATTACKS.entries()) {
    const r = await call(openid, 'bills', { action: 'pay', bindingId: owned.bindingId, billIds: a.billIds(owned, foreign), idempotencyKey: `fuzz-bill-ids-${i}` });
    outcomes.push({ name: a.name, expected: a.code, code: r.ok ? 'OK' : (r.error?.code ?? '?'), fields: Object.keys(r.error?.fields ?? {}), message: r.error?.message ?? '' });
  }
  const ordersAfter = await orders();
  const failures = outcomes.flatMap((o) => {
    const problem = billIdsProblem(o);
    return problem ? [{ action: `pay billIds: ${o.name}`, problem }] : [];
  });
  if (ordersAfter !== ordersBefore) failures.push({ action: 'pay billIds', problem: `orders ${ordersBefore} → ${ordersAfter}: a refused billIds created an order` });
  return { outcomes, failures };
}

/** A bound electricity household with a pending order for its oldest bill. */
export const billsAttack = defineDevFlow({
  fn: 'bills',
  async seed(stack): Promise<BillsOwned> {
    const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const as = { openid: ZHANG.openid, now: NOON };
    const { binding } = seeded<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: power.accountNo, holderName: power.holderName }, as), 'bind');
    const bill = seeded<BillResult>(await stack.call('bills', { action: 'bill', bindingId: binding.bindingId }, as), 'bill');
    const billId = bill.arrears.bills[0].billId;
    const { order } = seeded<PayResult>(await stack.call('bills', { action: 'pay', bindingId: binding.bindingId, billId, idempotencyKey: 'matrix-seed-0001' }, as), 'pay');
    return { bindingId: binding.bindingId, billId, orderId: order.orderId, accountNo: power.accountNo, holderName: power.holderName, address: power.address };
  },
  secrets: (o) => ({
    bindingId: [o.bindingId],
    billId: [],
    orderId: [o.orderId],
    accountNo: [o.accountNo],
    holderName: [o.holderName, `${o.holderName[0]}*${o.holderName.slice(-1)}`],
    address: [o.address],
  }),
  recipes: {
    bind: {
      body: (o) => ({ action: 'bind', providerId: 'power', accountNo: o.accountNo, holderName: o.holderName }),
      replay: 'own',
      mayEcho: ['accountNo', 'holderName', 'address'],
    },
    // After the bind replay the other resident holds the same household, proven by its holder's name.
    bindings: { body: () => ({ action: 'bindings' }), replay: 'own', mayEcho: ['holderName', 'address'] },
    unbind: { body: (o) => ({ action: 'unbind', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
    bill: { body: (o) => ({ action: 'bill', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
    topup: { body: (o) => ({ action: 'topup', bindingId: o.bindingId, amount: 5000, idempotencyKey: 'matrix-topup-01' }), replay: 'NOT_FOUND' },
    usage: { body: (o) => ({ action: 'usage', bindingId: o.bindingId }), replay: 'NOT_FOUND' },
    pay: { body: (o) => ({ action: 'pay', bindingId: o.bindingId, billId: o.billId, idempotencyKey: 'matrix-replay-01' }), replay: 'NOT_FOUND' },
    order: { body: (o) => ({ action: 'order', orderId: o.orderId }), replay: 'NOT_FOUND' },
    orders: { body: () => ({ action: 'orders' }), replay: 'own' },
    dueReminders: { body: (o) => ({ action: 'dueReminders', bindingId: o.bindingId, on: false }), replay: 'NOT_FOUND' },
  },
  fuzz: attackBillIds,
});
