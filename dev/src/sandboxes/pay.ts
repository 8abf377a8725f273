import { createHash, randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '@bianmin/core';
import { fromWeChat, toWeChat } from '@bianmin/server/payments/cloudpay-case';
import { formatTimeEnd } from '@bianmin/server/payments/wechat-time';
import { toShanghaiIso } from '@bianmin/core';
import { type BillLine, formatBill } from './pay-bill';
import { type Route, type RunningSandbox, type SandboxReply, startSandbox } from './http';

/**
 * The WeChat Pay sandbox: a real HTTP server that speaks the cloudPay calls we use
 * (POST /cloudPay/unifiedOrder | queryOrder | closeOrder | refund) as wx-server-sdk delivers them
 * — arguments turned snake_case, checked against the parameters WeChat Pay's v2 API takes for that
 * call, the answer turned camelCase with the SDK's own `errCode: 0` over WeChat's err_code
 * (cloudpay-case.ts) — and keeps WeChat's side of every order — created, paid (with a transaction
 * id and time), closed, refunded — so that our decisions are taken against a state we do not control.
 * A call WeChat would refuse is refused the way WeChat refuses it: a missing sub_mch_id gets
 * `return_code: FAIL` with WeChat's own words, a missing required parameter `return_code: FAIL`
 * naming it. A parameter name WeChat does not know is refused too, which is stricter than WeChat
 * (it may drop a name it does not know): a misspelt optional argument would otherwise do nothing,
 * silently, in production.
 * Like WeChat it notifies: a payment when the resident pays on the sheet, a refund when it is
 * done, each to the notify URL (the local stand-in for invoking payNotify), and it keeps a
 * notification that was not acknowledged `{ errcode: 0 }` to deliver again.
 */
export interface WxOrder {
  outTradeNo: string;
  totalFee: number;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId?: string;
  timeEnd?: string;
  refunds: Map<string, { refundId: string; refundFee: number; status: 'SUCCESS'; at: Date }>;
}

export interface Notification {
  kind: 'payment' | 'refund';
  event: Record<string, unknown>;
  /** The dev clock of the event, sent as X-Dev-Now so the stack books it at that instant. */
  at?: Date;
}

export interface PaySandbox extends RunningSandbox {
  orders: Map<string, WxOrder>;
  /** Where notifications go (the gateway's /api/__dev/wxpay/notify). */
  setNotifyUrl(url: string | null): void;
  /** Runs before each delivery: the crash tests kill the stack here, between WeChat taking the money and our callback. */
  beforeDeliver?: (n: Notification) => Promise<void>;
  /**
   * The resident pays on the sheet. `deliver: false` = the notification is late (held until
   * `deliverPending`). 404 ORDERNOTEXIST and 409 ORDERCLOSED took no money; any other failure
   * did (our notification was not acknowledged): the h5 sheet words its failure by that.
   */
  pay(orderId: string, at: Date, opts?: { deliver?: boolean }): Promise<{ status: number; answer: { errcode: number; errmsg: string } }>;
  /**
   * Makes WeChat refuse the next `times` refund requests (default: until told otherwise) with a
   * refund err_code of its own list (NOTENOUGH: the merchant's balance is short; SYSTEMERROR…);
   * `times: 0` lets refunds through again.
   */
  refuseRefunds(code: RefundRefusal | null, times?: number): { code: RefundRefusal | null; remaining: number | null };
  /** WeChat's retries: delivers every notification not yet acknowledged (at `at`, the dev clock); answers in order. */
  deliverPending(at?: Date): Promise<Array<{ errcode: number; errmsg: string } | null>>;
  readonly pending: Notification[];
  /** Resolves when every notification under way has been answered (refund notifications follow the refund's reply). */
  idle(): Promise<void>;
}

/** Refusals WeChat Pay's refund API answers with (its err_code table), with its words. */
export const REFUND_REFUSALS = {
  NOTENOUGH: '基本账户余额不足，请充值后重新发起',
  SYSTEMERROR: '系统超时',
  USER_ACCOUNT_ABNORMAL: '退款请求失败，用户账号注销',
  FREQUENCY_LIMITED: '频率限制',
} as const;
export type RefundRefusal = keyof typeof REFUND_REFUSALS;

/** WeChat transaction ids are 28 digits; ours derive from the order, so a repeat is the same payment. */
function sandboxTransactionId(orderId: string, n = 0): string {
  const h = createHash('sha256').update(`${orderId}:${n}`).digest();
  return `4200${BigInt(`0x${h.subarray(0, 12).toString('hex')}`).toString().padStart(24, '0').slice(-24)}`;
}

/**
 * What WeChat Pay's v2 API takes for each call once cloudPay has filled in appid, mch_id, sign
 * and sign_type (the cloudPay reference: "免填写以下字段"). `oneOf`: at least one of them.
 * `dev_now` is the sandbox's own: the dev clock of a refund's notification.
 */
const PARAMETERS: Record<string, { required: string[]; oneOf?: string[]; optional: string[] }> = {
  unifiedOrder: {
    required: ['function_name', 'env_id', 'sub_mch_id', 'nonce_str', 'body', 'out_trade_no', 'total_fee', 'spbill_create_ip'],
    optional: ['sub_appid', 'device_info', 'detail', 'attach', 'fee_type', 'time_start', 'time_expire', 'goods_tag', 'trade_type', 'limit_pay', 'openid', 'sub_openid', 'receipt', 'scene_info', 'product_id', 'profit_sharing'],
  },
  queryOrder: { required: ['sub_mch_id', 'nonce_str'], oneOf: ['out_trade_no', 'transaction_id'], optional: ['sub_appid'] },
  closeOrder: { required: ['sub_mch_id', 'out_trade_no', 'nonce_str'], optional: ['sub_appid'] },
  refund: {
    required: ['function_name', 'env_id', 'sub_mch_id', 'nonce_str', 'out_refund_no', 'total_fee', 'refund_fee'],
    oneOf: ['out_trade_no', 'transaction_id'],
    optional: ['sub_appid', 'refund_fee_type', 'refund_desc', 'refund_account', 'dev_now'],
  },
  downloadBill: { required: ['sub_mch_id', 'nonce_str', 'bill_date'], optional: ['sub_appid', 'bill_type', 'tar_type'] },
};

/** WeChat Pay's own answer fields, before the SDK converts them. */
type WxAnswer = Record<string, unknown>;
const common = (b: WxAnswer) => ({ appid: 'wxsandbox00000000', mch_id: '1900000001', sub_appid: 'wxsandboxapp00000', sub_mch_id: b.sub_mch_id, nonce_str: 'sandboxnonce', sign: 'SANDBOX' });
const success = (b: WxAnswer, fields: WxAnswer = {}): WxAnswer => ({ return_code: 'SUCCESS', return_msg: 'OK', ...common(b), result_code: 'SUCCESS', ...fields });
const business = (b: WxAnswer, errCode: string, errCodeDes: string): WxAnswer => ({ return_code: 'SUCCESS', return_msg: 'OK', ...common(b), result_code: 'FAIL', err_code: errCode, err_code_des: errCodeDes });
const transport = (returnMsg: string): WxAnswer => ({ return_code: 'FAIL', return_msg: returnMsg });

/** A call WeChat would not take, answered as WeChat answers it; null when it may go on. */
function refusal(api: string, b: WxAnswer): WxAnswer | null {
  const spec = PARAMETERS[api];
  // WeChat's words when sub_mch_id is missing (seen from cloudPay.refund; the same check guards every call).
  if (b.sub_mch_id === undefined || b.sub_mch_id === '') return transport('受理机构必须传入sub_mch_id');
  for (const name of spec.required) if (b[name] === undefined || b[name] === '') return transport(`缺少参数${name}`);
  if (spec.oneOf && spec.oneOf.every((name) => b[name] === undefined || b[name] === '')) return transport(`缺少参数${spec.oneOf.join('或')}`);
  const known = new Set([...spec.required, ...(spec.oneOf ?? []), ...spec.optional]);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length) return transport(`参数格式校验错误：${api} 不接受参数 ${unknown.join('、')}`);
  if (typeof b.nonce_str !== 'string' || !/^[0-9A-Za-z]{1,32}$/.test(b.nonce_str)) return transport('nonce_str参数格式错误');
  return null;
}

