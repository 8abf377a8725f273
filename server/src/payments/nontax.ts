import { toShanghaiIso } from '@bianmin/core';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { PAY_CALL_TIMEOUT_MS } from '../runtime/budgets';
import { type WeChatApi, WeChatApiError, weChatApi } from '../wechat/api';
import { type FiscalReceipt, PaymentProviderError, type PaymentProvider, type ProviderOrder } from './provider';

/**
 * WeChat's 非税缴费 (non-tax revenue payment), the channel of the payable kinds declaring
 * `channel: 'nontax'` (traffic fines): the collecting unit (执收单位) places the order server-side
 * with `POST /nontax/unifiedorder?access_token=…` (not a cloud call: WeChat's reference says the
 * nontax APIs support neither cloud calls nor third-party calls), the money settles to the
 * treasury's account, and the treasury issues a 财政电子票据 whose type and number `getorder`
 * answers (bill_type_code, bill_no).
 *
 * The calls and fields are WeChat's reference's: unifiedorder (appid, desc, fee, ip, openid,
 * order_no / payment_notice_no, department_code, department_name, payment_notice_type,
 * region_code, items, payment_notice_create_time, payment_expire_date, scene), getorder (appid,
 * order_id → status 1 unpaid, 3/4 paid, 5 refunded, 6 refunding, 12 closed unpaid; trans_id, fee,
 * pay_finish_time, bill_no…), refund (appid, order_id, reason, refund_fee, refund_out_id). Where
 * the reference is silent we chose, and say so at each place:
 *  - unifiedorder's answer: we read `order_id` (the id every other call takes) and the payment
 *    parameters under `payment` (what wx.requestPayment takes), as cloudPay answers them.
 *  - we give both payment_notice_no (the decision number: what the treasury books) and order_no
 *    (our order id, so the notification and getorder name our order); the reference asks for at
 *    least one of the two.
 *  - there is no close call: closing asks getorder, and an unpaid order is left to lapse on
 *    WeChat's side (status 12); a payment that still arrives is booked or refunded like any late
 *    payment (the 'closed → paid | refund_pending' edge of the order machine).
 *  - refunds have no notification: `refund` is followed by a getorder, and a refund not yet done
 *    (status 6) is asked about again by the refunds job (asking again with the same refund_out_id
 *    never refunds twice).
 *  - the payment notification's fields are getorder's, signed as WeChat Pay v2 signs
 *    (key=value pairs sorted by key, `&key=<key>`, HMAC-SHA256, upper-case hex) with the key the
 *    non-tax platform issues to the collecting unit.
 */
