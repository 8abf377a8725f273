import { createHash, randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '@bianmin/core';
import { formatTimeEnd } from '@bianmin/server/payments/wechat-time';
import { type Route, type RunningSandbox, type SandboxReply, startSandbox } from './http';

/**
 * The WeChat Pay sandbox: a real HTTP server that speaks the cloudPay calls we use
 * (POST /cloudPay/unifiedOrder | queryOrder | closeOrder | refund, camelCase JSON in and out)
 * and keeps WeChat's side of every order — created, paid (with a transaction id and time),
 * closed, refunded — so that our decisions are taken against a state we do not control.
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
  refunds: Map<string, { refundId: string; refundFee: number; status: 'SUCCESS' }>;
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
  /** WeChat's retries: delivers every notification not yet acknowledged (at `at`, the dev clock); answers in order. */
  deliverPending(at?: Date): Promise<Array<{ errcode: number; errmsg: string } | null>>;
  readonly pending: Notification[];
  /** Resolves when every notification under way has been answered (refund notifications follow the refund's reply). */
  idle(): Promise<void>;
}

/** WeChat transaction ids are 28 digits; ours derive from the order, so a repeat is the same payment. */
export function sandboxTransactionId(orderId: string, n = 0): string {
  const h = createHash('sha256').update(`${orderId}:${n}`).digest();
  return `4200${BigInt(`0x${h.subarray(0, 12).toString('hex')}`).toString().padStart(24, '0').slice(-24)}`;
}

const answer = (body: Record<string, unknown>): SandboxReply => ({ status: 200, body: { returnCode: 'SUCCESS', returnMsg: 'OK', ...body } });
const fail = (errCode: string, errCodeDes: string) => answer({ resultCode: 'FAIL', errCode, errCodeDes });

/** `clock`: WeChat Pay's own time, for what no request dates (a refund's completion); the local stack's clock. */
export async function startPaySandbox(opts: { clock?: Clock } = {}): Promise<PaySandbox> {
  const clock = opts.clock ?? systemClock;
  const orders = new Map<string, WxOrder>();
  const pending: Notification[] = [];
  let notifyUrl: string | null = null;
  let apiKey = '';

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

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/cloudPay/unifiedOrder',
      handle: ({ body: raw }) => {
        const b = body(raw);
        const outTradeNo = String(b.outTradeNo ?? '');
        if (!/^[0-9A-Za-z_-]{1,32}$/.test(outTradeNo) || !Number.isSafeInteger(b.totalFee) || (b.totalFee as number) <= 0) return fail('PARAM_ERROR', '参数格式校验错误');
        const o = orders.get(outTradeNo);
        if (o && o.totalFee !== b.totalFee) return fail('INVALID_REQUEST', '201 商户订单号重复');
        if (o?.state === 'CLOSED') return fail('ORDERCLOSED', '订单已关闭');
        if (o && o.state !== 'NOTPAY') return fail('ORDERPAID', '订单已支付');
        if (!o) orders.set(outTradeNo, { outTradeNo, totalFee: b.totalFee as number, state: 'NOTPAY', refunds: new Map() });
        const prepayId = `wx${createHash('sha256').update(outTradeNo).digest('hex').slice(0, 30)}`;
        return answer({ resultCode: 'SUCCESS', payment: { timeStamp: '0', nonceStr: 'sandbox', package: `prepay_id=${prepayId}`, signType: 'MD5', paySign: 'sandbox' } });
      },
    },
    {
      method: 'POST',
      path: '/cloudPay/queryOrder',
      handle: ({ body: raw }) => {
        const o = orders.get(String(body(raw).outTradeNo ?? ''));
        if (!o) return fail('ORDERNOTEXIST', '此交易订单号不存在');
        return answer({ resultCode: 'SUCCESS', tradeState: o.state, outTradeNo: o.outTradeNo, totalFee: o.totalFee, ...(o.transactionId ? { transactionId: o.transactionId, timeEnd: o.timeEnd } : {}) });
      },
    },
    {
      method: 'POST',
      path: '/cloudPay/closeOrder',
      handle: ({ body: raw }) => {
        const o = orders.get(String(body(raw).outTradeNo ?? ''));
        if (!o) return fail('ORDERNOTEXIST', '此交易订单号不存在');
        if (o.state === 'SUCCESS' || o.state === 'REFUND') return fail('ORDERPAID', '订单已支付');
        o.state = 'CLOSED';
        return answer({ resultCode: 'SUCCESS' });
      },
    },
    {
      method: 'POST',
      path: '/cloudPay/refund',
      handle: ({ body: raw }) => {
        const b = body(raw);
        const o = orders.get(String(b.outTradeNo ?? ''));
        const outRefundNo = String(b.outRefundNo ?? '');
        if (!o) return fail('ORDERNOTEXIST', '此交易订单号不存在');
        if (!/^[0-9A-Za-z_|*@-]{1,64}$/.test(outRefundNo) || !Number.isSafeInteger(b.refundFee) || (b.refundFee as number) <= 0) return fail('PARAM_ERROR', '参数格式校验错误');
        if (o.state !== 'SUCCESS' && o.state !== 'REFUND') return fail('TRADE_STATE_ERROR', '订单状态错误');
        if (b.totalFee !== o.totalFee) return fail('PARAM_ERROR', '订单金额与退款金额不符');
        const seen = o.refunds.get(outRefundNo);
        // The same refund number asked again: the same refund, never a second one.
        if (seen) return answer({ resultCode: 'SUCCESS', outRefundNo, refundId: seen.refundId, refundFee: seen.refundFee, refundStatus: seen.status });
        const refunded = [...o.refunds.values()].reduce((s, r) => s + r.refundFee, 0);
        if (refunded + (b.refundFee as number) > o.totalFee) return fail('NOTENOUGH', '退款金额超过订单可退金额');
        const refundId = `5030${randomBytes(12).readBigUInt64BE().toString().padStart(24, '0').slice(-24)}`;
        o.refunds.set(outRefundNo, { refundId, refundFee: b.refundFee as number, status: 'SUCCESS' });
        o.state = 'REFUND';
        // WeChat answers "accepted" and notifies when the money is back: after this reply, not inside it.
        const devNow = typeof b.devNow === 'string' && !Number.isNaN(Date.parse(b.devNow)) ? new Date(b.devNow) : undefined;
        scheduled++;
        setImmediate(() => {
          void notify({
            kind: 'refund',
            at: devNow,
            event: { returnCode: 'SUCCESS', outTradeNo: o.outTradeNo, transactionId: o.transactionId, outRefundNo, refundId, refundFee: b.refundFee, totalFee: o.totalFee, refundStatus: 'SUCCESS', successTime: (devNow ?? clock.now()).toISOString() },
          }).finally(() => {
            scheduled--;
            settle();
          });
        });
        return answer({ resultCode: 'SUCCESS', outRefundNo, refundId, refundFee: b.refundFee });
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
