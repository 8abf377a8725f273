import { defineFlow, pathsOf, withQuery } from '../flows/define';

/** Traffic violations: my vehicles, add one (typed or by photo), violations, one violation (confirm, pay), the receipt. */
export const trafficFlow = defineFlow({
  root: 'traffic',
  title: '交通违法：我的车辆、添加车辆（手填或拍行驶证）、违法记录、违法详情（处理、缴款）、缴款凭证',
  pages: {
    vehicles: 'pages/vehicles/index',
    add: 'pages/add/index',
    violations: 'pages/violations/index',
    violation: 'pages/violation/index',
    receipt: 'pages/receipt/index',
  },
  services: { 'traffic.query': 'vehicles', 'traffic.pay': 'vehicles' },
});

export const PATHS = pathsOf(trafficFlow);

export function violationsUrl(vehicleId: string): string {
  return withQuery(PATHS.violations, { vehicleId });
}

export function violationUrl(vehicleId: string, violationId: string): string {
  return withQuery(PATHS.violation, { vehicleId, violationId });
}

/** A fine's receipt; stable (我的订单 and the refund messages link here). `justPaid`: a still-pending order means "confirming". */
export function receiptUrl(orderId: string, justPaid = false): string {
  return withQuery(PATHS.receipt, { orderId, paid: justPaid ? 1 : undefined });
}