export interface NontaxApi {
  /** POSTs to api.weixin.qq.com with the access token; an errcode other than 0 throws WeChatApiError (server/src/wechat/api.ts). */
  post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export interface NontaxConfig {
  appId: string;
  /** 执收单位编码 / 名称 and 行政区划代码 of the collecting unit (the traffic police detachment). */
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  /** bank_id: required in WeChat's test environment, chosen by WeChat when absent in production. */
  bankId?: string;
}

/** getorder's statuses (WeChat's reference). */
export const NONTAX_STATUS = { unpaid: 1, paid: 3, paidAlt: 4, refunded: 5, refunding: 6, closed: 12 } as const;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const yyyymmdd = (d: Date) => toShanghaiIso(d).slice(0, 10).replace(/-/g, '');

/** The fiscal receipt getorder (or the notification) names, once the treasury issued it. */
export function fiscalReceiptOf(a: Record<string, unknown>): FiscalReceipt | undefined {
  const billNo = str(a.bill_no);
  return billNo ? { billNo, billTypeCode: str(a.bill_type_code) } : undefined;
}

function paidOf(op: string, a: Record<string, unknown>) {
  const transactionId = str(a.trans_id);
  const fee = a.fee;
  const t = a.pay_finish_time;
  if (!transactionId || !Number.isSafeInteger(fee) || !Number.isSafeInteger(t) || (t as number) <= 0) throw new PaymentProviderError(op, 'MALFORMED', 'paid order without trans_id, fee or pay_finish_time');
  const eReceipt = fiscalReceiptOf(a);
  return { transactionId, amount: fee as number, paidAt: new Date((t as number) * 1000), ...(eReceipt ? { eReceipt } : {}) };
}

export function nontaxProvider(api: NontaxApi, config: NontaxConfig): PaymentProvider & { getOrder(channelOrderId: string): Promise<Record<string, unknown>> } {
  const getOrder = (orderId: string) => api.post('/nontax/getorder', { appid: config.appId, order_id: orderId });
  const query = async (orderId: string, channelOrderId?: string): Promise<ProviderOrder> => {
    // Without WeChat's order id the order was never placed there (unifiedorder failed or never answered): nothing can be paid on it.
    if (!channelOrderId) return { state: 'unknown' };
    const a = await getOrder(channelOrderId);
    if (a.order_no !== undefined && a.order_no !== orderId) throw new PaymentProviderError('getorder', 'MISMATCH', `order_id ${channelOrderId} is not order ${orderId}`);
    switch (a.status) {
      case NONTAX_STATUS.unpaid:
        return { state: 'unpaid' };
      case NONTAX_STATUS.paid:
      case NONTAX_STATUS.paidAlt:
        return { state: 'paid', ...paidOf('getorder', a) };
      case NONTAX_STATUS.refunded:
      case NONTAX_STATUS.refunding:
        return { state: 'refunded', ...paidOf('getorder', a) };
      case NONTAX_STATUS.closed:
        return { state: 'closed' };
      default:
        throw new PaymentProviderError('getorder', 'MALFORMED', `unknown status ${String(a.status)}`);
    }
  };
  return {
    getOrder,
    async createPayment(req) {
      const n = req.notice;
      if (!n) throw new Error(`order ${req.orderId}: the nontax channel needs its 缴款通知书`);
      if (n.items.reduce((s, i) => s + i.fee, 0) !== req.amount) throw new Error(`order ${req.orderId}: the notice's items do not sum to ${req.amount}`);
      const a = await api.post('/nontax/unifiedorder', {
        appid: config.appId,
        ...(config.bankId ? { bank_id: config.bankId } : {}),
        openid: req.openid,
        desc: req.description.slice(0, 64),
        fee: req.amount,
        // The reference wants the payer's IP; a cloud function has none of the phone's (cloudPay sends the same placeholder).
        ip: '127.0.0.1',
        order_no: req.orderId,
        payment_notice_no: n.paymentNoticeNo,
        department_code: config.departmentCode,
        department_name: config.departmentName,
        payment_notice_type: n.noticeType,
        region_code: config.regionCode,
        items: n.items.map((i, k) => ({ no: k + 1, item_id: i.itemId, item_name: i.itemName, fee: i.fee })),
        payment_notice_create_time: Math.floor(n.issuedAt.getTime() / 1000),
        ...(n.expireDate ? { payment_expire_date: n.expireDate } : {}),
        scene: 'miniprogram',
      });
      const channelOrderId = str(a.order_id);
      const p = (a.payment ?? {}) as Record<string, unknown>;
      const payment = { timeStamp: str(p.timeStamp), nonceStr: str(p.nonceStr), package: str(p.package), signType: str(p.signType), paySign: str(p.paySign) };
      if (!channelOrderId || Object.values(payment).some((v) => !v)) throw new Error(`nontax unifiedorder answered no order_id or payment for ${req.orderId}`);
      return { provider: 'wechat', ...payment, channelOrderId };
    },
    queryOrder: query,
    async closeOrder(orderId, channelOrderId) {
      const o = await query(orderId, channelOrderId);
      return o.state === 'paid' || o.state === 'refunded' ? 'paid' : 'closed';
    },
    async refund(req) {
      if (!req.channelOrderId) throw new PaymentProviderError('refund', 'NO_ORDER_ID', `order ${req.orderId} has no 非税 order_id`);
      const a = await api.post('/nontax/refund', {
        appid: config.appId,
        order_id: req.channelOrderId,
        reason: '款项未能入账，原路退回',
        refund_fee: req.refundFee,
        refund_out_id: req.refundId,
      });
      const after = await getOrder(req.channelOrderId);
      return { state: after.status === NONTAX_STATUS.refunded ? 'refunded' : 'processing', providerRefundId: str(a.refund_order_id) || undefined };
    },
  };
}

/** WeChat's own HTTPS, with the mini-program's access token: WeChat's refusal becomes the channel's error, errcode kept. */
export function weChatNontaxApi(api: WeChatApi): NontaxApi {
  return {
    async post(path, body) {
      try {
        return await api.post(path, body);
      } catch (e) {
        if (e instanceof WeChatApiError) throw new PaymentProviderError(path, String(e.errcode), e.errmsg);
        throw e;
      }
    },
  };
}

/**
 * The 非税 channel of a deployed function serving a kind on it: the adapter over WeChat's HTTPS
 * APIs as the collecting unit configured. The deployment requires the variables (NONTAX_ENV), so
 * a function missing them is refused at cold start; this fallback only keeps a wiring fault from
 * taking anything but the 非税 orders down with it.
 */
export function nontaxChannel(config: Pick<ServerConfig, 'weChat' | 'nontax'>, log: Logger): PaymentProvider {
  const { weChat, nontax } = config;
  if (!weChat || !nontax) {
    const fail = async (): Promise<never> => {
      log.error('MP_APPID / MP_APPSECRET / NONTAX_DEPARTMENT_CODE / NONTAX_DEPARTMENT_NAME / NONTAX_REGION_CODE not set: cannot reach WeChat 非税缴费');
      throw new Error('非税 channel not configured');
    };
    return { createPayment: fail, queryOrder: fail, closeOrder: fail, refund: fail };
  }
  return nontaxProvider(weChatNontaxApi(weChatApi(weChat, { timeoutMs: PAY_CALL_TIMEOUT_MS, log })), { appId: weChat.appId, ...nontax });
}

/** The sandbox's adapter: the same calls over HTTP, the sandbox holding WeChat's side; `sandbox` sheet parameters for h5. */
export function sandboxNontaxApi(endpoint: { url: string; apiKey: string }): NontaxApi {
  return {
    async post(path, body) {
      const res = await fetch(`${endpoint.url}${path}?access_token=${encodeURIComponent(endpoint.apiKey)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      if (!res.ok) throw new Error(`非税 sandbox ${path}: HTTP ${res.status}`);
      const a = (await res.json()) as Record<string, unknown>;
      if (typeof a.errcode === 'number' && a.errcode !== 0) throw new PaymentProviderError(path, String(a.errcode), str(a.errmsg));
      return a;
    },
  };
}

/** The local stack's provider: the real adapter, answering the h5 sandbox sheet instead of wx.requestPayment's parameters. */
export function sandboxNontaxProvider(endpoint: { url: string; apiKey: string }, config: NontaxConfig): PaymentProvider {
  const inner = nontaxProvider(sandboxNontaxApi(endpoint), config);
  return {
    ...inner,
    async createPayment(req) {
      const p = await inner.createPayment(req);
      return { provider: 'sandbox', orderId: req.orderId, amount: req.amount, confirmPath: `/api/__dev/payments/${req.orderId}/confirm`, channelOrderId: p.channelOrderId };
    },
  };
}

export { yyyymmdd as nontaxDate };
