import type { PaymentParams } from '@bianmin/core';
import { PAY_CALL_TIMEOUT_MS, withTimeout } from '../runtime/budgets';
import { snakeKey } from './cloudpay-case';
import type { PaymentNotice } from './kinds';
import { parseTimeEnd } from './wechat-time';

export interface PaymentRequest {
  orderId: string;
  /** Fen. */
  amount: number;
  /** What the resident sees on the WeChat Pay sheet, e.g. '电费 2026-02 户号 6789'. */
  description: string;
  openid: string;
  /** The 缴款通知书 it pays: given for a nontax kind, ignored by cloudPay. */
  notice?: PaymentNotice;
}

/** A 财政电子票据 (fiscal electronic receipt) the treasury issued for a 非税 payment: getorder's bill_type_code and bill_no. */
export interface FiscalReceipt {
  billTypeCode: string;
  billNo: string;
}

/** What WeChat Pay knows about one of our orders. */
export type ProviderOrder =
  | { state: 'paid'; transactionId: string; amount: number; paidAt: Date; eReceipt?: FiscalReceipt }
  /** Paid, and (partly) refunded since: the payment happened all the same. */
  | { state: 'refunded'; transactionId: string; amount: number; paidAt: Date }
  /** Not paid yet; the sheet may still be paid until the order is closed. */
  | { state: 'unpaid' }
  /** The resident is entering the password right now: ask again later. */
  | { state: 'paying' }
  | { state: 'closed' }
  /** WeChat Pay has never heard of it (the payment was never created). */
  | { state: 'unknown' };

export interface RefundRequest {
  /** Our refund id: WeChat Pay's out_refund_no. The same id never refunds twice. */
  refundId: string;
  orderId: string;
  transactionId: string;
  /** Fen: the payment's whole amount, and what goes back. */
  totalFee: number;
  refundFee: number;
  /** When we ask (the caller's clock); only the sandbox uses it, to date its refund notification. */
  requestedAt?: Date;
  /** The channel's own order id (非税's order_id), when the channel names orders by its own ids. */
  channelOrderId?: string;
}

export type RefundAnswer =
  /** Accepted; WeChat Pay finishes it and sends a refund notification. */
  | { state: 'processing'; providerRefundId?: string }
  | { state: 'refunded'; providerRefundId?: string };

/** WeChat Pay said no (not a network failure): `code` is its err_code, e.g. ORDERPAID. */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
  constructor(
    readonly operation: string,
    readonly code: string,
    message: string,
  ) {
    super(`${operation} failed: ${code} ${message}`.trim());
  }
}

/**
 * Where the money is taken and given back. On CloudBase: WeChat Pay through cloud.cloudPay, whose
 * notifications (payments and refunds) arrive at the payNotify function. Locally: the WeChat Pay
 * sandbox (dev/src/sandboxes/pay.ts), an HTTP server that speaks cloudPay's calls, keeps its own
 * orders and refunds, and delivers the very same notifications.
 * Every call may be repeated: creating the payment twice for one order, closing a closed order
 * or asking for a refund again with the same refund id is harmless.
 */
export interface PaymentProvider {
  createPayment(req: PaymentRequest): Promise<PaymentParams>;
  /** `channelOrderId`: the channel's own id saved with the payment parameters (非税's order_id; cloudPay needs none). */
  queryOrder(orderId: string, channelOrderId?: string): Promise<ProviderOrder>;
  /** Makes the sheet unpayable. 'paid' when the resident paid first (WeChat's ORDERPAID). */
  closeOrder(orderId: string, channelOrderId?: string): Promise<'closed' | 'paid'>;
  refund(req: RefundRequest): Promise<RefundAnswer>;
  /**
   * WeChat Pay's statement of one day (对账单, bill_type ALL) as its text, or null when WeChat has
   * none for that day (no transactions, or not generated yet: it is made from 09:00 the next day).
   * `billDate` is `YYYYMMDD`, Beijing time.
   */
  downloadBill?(billDate: string): Promise<string | null>;
}

/**
 * The calls of `cloud.cloudPay` we use. Arguments are spelled as WeChat's reference for each call
 * spells them (unifiedOrder camelCase; queryOrder, closeOrder and refund snake_case, with refund's
 * functionName / envId camelCase); the SDK sends them all snake_case (cloudpay-case.ts).
 */
