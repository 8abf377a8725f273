import type { PaymentParams } from '@bianmin/core';
import { PAY_CALL_TIMEOUT_MS, withTimeout } from '../runtime/budgets';
import { parseTimeEnd } from './wechat-time';

export interface PaymentRequest {
  orderId: string;
  /** Fen. */
  amount: number;
  /** What the resident sees on the WeChat Pay sheet, e.g. '电费 2026-02 户号 6789'. */
  description: string;
  openid: string;
}

/** What WeChat Pay knows about one of our orders. */
export type ProviderOrder =
  | { state: 'paid'; transactionId: string; amount: number; paidAt: Date }
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
  queryOrder(orderId: string): Promise<ProviderOrder>;
  /** Makes the sheet unpayable. 'paid' when the resident paid first (WeChat's ORDERPAID). */
  closeOrder(orderId: string): Promise<'closed' | 'paid'>;
  refund(req: RefundRequest): Promise<RefundAnswer>;
}

/** The calls of `cloud.cloudPay` we use; arguments and answers are camelCase JSON, as the SDK hands them over. */
export interface CloudPay {
  unifiedOrder(args: Record<string, unknown>): Promise<CloudPayAnswer & { payment?: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string } }>;
  queryOrder(args: Record<string, unknown>): Promise<CloudPayAnswer & { tradeState?: string; transactionId?: string; totalFee?: number; timeEnd?: string }>;
  closeOrder(args: Record<string, unknown>): Promise<CloudPayAnswer>;
  refund(args: Record<string, unknown>): Promise<CloudPayAnswer & { refundId?: string; refundStatus?: string }>;
}

interface CloudPayAnswer {
  returnCode?: string;
  returnMsg?: string;
  resultCode?: string;
  errCode?: number | string;
  errCodeDes?: string;
  errMsg?: string;
}

export interface CloudPayConfig {
  subMchId: string;
  envId: string;
  /** The function WeChat Pay notifies of payments and refunds (permissions in its config.json). */
  notifyFunction: string;
}

const succeeded = (a: CloudPayAnswer) => a.returnCode === 'SUCCESS' && a.resultCode === 'SUCCESS';
const failure = (op: string, a: CloudPayAnswer) =>
  new PaymentProviderError(op, String(a.errCode ?? a.returnCode ?? 'FAIL'), a.errCodeDes ?? a.returnMsg ?? a.errMsg ?? '');

function paidFields(op: string, a: { transactionId?: string; totalFee?: number; timeEnd?: string }) {
  const paidAt = a.timeEnd ? parseTimeEnd(a.timeEnd) : null;
  if (!a.transactionId || !Number.isSafeInteger(a.totalFee) || !paidAt) throw new PaymentProviderError(op, 'MALFORMED', 'paid order without transactionId, totalFee or timeEnd');
  return { transactionId: a.transactionId, amount: a.totalFee as number, paidAt };
}

/**
 * WeChat Pay through CloudBase's cloudPay (permissions in config.json: `cloudPay.unifiedOrder` for
 * bills; `cloudPay.queryOrder`, `cloudPay.closeOrder`, `cloudPay.refund` for paymentsWorker).
 */
export function cloudPayProvider(sdk: CloudPay, config: CloudPayConfig, nonce: () => string): PaymentProvider {
  const common = () => ({ subMchId: config.subMchId, nonceStr: nonce() });
  // The SDK call has no deadline of its own; ours keeps every function inside its timeout.
  const cloudPay: CloudPay = {
    unifiedOrder: (a) => withTimeout(sdk.unifiedOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.unifiedOrder'),
    queryOrder: (a) => withTimeout(sdk.queryOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.queryOrder'),
    closeOrder: (a) => withTimeout(sdk.closeOrder(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.closeOrder'),
    refund: (a) => withTimeout(sdk.refund(a), PAY_CALL_TIMEOUT_MS, 'cloudPay.refund'),
  };
  return {
    async createPayment(req) {
      const res = await cloudPay.unifiedOrder({
        ...common(),
        body: req.description.slice(0, 40),
        outTradeNo: req.orderId,
        spbillCreateIp: '127.0.0.1',
        totalFee: req.amount,
        envId: config.envId,
        functionName: config.notifyFunction,
        tradeType: 'JSAPI',
      });
      if (!res.payment || !succeeded(res)) {
        throw new Error(`unifiedOrder failed: ${res.returnCode}/${res.resultCode} ${res.errCode ?? ''} ${res.errMsg ?? ''}`);
      }
      return { provider: 'wechat', ...res.payment };
    },

    async queryOrder(orderId) {
      const res = await cloudPay.queryOrder({ ...common(), outTradeNo: orderId });
      if (res.returnCode === 'SUCCESS' && res.resultCode !== 'SUCCESS' && String(res.errCode) === 'ORDERNOTEXIST') return { state: 'unknown' };
      if (!succeeded(res)) throw failure('queryOrder', res);
      switch (res.tradeState) {
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
          throw new PaymentProviderError('queryOrder', 'MALFORMED', `unknown tradeState ${String(res.tradeState)}`);
      }
    },

    async closeOrder(orderId) {
      const res = await cloudPay.closeOrder({ ...common(), outTradeNo: orderId });
      if (succeeded(res)) return 'closed';
      const code = String(res.errCode ?? '');
      if (code === 'ORDERPAID') return 'paid';
      if (code === 'ORDERCLOSED') return 'closed';
      throw failure('closeOrder', res);
    },

    async refund(req) {
      const res = await cloudPay.refund({
        ...common(),
        outTradeNo: req.orderId,
        outRefundNo: req.refundId,
        totalFee: req.totalFee,
        refundFee: req.refundFee,
        envId: config.envId,
        functionName: config.notifyFunction,
      });
      if (!succeeded(res)) throw failure('refund', res);
      return { state: res.refundStatus === 'SUCCESS' ? 'refunded' : 'processing', providerRefundId: res.refundId };
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
      body: JSON.stringify(method === 'refund' && devNow ? { ...args, devNow: devNow.toISOString() } : args),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`WeChat Pay sandbox ${method}: HTTP ${res.status}`);
    return res.json();
  };
  const cloudPay = { unifiedOrder: (a: Record<string, unknown>) => call('unifiedOrder', a), queryOrder: (a: Record<string, unknown>) => call('queryOrder', a), closeOrder: (a: Record<string, unknown>) => call('closeOrder', a), refund: (a: Record<string, unknown>) => call('refund', a) } as CloudPay;
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
