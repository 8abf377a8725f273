import { z } from 'zod';
import { ORDER_HISTORY } from '../orders';

/** A client-made key per payment attempt: a repeated tap carries the same one. */
export const idempotencyKey = z
  .string({ error: '请提供 idempotencyKey' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotencyKey 应为 8–64 位字母、数字、下划线或连字符');

/** Our order id, also WeChat Pay's outTradeNo. */
export const orderId = z.string({ error: '请提供订单号 orderId' }).regex(/^BM[0-9A-Z]{10,30}$/, '订单号 orderId 格式不正确');

export const orderHistory = z.enum(ORDER_HISTORY, { error: 'show 应为 paid（已支付）或 all（全部）' }).default('all');
