import { AppError, maskAccountNo, type PayResult, providerById, shanghaiDate } from '@bianmin/core';
import { and, eq } from 'drizzle-orm';
import { orders } from '../../db/schema';
import { closeExpiredOrders } from '../../payments/outbox';
import { oneItem } from '../../runtime/jobs';
import { linesOf, liveOrdersFor, placeOrder, payerOf } from '../../payments/orders';
import { paymentForOrder } from '../../payments/create';
import type { ResidentContext } from '../../runtime/types';
import { mapAccountRejection } from './bill';
import { billView, orderView } from './views';
import type { BindingContext } from './bindings';
import { utilityFor } from './utilities';

export interface PayBillInput {
  /** One bill… */
  billId?: string;
  /** …or several in one order (everything owed, or the months the resident chose). */
  billIds?: string[];
  idempotencyKey: string;
}

/** What the WeChat Pay sheet says the money is for (its `body` is at most 128 bytes). */
function describe(kindName: string, periods: string[], accountNo: string): string {
  const what = periods.length <= 3 ? periods.join('、') : `${periods[0]} 等 ${periods.length} 期`;
  return `${kindName} ${what} 户号 ${maskAccountNo(accountNo).slice(-4)}`;
}

/**
 * Pays one bill or several in one order. Amounts come from the department at this moment (never
 * from the client), the order and its lines are written before any money moves, and a duplicate
 * tap gets the same order and the same payment parameters back. Each bill is posted to the
 * department on its own once the money arrives (the outbox).
 */
export async function payBills(ctx: BindingContext, input: PayBillInput): Promise<PayResult> {
  const openid = ctx.caller.openid;
  const db = await ctx.deps.db();
  const binding = ctx.binding;
  const provider = providerById(binding.providerId)!;
  const now = ctx.clock.now();
  const asOf = shanghaiDate(now);
  const wanted = input.billIds ?? (input.billId !== undefined ? [input.billId] : []);
  if (!wanted.length) throw new AppError('INVALID_INPUT', '请选择要缴纳的账单。', { fields: { billIds: '请至少选择一期账单' } });

  let bills;
  try {
    // Fresh, not cached (it sets the amount), but identical in-flight reads are still shared.
    bills = (await utilityFor(ctx.deps, binding.providerId).bills(binding.accountNo, asOf, { fresh: true })).data;
  } catch (e) {
    throw mapAccountRejection(e, provider.name);
  }
  const field = input.billIds ? 'billIds' : 'billId';
  const chosen = wanted.map((id) => {
    const bill = bills.find((b) => b.billId === id);
    if (!bill) throw new AppError('NOT_FOUND', '没有找到这笔账单，请刷新后重试。', { fields: { [field]: '账单不存在' } });
    if (bill.status === 'paid') throw new AppError('CONFLICT', `${provider.kindName} ${bill.period} 账单已经缴清，无需重复缴费。`);
    return bill;
  });
  // Oldest first: the order's lines are posted in this order, and the receipt lists them so.
  chosen.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const lines = chosen.map((b) => {
    const v = billView(b, asOf, undefined);
    return { billId: b.billId, period: b.period, amount: v.amountDue, lateFee: v.lateFee };
  });

  await supersedeOwnPendingOrders(ctx, binding.providerId, lines.map((l) => l.billId), input.idempotencyKey);

  const order = await placeOrder(
    db,
    {
      openid,
      ...payerOf(ctx),
      idempotencyKey: input.idempotencyKey,
      kind: 'utility',
      bindingId: binding.id,
      providerId: binding.providerId,
      accountRef: binding.accountNo,
      subjectId: lines[0].billId,
      subjectLabel: lines.length === 1 ? lines[0].period : `${lines[0].period} 至 ${lines[lines.length - 1].period}`,
      amount: lines.reduce((s, l) => s + l.amount, 0),
      lateFee: lines.reduce((s, l) => s + l.lateFee, 0),
      lines,
    },
    now,
  );
  const payment = await paymentForOrder(ctx, order, describe(provider.kindName, lines.map((l) => l.period), binding.accountNo));
  return { order: orderView(order, undefined, await linesOf(db, order.id)), payment };
}

/**
 * A resident who left a payment sheet unpaid (取消) and now pays a different set of months — the
 * total instead of one month, say — would be blocked for 30 minutes by their own pending order.
 * That order is expired now through the shared expiry, which asks WeChat Pay first: one that was
 * paid meanwhile is booked (and the new order then refused as already paid), one being paid
 * right now is left alone, and only an unpaid one is closed, on WeChat's side too.
 */
async function supersedeOwnPendingOrders(ctx: ResidentContext, providerId: string, billIds: string[], idempotencyKey: string): Promise<void> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const wanted = billIds.slice().sort().join('\n');
  const live = [...new Map([...(await liveOrdersFor(db, providerId, billIds)).values()].map((o) => [o.id, o])).values()];
  // One expiry with WeChat Pay inside a resident's call (runtime/budgets.ts IN_CALL_EXPIRY_MS):
  // a second superseded order waits for paymentsWorker, and this payment for its bills meanwhile.
  const budget = oneItem();
  for (const order of live) {
    if (order.openid !== ctx.caller.openid || order.status !== 'pending' || order.idempotencyKey === idempotencyKey) continue;
    const covers = (await linesOf(db, order.id)).map((l) => l.billId);
    if ((covers.length ? covers : [order.subjectId]).sort().join('\n') === wanted) continue; // the same payment: placeOrder hands it back
    await db.update(orders).set({ expiresAt: now }).where(and(eq(orders.id, order.id), eq(orders.status, 'pending')));
    await closeExpiredOrders(ctx.deps, now, 1, budget, { providerId, subjectId: order.subjectId });
  }
}
