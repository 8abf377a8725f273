import { maskPlateDisplay, toShanghaiIso } from '@bianmin/core';
import { trafficFor } from '../../departments/traffic';
import type { PayableKind } from '../../payments/kinds';
import { trafficOrderView } from './views';

/** A traffic fine (fine + the statutory late fee as of the day it was priced), paid once. */
export const trafficFinePayable: PayableKind = {
  kind: 'traffic_fine',
  channel: 'cloudpay',
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
  // The fines' receipt lives in the traffic subpackage.
  receiptPath: (orderId) => `/traffic/pages/receipt/index?orderId=${orderId}`,
};

/** What the traffic flow sells. */
export const trafficPayables = [trafficFinePayable] as const;