/** `clock`: WeChat Pay's own time, for what no request dates (a refund's completion); the local stack's clock. */
export async function startPaySandbox(opts: { clock?: Clock } = {}): Promise<PaySandbox> {
  const clock = opts.clock ?? systemClock;
  const orders = new Map<string, WxOrder>();
  const pending: Notification[] = [];
  let notifyUrl: string | null = null;
  let apiKey = '';
  let refusing: { code: RefundRefusal; remaining: number | null } | null = null;

  async function deliver(n: Notification): Promise<{ errcode: number; errmsg: string } | null> {
    await self.beforeDeliver?.(n);
    if (!notifyUrl) return null;
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-api-key': apiKey };
      if (n.at) headers['x-dev-now'] = n.at.toISOString();
      const res = await fetch(notifyUrl, { method: 'POST', headers, body: JSON.stringify(n.event), signal: AbortSignal.timeout(10_000) });
      const a = (await res.json()) as { errcode: number; errmsg: string };
      return typeof a?.errcode === 'number' ? a : null;
    } catch {
      return null;
    }
  }

  const inflight = new Set<Promise<unknown>>();
  /** Delivers now; anything but errcode 0 stays queued, as WeChat keeps retrying for two days. */
  async function notify(n: Notification) {
    const p = deliver(n);
    inflight.add(p);
    const a = await p.finally(() => inflight.delete(p));
    if (a?.errcode !== 0) pending.push(n);
    return a;
  }
  let scheduled = 0;
  let drained: Array<() => void> = [];
  const settle = () => {
    if (scheduled === 0 && inflight.size === 0) {
      const d = drained;
      drained = [];
      for (const f of d) f();
    }
  };

  const paymentEvent = (o: WxOrder) => ({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: o.outTradeNo,
    transactionId: o.transactionId,
    totalFee: o.totalFee,
    cashFee: o.totalFee,
    feeType: 'CNY',
    timeEnd: o.timeEnd,
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
  });

  const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, unknown>) : {});

  /** A cloudPay call as the SDK makes it: arguments snake_case, answer camelCase with the SDK's errCode 0. */
  const call = (api: string, handle: (b: WxAnswer) => WxAnswer): Route => ({
    method: 'POST',
    path: `/cloudPay/${api}`,
    handle: ({ body: raw }): SandboxReply => {
      const b = toWeChat(body(raw));
      return { status: 200, body: fromWeChat(api, refusal(api, b) ?? handle(b)) };
    },
  });

  const routes: Route[] = [
    call('unifiedOrder', (b) => {
      const outTradeNo = String(b.out_trade_no);
      if (!/^[0-9A-Za-z_|*@-]{1,32}$/.test(outTradeNo) || !Number.isSafeInteger(b.total_fee) || (b.total_fee as number) <= 0) return business(b, 'PARAM_ERROR', '参数格式校验错误');
      const o = orders.get(outTradeNo);
      if (o && o.totalFee !== b.total_fee) return business(b, 'INVALID_REQUEST', '201 商户订单号重复');
      if (o?.state === 'CLOSED') return business(b, 'ORDERCLOSED', '订单已关闭');
      if (o && o.state !== 'NOTPAY') return business(b, 'ORDERPAID', '订单已支付');
      if (!o) orders.set(outTradeNo, { outTradeNo, totalFee: b.total_fee as number, state: 'NOTPAY', refunds: new Map() });
      const prepayId = `wx${createHash('sha256').update(outTradeNo).digest('hex').slice(0, 30)}`;
      return success(b, {
        trade_type: b.trade_type ?? 'JSAPI',
        prepay_id: prepayId,
        // cloudPay's own addition: what wx.requestPayment takes, keys as the mini-program API names them.
        payment: { appId: 'wxsandboxapp00000', timeStamp: '0', nonceStr: 'sandbox', package: `prepay_id=${prepayId}`, signType: 'MD5', paySign: 'sandbox' },
      });
    }),
    call('queryOrder', (b) => {
      const o = b.out_trade_no !== undefined ? orders.get(String(b.out_trade_no)) : [...orders.values()].find((x) => x.transactionId === b.transaction_id);
      if (!o) return business(b, 'ORDERNOTEXIST', '此交易订单号不存在');
      return success(b, {
        trade_state: o.state,
        out_trade_no: o.outTradeNo,
        total_fee: o.totalFee,
        ...(o.transactionId ? { transaction_id: o.transactionId, time_end: o.timeEnd, cash_fee: o.totalFee, fee_type: 'CNY', bank_type: 'OTHERS', trade_type: 'JSAPI' } : {}),
      });
    }),
    call('closeOrder', (b) => {
      const o = orders.get(String(b.out_trade_no));
      if (!o) return business(b, 'ORDERNOTEXIST', '此交易订单号不存在');
      if (o.state === 'SUCCESS' || o.state === 'REFUND') return business(b, 'ORDERPAID', '订单已支付');
      o.state = 'CLOSED';
      return success(b);
    }),
    call('refund', (b) => {
      const o = b.out_trade_no !== undefined ? orders.get(String(b.out_trade_no)) : [...orders.values()].find((x) => x.transactionId === b.transaction_id);
      const outRefundNo = String(b.out_refund_no);
      if (!o) return business(b, 'ORDERNOTEXIST', '此交易订单号不存在');
      if (!/^[0-9A-Za-z_|*@-]{1,64}$/.test(outRefundNo) || !Number.isSafeInteger(b.refund_fee) || (b.refund_fee as number) <= 0) return business(b, 'PARAM_ERROR', '参数格式校验错误');
      if (o.state !== 'SUCCESS' && o.state !== 'REFUND') return business(b, 'TRADE_STATE_ERROR', '订单状态错误');
      if (b.total_fee !== o.totalFee) return business(b, 'PARAM_ERROR', '订单金额与退款金额不符');
      if (refusing && refusing.remaining !== 0) {
        if (refusing.remaining !== null) refusing.remaining--;
        return business(b, refusing.code, REFUND_REFUSALS[refusing.code]);
      }
      const seen = o.refunds.get(outRefundNo);
      const answer = (refundId: string, refundFee: number) =>
        success(b, { transaction_id: o.transactionId, out_trade_no: o.outTradeNo, out_refund_no: outRefundNo, refund_id: refundId, refund_fee: refundFee, total_fee: o.totalFee, cash_fee: o.totalFee, cash_refund_fee: refundFee });
      // The same refund number asked again: the same refund, never a second one.
      if (seen) return answer(seen.refundId, seen.refundFee);
      const refunded = [...o.refunds.values()].reduce((sum, r) => sum + r.refundFee, 0);
      if (refunded + (b.refund_fee as number) > o.totalFee) return business(b, 'NOTENOUGH', '退款金额超过订单可退金额');
      const refundId = `5030${randomBytes(12).readBigUInt64BE().toString().padStart(24, '0').slice(-24)}`;
      // WeChat answers "accepted" and notifies when the money is back: after this reply, not inside it.
      const devNow = typeof b.dev_now === 'string' && !Number.isNaN(Date.parse(b.dev_now)) ? new Date(b.dev_now) : undefined;
      o.refunds.set(outRefundNo, { refundId, refundFee: b.refund_fee as number, status: 'SUCCESS', at: devNow ?? clock.now() });
      o.state = 'REFUND';
      scheduled++;
      setImmediate(() => {
        void notify({
          kind: 'refund',
          at: devNow,
          event: { returnCode: 'SUCCESS', outTradeNo: o.outTradeNo, transactionId: o.transactionId, outRefundNo, refundId, refundFee: b.refund_fee, totalFee: o.totalFee, refundStatus: 'SUCCESS', successTime: (devNow ?? clock.now()).toISOString() },
        }).finally(() => {
          scheduled--;
          settle();
        });
      });
      return answer(refundId, b.refund_fee as number);
    }),
    {
      // cloudPay.downloadBill: the day's statement as text (the SDK's `data`), from 09:00 the next
      // day as WeChat makes it; a day without transactions, or not over yet, is "No Bill Exist".
      method: 'POST',
      path: '/cloudPay/downloadBill',
      handle: ({ body: raw }): SandboxReply => {
        const b = toWeChat(body(raw));
        const refused = refusal('downloadBill', b);
        if (refused) return { status: 200, body: fromWeChat('downloadBill', refused) };
        const date = String(b.bill_date);
        if (!/^\d{8}$/.test(date)) return { status: 200, body: fromWeChat('downloadBill', transport('bill_date参数格式错误')) };
        if (b.bill_type !== undefined && b.bill_type !== 'ALL') return { status: 200, body: fromWeChat('downloadBill', transport('本沙箱只提供 ALL 对账单')) };
        const noBill = { status: 200, body: fromWeChat('downloadBill', { return_code: 'FAIL', return_msg: 'No Bill Exist', error_code: '20002' }) };
        const ready = formatTimeEnd(new Date(clock.now().getTime() - 9 * 3600_000)).slice(0, 8);
        if (date >= ready) return noBill;
        const beijing = (d: Date) => toShanghaiIso(d).slice(0, 19).replace('T', ' ');
        const lines: BillLine[] = [];
        for (const o of orders.values()) {
          if (o.transactionId && o.timeEnd?.startsWith(date)) {
            const t = o.timeEnd;
            lines.push({ at: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}`, transactionId: o.transactionId, orderId: o.outTradeNo, status: 'SUCCESS', amount: o.totalFee });
          }
          for (const [outRefundNo, r] of o.refunds) {
            if (formatTimeEnd(r.at).startsWith(date)) {
              lines.push({ at: beijing(r.at), transactionId: o.transactionId!, orderId: o.outTradeNo, status: 'REFUND', amount: o.totalFee, refund: { refundId: r.refundId, outRefundNo, amount: r.refundFee } });
            }
          }
        }
        if (!lines.length) return noBill;
        lines.sort((x, y) => x.at.localeCompare(y.at));
        return { status: 200, body: fromWeChat('downloadBill', { data: formatBill(lines, String(b.sub_mch_id)) }) };
      },
    },
  ];

  const sandbox = await startSandbox({ id: 'wxpay', apiKey: `sk_wxpay_${randomBytes(12).toString('hex')}`, routes });
  apiKey = sandbox.apiKey;

  const self: PaySandbox = Object.assign(sandbox, {
    orders,
    pending,
    setNotifyUrl(url: string | null) {
      notifyUrl = url;
    },
    refuseRefunds(code: RefundRefusal | null, times?: number) {
      refusing = code && times !== 0 ? { code, remaining: times ?? null } : null;
      return { code: refusing?.code ?? null, remaining: refusing?.remaining ?? null };
    },
    async pay(orderId: string, at: Date, opts: { deliver?: boolean } = {}) {
      const o = orders.get(orderId);
      if (!o) return { status: 404, answer: { errcode: 1, errmsg: 'ORDERNOTEXIST' } };
      if (o.state === 'CLOSED') return { status: 409, answer: { errcode: 1, errmsg: 'ORDERCLOSED' } };
      if (o.state === 'NOTPAY') {
        o.state = 'SUCCESS';
        o.transactionId = sandboxTransactionId(orderId);
        o.timeEnd = formatTimeEnd(at);
      }
      // Paying again on a paid sheet is WeChat repeating its notification.
      const n: Notification = { kind: 'payment', event: paymentEvent(o), at };
      if (opts.deliver === false) {
        pending.push(n);
        return { status: 202, answer: { errcode: 0, errmsg: 'paid; notification held' } };
      }
      const a = await notify(n);
      return a ? { status: a.errcode === 0 ? 200 : 409, answer: a } : { status: 502, answer: { errcode: 1, errmsg: 'notify url unreachable' } };
    },
    idle() {
      return new Promise<void>((resolve) => {
        drained.push(resolve);
        settle();
      });
    },
    async deliverPending(at?: Date) {
      const due = pending.splice(0, pending.length);
      const answers: Array<{ errcode: number; errmsg: string } | null> = [];
      for (const n of due) answers.push(await notify(at ? { ...n, at } : n));
      return answers;
    },
  });
  return self;
}
