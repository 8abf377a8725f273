import { createHash, randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '@bianmin/core';
import { NONTAX_STATUS } from '@bianmin/server/payments/nontax';
import { nontaxSign } from '@bianmin/server/payments/nontax-notify';
import { type Route, type RunningSandbox, type SandboxReply, startSandbox } from './http';

/**
 * WeChat's 非税缴费 platform, as the collecting unit sees it: a real HTTP server answering
 * `POST /nontax/unifiedorder | getorder | refund ?access_token=…` in WeChat's JSON (errcode /
 * errmsg, the reference's field names), keeping WeChat's side of every order — unpaid, paid with
 * a trans_id and the treasury's 财政电子票据 number, refunded — and notifying the collecting unit
 * of each payment, signed (see server/src/payments/nontax.ts for what WeChat's reference does
 * not say and we chose).
 *
 * Its own choices where WeChat's reference lists no error code (the reference documents only
 * 40001 for these calls; the rest are WeChat's general codes or the sandbox's, named here):
 *  - 40001 invalid credential: a wrong access_token;
 *  - 47001 data format error: a required field missing, a field it does not know, fee not a
 *    positive integer of fen or the items not summing to it;
 *  - 9402001 payment notice already paid: a notice is paid once — a second unifiedorder for a
 *    paid payment_notice_no is refused (the treasury would book it twice);
 *  - 9402002 order not exist: getorder / refund of an order_id it never issued;
 *  - 9402003 order not refundable: a refund of an unpaid order, or for more than was paid.
 * One unpaid order per notice: ordering the same notice again with the same order_no and fee
 * answers the same order_id; with another order_no or fee (re-priced, its late fee grown) it
 * closes the earlier unpaid one (status 12) and issues a new one.
 */
export interface NontaxOrder {
  orderId: string;
  orderNo: string;
  paymentNoticeNo: string;
  fee: number;
  desc: string;
  status: number;
  transId?: string;
  payFinishTime?: number;
  billTypeCode?: string;
  billNo?: string;
  refunds: Map<string, { refundOrderId: string; fee: number }>;
}

export interface NontaxNotification {
  event: Record<string, unknown>;
  at: Date;
}

export interface NontaxSandbox extends RunningSandbox {
  orders: Map<string, NontaxOrder>;
  /** The order for one of ours (order_no), as WeChat holds it. */
  byOrderNo(orderNo: string): NontaxOrder | undefined;
  /** The key the notifications are signed with (issued to the collecting unit). */
  readonly notifyKey: string;
  /** The mini-program's AppSecret it knows: the deployed adapter asks `/cgi-bin/stable_token` for the access token with it. */
  readonly appSecret: string;
  setNotifyUrl(url: string | null): void;
  /** Runs before each delivery: the crash tests kill the stack here. */
  beforeDeliver?: (n: NontaxNotification) => Promise<void>;
  /** The resident pays on the sheet (as PaySandbox.pay): 404 no such order, 409 closed. */
  pay(orderNo: string, at: Date, opts?: { deliver?: boolean }): Promise<{ status: number; answer: { errcode: number; errmsg: string } }>;
  deliverPending(at?: Date): Promise<Array<{ errcode: number; errmsg: string } | null>>;
  readonly pending: NontaxNotification[];
}

const KNOWN: Record<string, { required: string[]; optional: string[] }> = {
  '/nontax/unifiedorder': {
    required: ['appid', 'desc', 'fee', 'ip', 'department_code', 'department_name', 'region_code', 'items', 'payment_notice_create_time', 'scene'],
    optional: ['service_id', 'bank_id', 'bank_account', 'mch_id', 'openid', 'return_url', 'order_no', 'payment_notice_no', 'payment_notice_type', 'user_name', 'payment_expire_date'],
  },
  '/nontax/getorder': { required: ['appid', 'order_id'], optional: ['service_id'] },
  '/nontax/refund': { required: ['appid', 'order_id', 'reason'], optional: ['refund_fee', 'refund_out_id'] },
};

const err = (errcode: number, errmsg: string): SandboxReply => ({ status: 200, body: { errcode, errmsg } });

export async function startNontaxSandbox(opts: { clock?: Clock; appId?: string } = {}): Promise<NontaxSandbox> {
  const clock = opts.clock ?? systemClock;
  const orders = new Map<string, NontaxOrder>();
  const pending: NontaxNotification[] = [];
  const notifyKey = `nontax_${randomBytes(16).toString('hex')}`;
  const appSecret = randomBytes(16).toString('hex');
  let notifyUrl: string | null = null;
  let accessToken = '';
  let seq = 0;

  const byOrderNo = (orderNo: string) => [...orders.values()].filter((o) => o.orderNo === orderNo).at(-1);

  /** A call's checks, as WeChat answers them; null when it may go on. */
  function refused(path: string, q: URLSearchParams, b: Record<string, unknown>): SandboxReply | null {
    if (q.get('access_token') !== accessToken) return err(40001, 'invalid credential, access_token is invalid or not latest');
    const spec = KNOWN[path];
    for (const k of spec.required) if (b[k] === undefined || b[k] === '') return err(47001, `data format error: missing ${k}`);
    const unknown = Object.keys(b).filter((k) => !spec.required.includes(k) && !spec.optional.includes(k));
    if (unknown.length) return err(47001, `data format error: unknown ${unknown.join(',')}`);
    return null;
  }

  const view = (o: NontaxOrder) => ({
    errcode: 0,
    errmsg: 'ok',
    appid: opts.appId ?? 'wxsandboxnontax00',
    order_id: o.orderId,
    order_no: o.orderNo,
    payment_notice_no: o.paymentNoticeNo,
    desc: o.desc,
    fee: o.fee,
    fee_type: 1,
    status: o.status,
    ...(o.transId ? { trans_id: o.transId, pay_finish_time: o.payFinishTime } : {}),
    ...(o.billNo ? { bill_type_code: o.billTypeCode, bill_no: o.billNo } : {}),
  });

  function notificationOf(o: NontaxOrder): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      appid: opts.appId ?? 'wxsandboxnontax00',
      order_id: o.orderId,
      order_no: o.orderNo,
      payment_notice_no: o.paymentNoticeNo,
      trans_id: o.transId,
      fee: o.fee,
      pay_finish_time: o.payFinishTime,
      status: o.status === NONTAX_STATUS.refunded || o.status === NONTAX_STATUS.refunding ? NONTAX_STATUS.paid : o.status,
      bill_type_code: o.billTypeCode,
      bill_no: o.billNo,
      nonce_str: randomBytes(8).toString('hex'),
    };
    return { ...fields, sign: nontaxSign(fields, notifyKey) };
  }

  async function deliver(n: NontaxNotification): Promise<{ errcode: number; errmsg: string } | null> {
    await self.beforeDeliver?.(n);
    if (!notifyUrl) return null;
    try {
      const res = await fetch(notifyUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-now': n.at.toISOString() }, body: JSON.stringify(n.event), signal: AbortSignal.timeout(10_000) });
      const a = (await res.json()) as { errcode: number; errmsg: string };
      return typeof a?.errcode === 'number' ? a : null;
    } catch {
      return null;
    }
  }
  async function notify(n: NontaxNotification) {
    const a = await deliver(n);
    // Not acknowledged: kept to deliver again (WeChat retries; notifyinconsistentorder asks for it again).
    if (a?.errcode !== 0) pending.push(n);
    return a;
  }

  const body = (b: unknown) => (b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {});
  const call = (path: string, handle: (b: Record<string, unknown>) => SandboxReply): Route => ({
    method: 'POST',
    path,
    public: true,
    handle: ({ body: raw, query }) => refused(path, query, body(raw)) ?? handle(body(raw)),
  });

  const routes: Route[] = [
    // WeChat's stable token, as the deployed adapter asks for it (server/src/wechat/api.ts): the sandbox's one token.
    {
      method: 'POST',
      path: '/cgi-bin/stable_token',
      public: true,
      handle: ({ body: raw }) => {
        const b = body(raw);
        if (b.grant_type !== 'client_credential') return err(40002, 'invalid grant_type');
        if (b.appid !== (opts.appId ?? 'wxsandboxnontax00')) return err(40013, 'invalid appid');
        if (b.secret !== appSecret) return err(40125, 'invalid appsecret');
        return { status: 200, body: { access_token: accessToken, expires_in: 7200 } };
      },
    },
    call('/nontax/unifiedorder', (b) => {
      const fee = b.fee;
      const items = Array.isArray(b.items) ? (b.items as Array<Record<string, unknown>>) : null;
      if (!Number.isSafeInteger(fee) || (fee as number) <= 0) return err(47001, 'data format error: fee');
      if (!items || !items.length || items.some((i) => !Number.isSafeInteger(i.fee)) || items.reduce((s, i) => s + (i.fee as number), 0) !== fee) return err(47001, 'data format error: items');
      const noticeNo = typeof b.payment_notice_no === 'string' ? b.payment_notice_no : '';
      const orderNo = typeof b.order_no === 'string' ? b.order_no : '';
      if (!noticeNo && !orderNo) return err(47001, 'data format error: payment_notice_no or order_no');
      if (b.payment_expire_date !== undefined && !/^\d{8}$/.test(String(b.payment_expire_date))) return err(47001, 'data format error: payment_expire_date');
      const key = noticeNo || orderNo;
      const same = [...orders.values()].filter((o) => (o.paymentNoticeNo || o.orderNo) === key);
      if (same.some((o) => o.status !== NONTAX_STATUS.unpaid && o.status !== NONTAX_STATUS.closed && o.status !== NONTAX_STATUS.refunded)) return err(9402001, 'payment notice already paid');
      let o = same.find((x) => x.status === NONTAX_STATUS.unpaid && x.orderNo === orderNo && x.fee === fee);
      if (!o) {
        for (const x of same) if (x.status === NONTAX_STATUS.unpaid) x.status = NONTAX_STATUS.closed;
        const orderId = `NT${createHash('sha256').update(`${key}:${++seq}:${notifyKey}`).digest('base64url').slice(0, 26)}`;
        o = { orderId, orderNo, paymentNoticeNo: noticeNo, fee: fee as number, desc: String(b.desc), status: NONTAX_STATUS.unpaid, refunds: new Map() };
        orders.set(orderId, o);
      }
      const prepay = `wx${createHash('sha256').update(o.orderId).digest('hex').slice(0, 30)}`;
      return { status: 200, body: { errcode: 0, errmsg: 'ok', order_id: o.orderId, payment: { appId: 'wxsandboxnontax00', timeStamp: '0', nonceStr: 'sandbox', package: `prepay_id=${prepay}`, signType: 'RSA', paySign: 'sandbox' } } };
    }),
    call('/nontax/getorder', (b) => {
      const o = orders.get(String(b.order_id));
      return o ? { status: 200, body: view(o) } : err(9402002, 'order not exist');
    }),
    call('/nontax/refund', (b) => {
      const o = orders.get(String(b.order_id));
      if (!o) return err(9402002, 'order not exist');
      if (!o.transId) return err(9402003, 'order not refundable: not paid');
      const outId = typeof b.refund_out_id === 'string' && b.refund_out_id ? b.refund_out_id : `${o.orderId}-full`;
      const seen = o.refunds.get(outId);
      // The same refund_out_id asked again: the same refund, never a second one.
      if (seen) return { status: 200, body: { errcode: 0, errmsg: 'ok', refund_order_id: seen.refundOrderId } };
      const fee = b.refund_fee === undefined ? o.fee : b.refund_fee;
      const done = [...o.refunds.values()].reduce((s, r) => s + r.fee, 0);
      if (!Number.isSafeInteger(fee) || (fee as number) <= 0 || done + (fee as number) > o.fee) return err(9402003, 'order not refundable: refund_fee exceeds what was paid');
      const refundOrderId = `NR${randomBytes(12).toString('hex')}`;
      o.refunds.set(outId, { refundOrderId, fee: fee as number });
      // The sandbox refunds at once (WeChat's reference gives no refund notification; getorder says status 5).
      o.status = done + (fee as number) === o.fee ? NONTAX_STATUS.refunded : o.status;
      return { status: 200, body: { errcode: 0, errmsg: 'ok', refund_order_id: refundOrderId } };
    }),
  ];

  const sandbox = await startSandbox({ id: 'nontax', apiKey: `sk_nontax_${randomBytes(12).toString('hex')}`, routes, tokenGated: true });
  accessToken = sandbox.apiKey;

  const self: NontaxSandbox = Object.assign(sandbox, {
    orders,
    pending,
    notifyKey,
    appSecret,
    byOrderNo,
    setNotifyUrl(url: string | null) {
      notifyUrl = url;
    },
    async pay(orderNo: string, at: Date, o2: { deliver?: boolean } = {}) {
      const o = byOrderNo(orderNo);
      if (!o) return { status: 404, answer: { errcode: 9402002, errmsg: 'order not exist' } };
      if (o.status === NONTAX_STATUS.closed) return { status: 409, answer: { errcode: 1, errmsg: 'order closed' } };
      if (o.status === NONTAX_STATUS.unpaid) {
        o.status = NONTAX_STATUS.paid;
        o.transId = `4200${createHash('sha256').update(o.orderId).digest('hex').replace(/[a-f]/g, '').padEnd(24, '0').slice(0, 24)}`;
        o.payFinishTime = Math.floor(at.getTime() / 1000);
        // The treasury's 财政电子票据 for the payment: 非税收入一般缴款书（电子）'s type code and a number of its own.
        o.billTypeCode = '04010101';
        o.billNo = `${String(at.getUTCFullYear())}${String(seq).padStart(4, '0')}${createHash('sha256').update(`bill:${o.orderId}`).digest('hex').replace(/[a-f]/g, '').padEnd(6, '0').slice(0, 6)}`;
      }
      const n: NontaxNotification = { event: notificationOf(o), at };
      if (o2.deliver === false) {
        pending.push(n);
        return { status: 202, answer: { errcode: 0, errmsg: 'paid; notification held' } };
      }
      const a = await notify(n);
      return a ? { status: a.errcode === 0 ? 200 : 409, answer: a } : { status: 502, answer: { errcode: 1, errmsg: 'notify url unreachable' } };
    },
    async deliverPending(at?: Date) {
      const due = pending.splice(0, pending.length);
      const answers: Array<{ errcode: number; errmsg: string } | null> = [];
      for (const n of due) answers.push(await notify(at ? { ...n, at } : n));
      return answers;
    },
  });
  void clock;
  return self;
}
