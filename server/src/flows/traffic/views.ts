import { maskPlateDisplay, toShanghaiIso, type TrafficOrderStatus, type TrafficOrderView } from '@bianmin/core';
import { type OrderRow, type RefundRow, refundView } from '../../payments/orders';

/** How the traffic flow presents its rows and the traffic police's answers to a resident. */

/** A fine's order as the resident sees it: the plate masked, the decision number its receipt prints. */
export function trafficOrderView(r: OrderRow, refund?: RefundRow): TrafficOrderView {
  return {
    orderId: r.id,
    kind: 'traffic_fine',
    violationId: r.subjectId,
    vehicleId: r.bindingId,
    plateMasked: maskPlateDisplay(r.accountRef),
    decisionNo: r.subjectLabel,
    fine: r.amount - r.lateFee,
    lateFee: r.lateFee,
    amount: r.amount,
    status: r.status as TrafficOrderStatus,
    createdAt: toShanghaiIso(r.createdAt),
    expiresAt: toShanghaiIso(r.expiresAt),
    ...(r.paidAt ? { paidAt: toShanghaiIso(r.paidAt) } : {}),
    ...(r.settledAt ? { settledAt: toShanghaiIso(r.settledAt) } : {}),
    ...(r.closedAt ? { closedAt: toShanghaiIso(r.closedAt) } : {}),
    ...(r.refundedAt ? { refundedAt: toShanghaiIso(r.refundedAt) } : {}),
    ...(refund ? { refund: refundView(refund) } : {}),
    ...(r.departmentRef ? { departmentRef: r.departmentRef } : {}),
    ...(r.transactionId ? { transactionId: r.transactionId } : {}),
  };
}
