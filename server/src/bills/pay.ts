import { AppError, maskAccountNo, type PayResult, providerById, shanghaiDate } from '@bianmin/core';
import { orderView, placeOrder } from '../payments/orders';
import { paymentForOrder } from '../payments/create';
import type { CallContext } from '../runtime/types';
import { billView, mapAccountRejection } from './bill';
import { callerBinding } from './bindings';
import { utilityFor } from './utilities';

/**
 * Pays one bill. The amount comes from the department at this moment (never from the client),
 * the order is written before any money moves, and a duplicate tap gets the same order and the
 * same payment parameters back.
 */
export async function payBill(ctx: CallContext, input: { bindingId: string; billId: string; idempotencyKey: string }): Promise<PayResult> {
  const openid = ctx.caller!.openid;
  const db = await ctx.deps.db();
  const binding = await callerBinding(ctx, input.bindingId);
  const provider = providerById(binding.providerId)!;
  const now = ctx.clock.now();
  const asOf = shanghaiDate(now);

  let bills;
  try {
    // Fresh, not cached (it sets the amount), but identical in-flight reads are still shared.
    bills = (await utilityFor(ctx.deps, binding.providerId).bills(binding.accountNo, asOf, { fresh: true })).data;
  } catch (e) {
    throw mapAccountRejection(e, provider.name);
  }
  const bill = bills.find((b) => b.billId === input.billId);
  if (!bill) throw new AppError('NOT_FOUND', '没有找到这笔账单，请刷新后重试。', { fields: { billId: '账单不存在' } });

  const view = billView(bill, asOf, undefined);
  if (bill.status === 'paid') throw new AppError('CONFLICT', `${provider.kindName} ${bill.period} 账单已经缴清，无需重复缴费。`);

  const order = await placeOrder(
    db,
    {
      openid,
      idempotencyKey: input.idempotencyKey,
      kind: 'utility',
      bindingId: binding.id,
      providerId: binding.providerId,
      accountNo: binding.accountNo,
      billId: bill.billId,
      period: bill.period,
      amount: view.amountDue,
      lateFee: view.lateFee,
    },
    now,
  );
  return { order: orderView(order), payment: await paymentForOrder(ctx, order, `${provider.kindName} ${bill.period} 户号${maskAccountNo(binding.accountNo).slice(-4)}`) };
}
