import type { OrderStatus } from './schemas/bills';

/**
 * Payments that went through and stay paid: what 我的订单 lists under 已支付 (the server's
 * `orders { show: 'paid' }` and the client's labels). Its own module, free of zod, so the
 * mini-program imports it without the schemas.
 */
export const PAID_ORDER_STATUSES: readonly OrderStatus[] = ['paid', 'settled'];