export interface CloudPay {
  unifiedOrder(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  queryOrder(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  closeOrder(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  refund(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  /** Only the reconciliation asks for it. */
  downloadBill?(args: Record<string, unknown>): Promise<CloudPayAnswer>;
}

/** An answer as it arrives: camelCase from the SDK, or snake_case as the reference's tables and HTTP calls give it. */
export type CloudPayAnswer = Record<string, unknown>;

export interface CloudPayConfig {
  subMchId: string;
  envId: string;
  /** The function WeChat Pay notifies of payments and refunds (its permissions are derived from the payments platform's declarations, payments/functions.ts). */
  notifyFunction: string;
}

/** A field of the answer in either spelling: the SDK's camelCase first, the reference's snake_case next. */
const field = (a: CloudPayAnswer, camel: string): unknown => a[camel] ?? a[snakeKey(camel)];
const text = (a: CloudPayAnswer, camel: string): string => {
  const v = field(a, camel);
  return typeof v === 'string' ? v : '';
};

/** WeChat Pay's words for the refusals we act on: the SDK overwrites err_code with its own 0, and only err_code_des survives. */
const CODES_BY_WORDS: Array<[RegExp, string]> = [
  [/订单已支付/, 'ORDERPAID'],
  [/订单已关闭/, 'ORDERCLOSED'],
  [/订单号不存在|订单不存在/, 'ORDERNOTEXIST'],
  // A refund the merchant's balance cannot cover: the operators' refunds queue names it.
  [/余额不足/, 'NOTENOUGH'],
];

/** WeChat Pay's business error code: err_code when it survived (a string), else read from its words. */
function wxErrCode(a: CloudPayAnswer): string {
  for (const v of [a.err_code, a.errCode]) if (typeof v === 'string' && v) return v;
  const words = text(a, 'errCodeDes');
  return CODES_BY_WORDS.find(([re]) => re.test(words))?.[1] ?? '';
}

const succeeded = (a: CloudPayAnswer) => text(a, 'returnCode') === 'SUCCESS' && text(a, 'resultCode') === 'SUCCESS';
const failure = (op: string, a: CloudPayAnswer) =>
  new PaymentProviderError(op, wxErrCode(a) || (text(a, 'returnCode') === 'FAIL' ? 'FAIL' : 'UNKNOWN'), text(a, 'errCodeDes') || text(a, 'returnMsg') || text(a, 'errMsg'));

function paidFields(op: string, a: CloudPayAnswer) {
  const transactionId = text(a, 'transactionId');
  const totalFee = field(a, 'totalFee');
  const timeEnd = text(a, 'timeEnd');
  const paidAt = timeEnd ? parseTimeEnd(timeEnd) : null;
  if (!transactionId || !Number.isSafeInteger(totalFee) || !paidAt) throw new PaymentProviderError(op, 'MALFORMED', 'paid order without transactionId, totalFee or timeEnd');
  return { transactionId, amount: totalFee as number, paidAt };
}

type Payment = { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
function paymentOf(a: CloudPayAnswer): Payment | null {
  const p = a.payment as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return null;
  const v = (camel: string) => p[camel] ?? p[snakeKey(camel)];
  const out = { timeStamp: v('timeStamp'), nonceStr: v('nonceStr'), package: v('package'), signType: v('signType'), paySign: v('paySign') };
  return Object.values(out).every((x) => typeof x === 'string' && x) ? (out as Payment) : null;
}

/**
 * WeChat Pay through CloudBase's cloudPay (permissions from each function's declaration:
 * `cloudPay.unifiedOrder` for bills and traffic, which also expire a superseded order in-call
 * with `queryOrder` and `closeOrder`; `queryOrder`, `closeOrder`, `refund` for paymentsWorker).
 */
export function cloudPayProvider(sdk: CloudPay, config: CloudPayConfig, nonce: () => string): PaymentProvider {
  // The SDK call has no deadline of its own; ours keeps every function inside its timeout.
  const cloudPay: CloudPay = {
    unifiedOrder: (a) => withTimeout(sdk.unifiedOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.unifiedOrder'),
    queryOrder: (a) => withTimeout(sdk.queryOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.queryOrder'),
    closeOrder: (a) => withTimeout(sdk.closeOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.closeOrder'),
    refund: (a) => withTimeout(sdk.refund(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.refund'),
    downloadBill: (a) => (sdk.downloadBill ? withTimeout(sdk.downloadBill(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.downloadBill') : Promise.reject(new Error('cloudPay.downloadBill is not wired'))),
  };
  return {
    async createPayment(req) {
      // CloudPay.unifiedOrder's reference spells its arguments camelCase.
      const res = await cloudPay.unifiedOrder({
        functionName: config.notifyFunction,
        envId: config.envId,
        subMchId: config.subMchId,
        nonceStr: nonce(),
        body: req.description.slice(0, 40),
        outTradeNo: req.orderId,
        totalFee: req.amount,
        spbillCreateIp: '127.0.0.1',
        tradeType: 'JSAPI',
      });
      const payment = paymentOf(res);
      if (!payment || !succeeded(res)) {
        throw new Error(`unifiedOrder failed: ${text(res, 'returnCode')}/${text(res, 'resultCode')} ${wxErrCode(res)} ${text(res, 'errCodeDes') || text(res, 'returnMsg')}`);
      }
      return { provider: 'wechat', ...payment };
    },

    async queryOrder(orderId) {
      // CloudPay.queryOrder's reference: sub_mch_id, out_trade_no (or transaction_id), nonce_str.
      const res = await cloudPay.queryOrder({ sub_mch_id: config.subMchId, out_trade_no: orderId, nonce_str: nonce() });
      if (text(res, 'returnCode') === 'SUCCESS' && text(res, 'resultCode') !== 'SUCCESS' && wxErrCode(res) === 'ORDERNOTEXIST') return { state: 'unknown' };
      if (!succeeded(res)) throw failure('queryOrder', res);
      const state = text(res, 'tradeState');
      switch (state) {
        case 'SUCCESS':
          return { state: 'paid', ...paidFields('queryOrder', res) };
        case 'REFUND':
          return { state: 'refunded', ...paidFields('queryOrder', res) };
        case 'NOTPAY':
          return { state: 'unpaid' };
        case 'USERPAYING':
          return { state: 'paying' };
        case 'CLOSED':
        case 'REVOKED':
        case 'PAYERROR':
          return { state: 'closed' };
        default:
          throw new PaymentProviderError('queryOrder', 'MALFORMED', `unknown trade_state ${state || '(none)'}`);
      }
    },

    async closeOrder(orderId) {
      // CloudPay.closeOrder's reference: sub_mch_id, out_trade_no, nonce_str.
      const res = await cloudPay.closeOrder({ sub_mch_id: config.subMchId, out_trade_no: orderId, nonce_str: nonce() });
      if (succeeded(res)) return 'closed';
      const code = wxErrCode(res);
      if (code === 'ORDERPAID') return 'paid';
      if (code === 'ORDERCLOSED') return 'closed';
      throw failure('closeOrder', res);
    },

    async refund(req) {
      // CloudPay.refund's reference: functionName and envId camelCase, the rest snake_case.
      const res = await cloudPay.refund({
        functionName: config.notifyFunction,
        envId: config.envId,
        sub_mch_id: config.subMchId,
        nonce_str: nonce(),
        out_trade_no: req.orderId,
        out_refund_no: req.refundId,
        total_fee: req.totalFee,
        refund_fee: req.refundFee,
      });
      if (!succeeded(res)) throw failure('refund', res);
      // A refund request is accepted, never done at once: its notification says when the money is back.
      return { state: text(res, 'refundStatus') === 'SUCCESS' ? 'refunded' : 'processing', providerRefundId: text(res, 'refundId') || undefined };
    },

    async downloadBill(billDate) {
      // CloudPay.downloadBill's reference: sub_mch_id, nonce_str, bill_date, bill_type. The SDK hands
      // the statement's text back as `data`; a refusal comes back as WeChat's return_code FAIL.
      const res = await cloudPay.downloadBill!({ sub_mch_id: config.subMchId, nonce_str: nonce(), bill_date: billDate, bill_type: 'ALL' });
      if (typeof res.data === 'string') return res.data;
      if (/No Bill Exist/i.test(text(res, 'returnMsg')) || String(field(res, 'errorCode') ?? '') === '20002') return null;
      throw failure('downloadBill', res);
    },
  };
}

/**
 * The local adapter: the same cloudPay calls, over HTTP to the WeChat Pay sandbox, so every
 * decision (paid or not, closed, refunded) is the sandbox's, taken from its own state. The only
 * difference is the sheet: instead of wx.requestPayment parameters, the client gets the sandbox
 * sheet's "pay" path.
 */
export function sandboxPaymentProvider(endpoint: { url: string; apiKey: string }): PaymentProvider {
  let devNow: Date | undefined;
  const call = async (method: string, args: Record<string, unknown>) => {
    const res = await fetch(`${endpoint.url}/cloudPay/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': endpoint.apiKey },
      // dev_now: the sandbox's own extension (the dev clock of the refund notification).
      body: JSON.stringify(method === 'refund' && devNow ? { ...args, dev_now: devNow.toISOString() } : args),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`WeChat Pay sandbox ${method}: HTTP ${res.status}`);
    return res.json();
  };
  const cloudPay = {
    unifiedOrder: (a: Record<string, unknown>) => call('unifiedOrder', a),
    queryOrder: (a: Record<string, unknown>) => call('queryOrder', a),
    closeOrder: (a: Record<string, unknown>) => call('closeOrder', a),
    refund: (a: Record<string, unknown>) => call('refund', a),
    downloadBill: (a: Record<string, unknown>) => call('downloadBill', a),
  } as CloudPay;
  let n = 0;
  const inner = cloudPayProvider(cloudPay, { subMchId: 'sandbox-mch', envId: 'local', notifyFunction: 'payNotify' }, () => `sandbox${++n}`);
  return {
    ...inner,
    async createPayment(req) {
      await inner.createPayment(req);
      return { provider: 'sandbox', orderId: req.orderId, amount: req.amount, confirmPath: `/api/__dev/payments/${req.orderId}/confirm` };
    },
    async refund(req) {
      devNow = req.requestedAt;
      return inner.refund(req);
    },
  };
}

/** For unit tests that never reach a payment: every call fails loudly. */
export function unavailablePaymentProvider(): PaymentProvider {
  const fail = async (): Promise<never> => {
    throw new Error('no payment provider in this test');
  };
  return { createPayment: fail, queryOrder: fail, closeOrder: fail, refund: fail };
}
