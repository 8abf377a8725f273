import { createHash } from 'node:crypto';
import { AppError, fenToYuan, maskAccountNo, type PayResult, providerById, shanghaiDate } from '@bianmin/core';
import { topupAmountProblem } from '@bianmin/core/topup-limits';
import { paymentForOrder } from '../../payments/create';
import { placeOrder, payerOf } from '../../payments/orders';
import { mapAccountRejection } from './bill';
import { orderView } from './views';
import type { BindingContext } from './bindings';
import { utilityFor } from './utilities';

export interface TopUpInput {
  /** Fen. */
  amount: number;
  idempotencyKey: string;
}

/**
 * Tops up a prepay electricity meter through the same order and payment path as a bill: the
 * order is written before any money moves, a duplicate tap gets the same order, and the outbox
 * books it at the department once (idempotent on the order id) or refunds it when refused. The
 * minimum and step are the department's, read from its account answer at this moment.
 */
export async function topUp(ctx: BindingContext, input: TopUpInput): Promise<PayResult> {
  const openid = ctx.caller.openid;
  const db = await ctx.deps.db();
  const binding = ctx.binding;
  const provider = providerById(binding.providerId)!;
  const notPrepaid = () => new AppError('FORBIDDEN', `这户不是预付费电表，无需预存，请按月缴纳${provider.kindName}。`);
  if (binding.kind !== 'electricity') throw notPrepaid();
  let account;
  try {
    account = (await utilityFor(ctx.deps, binding.providerId).account(binding.accountNo)).data;
  } catch (e) {
    throw mapAccountRejection(e, provider.name);
  }
  if (account.prepaidBalance === undefined || !account.topup) throw notPrepaid();
  const { minimum, step } = account.topup;
  if (input.amount < minimum) {
    throw new AppError('INVALID_INPUT', `预存金额最少 ¥${fenToYuan(minimum)}（${provider.name}的规定），请改为 ¥${fenToYuan(minimum)} 或以上。`, {
      fields: { amount: topupAmountProblem(input.amount, account.topup)! },
    });
  }
  if (input.amount % step !== 0) {
    throw new AppError('INVALID_INPUT', `预存金额须为 ¥${fenToYuan(step)} 的整数倍（${provider.name}的规定），请调整金额。`, {
      fields: { amount: topupAmountProblem(input.amount, account.topup)! },
    });
  }
  const now = ctx.clock.now();
  // The order's subject: one per resident and attempt, so that the "one live order per bill"
  // rule never makes two residents' top-ups collide, and a repeated tap names the same one.
  const topupId = `TOPUP-${createHash('sha256').update(`${openid}\n${input.idempotencyKey}`).digest('hex').slice(0, 20)}`;
  const order = await placeOrder(
    db,
    {
      openid,
      ...payerOf(ctx),
      idempotencyKey: input.idempotencyKey,
      kind: 'prepaid_topup',
      bindingId: binding.id,
      providerId: binding.providerId,
      accountRef: binding.accountNo,
      subjectId: topupId,
      subjectLabel: `预存 ${shanghaiDate(now)}`,
      amount: input.amount,
      lateFee: 0,
    },
    now,
  );
  if (order.amount !== input.amount || order.kind !== 'prepaid_topup') {
    throw new AppError('CONFLICT', '这次支付请求与之前的一笔订单编号重复，请返回重新发起预存。', { fields: { idempotencyKey: '已用于另一笔订单' } });
  }
  const payment = await paymentForOrder(ctx, order, `${provider.kindName}预存 户号 ${maskAccountNo(binding.accountNo).slice(-4)}`);
  return { order: orderView(order), payment };
}
