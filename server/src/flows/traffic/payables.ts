import { maskPlateDisplay, toShanghaiIso } from '@bianmin/core';
import { trafficFor } from '../../departments/traffic';
import { eq } from 'drizzle-orm';
import { orders } from '../../db/schema';
import { channelOrderIdOf } from '../../payments/channels';
import type { PayableKind } from '../../payments/kinds';
import { trafficOrderView } from './views';

/** A traffic fine (fine + the statutory late fee as of the day it was priced), paid once. */
export const trafficFinePayable: PayableKind = {
  kind: 'traffic_fine',
  // A fine is government non-tax revenue: paid through WeChat's 非税缴费 to the treasury, which issues a 财政电子票据.
  channel: 'nontax',
  notice: (order) => ({
    // The decision number is the notice the treasury books the fine against.
    paymentNoticeNo: order.subjectLabel,
    noticeType: 2,
    // Our record of the decision has its date, not its instant: the order's pricing stands in for it.
    issuedAt: order.createdAt,
    items: [
      { itemId: 'FINE', itemName: '罚款', fee: order.amount - order.lateFee },
      ...(order.lateFee > 0 ? [{ itemId: 'LATE_FEE', itemName: '加处罚款', fee: order.lateFee }] : []),
    ],
  }),
  async post(deps, order, _lines, now) {
    const paidAt = toShanghaiIso(order.paidAt ?? now);
    return (
      await trafficFor(deps).postPayment({ orderId: order.id, violationId: order.subjectId, plate: order.accountRef, decisionNo: order.subjectLabel, amount: order.amount, paidAt })
    ).paymentRef;
  },
  refusals: {
    ALREADY_PAID: '该罚款已在其他渠道缴纳',
    UNDER_APPEAL: '该违法记录正在申诉复核中，不能缴款',
    NOT_DECIDED: '该违法记录尚未作出处罚决定',
    VIOLATION_NOT_FOUND: '交警部门查不到这条违法记录',
  },
  words: {
    describe: (o) => `交通罚款（车辆 ${maskPlateDisplay(o.accountRef)}，处罚决定书编号 ${o.subjectLabel}）`,
    refuser: () => '交通警察部门',
    thing: '罚款',
    booking: '销账',
    refusedTitle: '交警未能销账，款项将原路退回',
    lateReason: '这笔罚款已另有订单在缴纳',
    again: '这笔罚款仍未缴纳，加处罚款会按日增加，请回到违法记录按当日金额重新缴纳',
  },
  view: (order, refund) => ({ flow: 'traffic', order: trafficOrderView(order, refund) }),
  // The fiscal e-receipt is the treasury's, issued after the payment: asked of the channel when the
  // receipt is opened (never stored twice), and a channel that does not answer leaves it out.
  async receipt(ctx, entry) {
    if (entry.flow !== 'traffic' || !ctx.deps.nontax) return entry;
    const o = entry.order;
    if (!o.paidAt) return entry;
    try {
      const db = await ctx.deps.db();
      const [row] = await db.select({ payment: orders.payment }).from(orders).where(eq(orders.id, o.orderId));
      const answer = await ctx.deps.nontax.queryOrder(o.orderId, row ? channelOrderIdOf(row) : undefined);
      return answer.state === 'paid' && answer.eReceipt ? { ...entry, order: { ...o, eReceipt: answer.eReceipt } } : entry;
    } catch (e) {
      ctx.log.warn({ order: o.orderId, err: e instanceof Error ? e.message : String(e) }, 'fiscal receipt not available');
      return entry;
    }
  },
  // The fines' receipt lives in the traffic subpackage.
  receiptPath: (orderId) => `/traffic/pages/receipt/index?orderId=${orderId}`,
};

/** What the traffic flow sells. */
export const trafficPayables = [trafficFinePayable] as const;
