import { maskAccountNo, type OrderListEntry, PROVIDERS, providerById, toShanghaiIso } from '@bianmin/core';
import { and, eq } from 'drizzle-orm';
import { orderLines } from '../../db/schema';
import type { PayableKind, PayableWords } from '../../payments/kinds';
import type { OrderRow } from '../../payments/orders';
import type { CallContext } from '../../runtime/types';
import { utilityFor } from './utilities';
import { orderView } from './views';

/** The bills subpackage's result page shows a bill's and a top-up's order alike. */
const RESULT_PAGE = (orderId: string) => `/bills/pages/result/index?orderId=${orderId}`;

const words: PayableWords = {
  describe: (o: OrderRow) => `${providerById(o.providerId)?.kindName ?? '账单'} ${o.subjectLabel}（户号尾号 ${maskAccountNo(o.accountRef).slice(-4)}）`,
  refuser: (o: OrderRow) => providerById(o.providerId)?.name ?? '缴费单位',
  thing: '账单',
  booking: '入账',
  refusedTitle: '缴费单位未能入账，款项将原路退回',
  lateReason: '账单已由家人另行缴纳或正在缴纳',
  again: '如仍需缴费，请刷新账单后重新缴纳',
};

/**
 * The id a bill's posting carries (the department is idempotent on it): the order id for a
 * single bill, `<order>-<line>` for each bill of a multi-bill order.
 */
export const postingId = (orderId: string, lineNo: number, lineCount: number) => (lineCount === 1 ? orderId : `${orderId}-${lineNo}`);

/** One or more of a household's bills, in one payment. */
export const utilityBillPayable: PayableKind = {
  kind: 'utility',
  channel: 'cloudpay',
  async post(deps, order, lines, now) {
    // One posting per bill, each idempotent on its own posting id, each recorded as it lands:
    // after a crash or a refusal midway, a retry posts only what is left.
    const api = utilityFor(deps, order.providerId);
    const paidAt = toShanghaiIso(order.paidAt ?? now);
    const todo = lines.length ? lines : [{ lineNo: 1, billId: order.subjectId, amount: order.amount, departmentRef: null as string | null }];
    for (const line of todo) {
      if (line.departmentRef) continue;
      const posted = await api.postPayment(
        { orderId: postingId(order.id, line.lineNo, todo.length), accountNo: order.accountRef, billId: line.billId, amount: line.amount, paidAt },
        toShanghaiIso(now).slice(0, 10),
      );
      line.departmentRef = posted.paymentRef;
      if (lines.length) {
        const db = await deps.db();
        await db.update(orderLines).set({ departmentRef: posted.paymentRef, postedAt: now }).where(and(eq(orderLines.orderId, order.id), eq(orderLines.lineNo, line.lineNo)));
      }
    }
    return todo.map((l) => l.departmentRef).join(' ');
  },
  refusals: {
    BILL_ALREADY_PAID: '该账单已在其他渠道缴清',
    WRONG_PERIOD: '缴费时间不在该账单的缴费期内',
    BILL_NOT_FOUND: '缴费单位查不到这笔账单',
    ACCOUNT_NOT_FOUND: '缴费单位查不到这个户号',
    AMOUNT_MISMATCH: '缴费金额与账单不符',
  },
  words,
  view: (order, refund, lines) => ({ flow: 'bills', order: orderView(order, refund, lines) }),
  receiptPath: RESULT_PAGE,
};

/**
 * A receipt adds the meter's balance before and after as the department booked it (asked by our
 * order id, never computed here). If the department cannot say right now, the receipt goes
 * without it rather than failing.
 */
async function withTopupBalances(ctx: CallContext, entry: OrderListEntry): Promise<OrderListEntry> {
  if (entry.flow !== 'bills') return entry;
  const order = entry.order;
  // Only the power grid has prepay meters: its provider is the one of the order's kind.
  const provider = PROVIDERS.find((p) => p.kind === order.kind);
  if (order.purpose !== 'topup' || order.status !== 'settled' || !provider) return entry;
  try {
    const t = (await utilityFor(ctx.deps, provider.id).topup(order.orderId)).data;
    return { flow: 'bills', order: { ...order, topup: { balanceBefore: t.balanceBefore, balanceAfter: t.balanceAfter } } };
  } catch (e) {
    ctx.log.warn({ order: order.orderId, err: e instanceof Error ? e.message : String(e) }, 'top-up balances unavailable');
    return entry;
  }
}

/** Money put on a prepay electricity meter. */
export const prepaidTopupPayable: PayableKind = {
  kind: 'prepaid_topup',
  channel: 'cloudpay',
  async post(deps, order, _lines, now) {
    // One booking, idempotent on our order id: the meter's balance moves once however often we ask.
    const paidAt = toShanghaiIso(order.paidAt ?? now);
    return (await utilityFor(deps, order.providerId).postTopup({ orderId: order.id, accountNo: order.accountRef, amount: order.amount, paidAt })).paymentRef;
  },
  refusals: {
    ACCOUNT_NOT_FOUND: '缴费单位查不到这个户号',
    NOT_PREPAID: '该户不是预付费电表',
    BAD_TOPUP_AMOUNT: '预存金额不符合供电公司的规则',
  },
  words,
  view: (order, refund, lines) => ({ flow: 'bills', order: orderView(order, refund, lines) }),
  receipt: withTopupBalances,
  receiptPath: RESULT_PAGE,
};

/** What the bills flow sells. */
export const billsPayables = [utilityBillPayable, prepaidTopupPayable] as const;
