/**
 * What every payable kind's order shares, free of zod: the mini-program imports it without the
 * schemas (我的订单's labels, the receipts).
 */

/**
 * pending → paid → settled; pending → closed (expired unpaid); paid → refund_pending → refunded
 * (the department refused the money); closed → refund_pending → refunded (a payment arrived
 * after the thing was paid another way).
 */
export type OrderStatus = 'pending' | 'paid' | 'settled' | 'closed' | 'refund_pending' | 'refunded';

/**
 * Payments that went through and stay paid: what 我的订单 lists under 已支付 (the server's
 * `orders { show: 'paid' }` and the client's labels).
 */
export const PAID_ORDER_STATUSES: readonly OrderStatus[] = ['paid', 'settled'];

/**
 * 我的订单's switch: `paid` (the app's default) lists the payments that went through; `all` adds
 * the pending, closed and refunded ones. The API's default stays `all`, as before the switch.
 */
export const ORDER_HISTORY = ['paid', 'all'] as const;
export type OrderHistory = (typeof ORDER_HISTORY)[number];

/** Money on its way back, or returned: why, how much (fen), and where it stands. */
export interface RefundView {
  reason: 'late_payment' | 'duplicate_payment' | 'department_refused';
  amount: number;
  status: 'pending' | 'requested' | 'refunded';
}

/** What the client needs to take the money: WeChat Pay's parameters, or the sandbox sheet locally. */
export type PaymentParams =
  | { provider: 'wechat'; timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string; channelOrderId?: string }
  | { provider: 'sandbox'; orderId: string; amount: number; confirmPath: string; channelOrderId?: string };
