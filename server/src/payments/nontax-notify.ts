import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ServerConfig } from '../config';
import type { Deps } from '../runtime/types';
import { recordPayment } from './book';
import { NONTAX_STATUS } from './nontax';
import type { NotifyAnswer } from './notify';

// Apart from the channel (nontax.ts): only the receiver's bundle carries the notification's schema and the booking.

/** WeChat Pay v2's signature (HMAC-SHA256 over the sorted non-empty fields but `sign`, `&key=`), upper-case hex. */
export function nontaxSign(fields: Record<string, unknown>, key: string): string {
  const text = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== undefined && fields[k] !== null && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${typeof fields[k] === 'object' ? JSON.stringify(fields[k]) : String(fields[k])}`)
    .join('&');
  return createHmac('sha256', key).update(`${text}&key=${key}`).digest('hex').toUpperCase();
}

const notificationSchema = z.object({
  appid: z.string().min(1).max(32),
  order_id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
  order_no: z.string().regex(/^BM[0-9A-Z]{10,30}$/),
  payment_notice_no: z.string().min(1).max(64),
  trans_id: z.string().regex(/^[0-9A-Za-z]{1,32}$/),
  // Fen as a JSON integer: nothing that merely converts to one.
  fee: z.number().int().positive().max(10_000_000_00),
  pay_finish_time: z.number().int().positive(),
  status: z.number().int(),
  bill_type_code: z.string().max(32).optional(),
  bill_no: z.string().max(64).optional(),
  nonce_str: z.string().regex(/^[0-9A-Za-z]{1,32}$/),
  sign: z.string().regex(/^[0-9A-F]{64}$/),
});

/**
 * The 非税 payment notification: its signature checked first (a forged or altered one is refused
 * and changes nothing), then recorded once per trans_id with the order's move to paid and the
 * posting's outbox row in one transaction, as payNotify records WeChat Pay's — the same
 * `recordPayment`, so a replay, a second payment or a late one end the same way.
 */
export async function handleNontaxNotify(deps: Pick<Deps, 'db' | 'log' | 'payables'>, event: unknown, key: string, now: Date): Promise<NotifyAnswer> {
  const log = deps.log;
  const raw = event && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : null;
  const given = raw && typeof raw.sign === 'string' ? Buffer.from(raw.sign) : Buffer.alloc(0);
  const expected = raw ? Buffer.from(nontaxSign(raw, key)) : Buffer.alloc(1);
  if (!raw || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    log.warn({ order: raw && typeof raw.order_no === 'string' ? raw.order_no.slice(0, 40) : undefined }, '非税 notification refused: bad signature');
    return { errcode: 1, errmsg: 'sign error' };
  }
  const parsed = notificationSchema.safeParse(raw);
  if (!parsed.success) {
    log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, '非税 notification refused: malformed');
    return { errcode: 1, errmsg: 'malformed' };
  }
  const n = parsed.data;
  if (n.status !== NONTAX_STATUS.paid && n.status !== NONTAX_STATUS.paidAlt) {
    log.info({ order: n.order_no, status: n.status }, '非税 notification: not a payment');
    return { errcode: 0, errmsg: 'ok' };
  }
  const db = await deps.db();
  const { booking, order } = await recordPayment(db, log, deps.payables, { orderId: n.order_no, transactionId: n.trans_id, amount: n.fee, paidAt: new Date(n.pay_finish_time * 1000) }, now);
  switch (booking) {
    case 'booked':
      log.info({ order: n.order_no, amount: n.fee }, '非税 payment recorded');
      return { errcode: 0, errmsg: 'ok' };
    case 'replay':
    case 'refunding':
      return { errcode: 0, errmsg: 'ok' };
    case 'unknown_order':
      log.error({ order: n.order_no }, '非税 notification for an unknown order');
      return { errcode: 1, errmsg: 'unknown order' };
    case 'amount_mismatch':
      log.error({ order: n.order_no, expected: order?.amount, got: n.fee }, '非税 notification amount mismatch');
      return { errcode: 1, errmsg: 'amount mismatch' };
    case 'transaction_reused':
      return { errcode: 1, errmsg: 'trans_id belongs to another order' };
  }
}

/**
 * The deployed nontaxNotify function's handler: the notification checked with the key the
 * non-tax platform issued (NONTAX_NOTIFY_KEY, which its deployment requires).
 */
export async function nontaxNotify(deps: Pick<Deps, 'db' | 'log' | 'payables'>, config: Pick<ServerConfig, 'nontaxNotifyKey'>, body: unknown, now: Date): Promise<NotifyAnswer> {
  if (!config.nontaxNotifyKey) throw new Error('NONTAX_NOTIFY_KEY is not set');
  return handleNontaxNotify(deps, body, config.nontaxNotifyKey, now);
}
