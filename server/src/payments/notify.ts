import { z } from 'zod';
import type { Deps } from '../runtime/types';
import { recordPayment } from './book';
import { completeRefund } from './refunds';
import { parseTimeEnd } from './wechat-time';

/**
 * Fen as WeChat Pay sends it through cloudPay: a JSON integer. Nothing that merely converts to
 * one — '1000', '0x3E8', '1e3', '1000.0', [1000], true — is an amount.
 */
const fen = z.number().int().positive().max(10_000_000_00);
const timeEnd = z.string().refine((s) => parseTimeEnd(s) !== null, 'time_end must be yyyyMMddHHmmss Beijing time');

/** WeChat Pay v2 payment notification fields as cloudPay hands them to the notify function (camelCase). */
const paymentSchema = z.object({
  returnCode: z.enum(['SUCCESS', 'FAIL']),
  resultCode: z.enum(['SUCCESS', 'FAIL']).optional(),
  outTradeNo: z.string().regex(/^BM[0-9A-Z]{10,30}$/),
  transactionId: z.string().regex(/^[0-9A-Za-z]{1,32}$/).optional(),
  totalFee: fen.optional(),
  timeEnd: timeEnd.optional(),
});

/** The refund notification (decrypted req_info fields, camelCase): it names our refund id. */
const refundSchema = z.object({
  returnCode: z.enum(['SUCCESS', 'FAIL']),
  outRefundNo: z.string().regex(/^RF[0-9A-Za-z]{1,62}$/),
  outTradeNo: z.string().regex(/^BM[0-9A-Z]{10,30}$/).optional(),
  refundId: z.string().max(64).optional(),
  refundStatus: z.enum(['SUCCESS', 'CHANGE', 'REFUNDCLOSE']),
  refundFee: fen.optional(),
  successTime: z.string().max(32).optional(),
});

export interface NotifyAnswer {
  errcode: number;
  errmsg: string;
}

const ok: NotifyAnswer = { errcode: 0, errmsg: 'OK' };
const reject = (errmsg: string): NotifyAnswer => ({ errcode: 1, errmsg });

const isRefundNotification = (event: unknown) => typeof event === 'object' && event !== null && !Array.isArray(event) && Object.prototype.hasOwnProperty.call(event, 'outRefundNo');

/**
 * WeChat Pay's notifications, payments and refunds both (cloudPay.refund names this function as
 * its callback too; a refund notification is the one carrying `outRefundNo`). Accepted only
 * from WeChat Pay (SOURCE = wx_paycallback, read by the entry from the WeChat context).
 *
 * The answer is given as soon as our transaction commits: no department is called here (the
 * outbox posts), so WeChat never waits on a slow department. Callbacks repeat for up to two
 * days; every repeat is answered `{ errcode: 0 }` and changes nothing.
 */
export async function handlePayNotify(deps: Deps, event: unknown, source: string | undefined, now: Date): Promise<NotifyAnswer> {
  const log = deps.log;
  if (source !== 'wx_paycallback') {
    log.warn({ source }, 'payment notification refused: not from WeChat Pay');
    return reject('source rejected');
  }
  if (isRefundNotification(event)) return handleRefundNotify(deps, event, now);

  const parsed = paymentSchema.safeParse(event);
  if (!parsed.success) {
    log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'payment notification refused: malformed');
    return reject('malformed');
  }
  const n = parsed.data;
  if (n.returnCode !== 'SUCCESS' || n.resultCode !== 'SUCCESS') {
    // The resident's payment failed; the order stays pending and the expiry job asks WeChat Pay before closing it.
    log.info({ order: n.outTradeNo, returnCode: n.returnCode, resultCode: n.resultCode }, 'payment notification: not paid');
    return ok;
  }
  if (!n.transactionId || n.totalFee === undefined || !n.timeEnd) return reject('missing transactionId, totalFee or timeEnd');

  const db = await deps.db();
  const { booking, order } = await recordPayment(db, log, deps.payables, { orderId: n.outTradeNo, transactionId: n.transactionId, amount: n.totalFee, paidAt: parseTimeEnd(n.timeEnd)! }, now);
  switch (booking) {
    case 'booked':
      log.info({ order: n.outTradeNo, amount: n.totalFee }, 'payment recorded');
      return ok;
    case 'replay':
    case 'refunding':
      return ok;
    case 'unknown_order':
      log.error({ order: n.outTradeNo }, 'payment notification for an unknown order');
      return reject('unknown order');
    case 'amount_mismatch':
      log.error({ order: n.outTradeNo, expected: order?.amount, got: n.totalFee }, 'payment notification amount mismatch');
      return reject('amount mismatch');
    case 'transaction_reused':
      return reject('transaction id belongs to another order');
  }
}

async function handleRefundNotify(deps: Deps, event: unknown, now: Date): Promise<NotifyAnswer> {
  const parsed = refundSchema.safeParse(event);
  if (!parsed.success) {
    deps.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'refund notification refused: malformed');
    return reject('malformed');
  }
  const n = parsed.data;
  if (n.returnCode !== 'SUCCESS' || n.refundStatus !== 'SUCCESS') {
    // CHANGE / REFUNDCLOSE: WeChat could not pay it back to the original account; a person must.
    deps.log.error({ alert: 'refund_failed', refund: n.outRefundNo, status: n.refundStatus }, 'WeChat Pay could not complete a refund');
    return ok;
  }
  const outcome = await completeRefund(await deps.db(), deps.payables, n.outRefundNo, now, n.refundId);
  if (outcome === 'unknown') {
    deps.log.error({ refund: n.outRefundNo }, 'refund notification for an unknown refund');
    return reject('unknown refund');
  }
  if (outcome === 'refunded') deps.log.info({ refund: n.outRefundNo }, 'refund completed');
  return ok;
}
