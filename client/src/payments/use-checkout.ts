import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderView, PaymentParams } from '@bianmin/core';
import { toApiError } from '../api';
import { newIdempotencyKey } from './idempotency';
import type { SandboxPayment } from './sandbox-types';

type WechatPayment = Extract<PaymentParams, { provider: 'wechat' }>;

/** What the checkout needs of any payable kind's order (a bill's, a top-up's, a fine's). */
export interface PaidOrder {
  orderId: string;
}

/** What every `pay` action answers: the order, and how to pay it (null: nothing left to pay). */
export interface PayAnswer<O extends PaidOrder = OrderView> {
  order: O;
  payment: PaymentParams | null;
}

export interface CheckoutOptions<S, O extends PaidOrder> {
  /** Makes (or finds) the order through the flow's own action, with this attempt's idempotency key. */
  place(subject: S, idempotencyKey: string): Promise<PayAnswer<O>>;
  /**
   * Which subjects are one attempt and so share one idempotency key (the same months, the same
   * amount): a double tap or a retry after a lost answer names the same order. @default JSON
   */
  keyOf?(subject: S): string;
  /** The kind's receipt page; `justPaid`: a still-pending order means "confirming", not "unpaid". */
  receiptUrl(orderId: string, justPaid: boolean): string;
  /** Opens the availability sheet for a SERVICE_CLOSED & co. refusal; true when it did. */
  handleRefusal?(e: unknown): boolean;
  /** The resident backed out after an order was made (the page refreshes what it shows). */
  onAbandoned?(): void;
}

export interface Checkout<S, O extends PaidOrder = OrderView> {
  /** The confirm step is open. */
  open: boolean;
  /** What it is about (the months, the fine); null while the resident has not chosen (a top-up's amount). */
  subject: S | null;
  busy: boolean;
  /** What went wrong, when it is not about one field. */
  error: string | null;
  /** The server's INVALID_INPUT `fields` (a top-up's amount), for under the field they name. */
  fieldErrors: Record<string, string>;
  /** The h5 sandbox sheet's order and parameters, or null when it is closed. */
  sandbox: { order: O; payment: SandboxPayment } | null;
  /** Opens the confirm step; every attempt in it gets its own key. */
  start(subject?: S | null): void;
  close(): void;
  /** Pays (the subject being confirmed, or this one): the order, then WeChat Pay or the sandbox sheet, then the receipt. */
  pay(subject?: S): Promise<void>;
  /** The resident changed what they are about to pay: earlier words about it no longer apply. */
  edited(): void;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

export function errorMessageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const m = (e as { errMsg?: unknown; message?: unknown }).errMsg ?? (e as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return String(e);
}

/**
 * Paying, written once for every payable kind (a bill's months, a top-up, a fine): a confirm
 * step that states everything, the flow's `pay` action with one idempotency key per attempt,
 * WeChat Pay on weapp or the sandbox sheet on h5, and the receipt page, which asks the server for
 * the outcome. What the phone says about a payment is never the receipt: the payment
 * notification to the server is.
 */
export function useCheckout<S, O extends PaidOrder = OrderView>(options: CheckoutOptions<S, O>): Checkout<S, O> {
  const opts = useRef(options);
  opts.current = options;
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState<S | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [sandbox, setSandbox] = useState<Checkout<S, O>['sandbox']>(null);
  // A ref as well as state: two taps in one frame both see the state before either re-render.
  const inFlight = useRef(false);
  const keys = useRef(new Map<string, string>());

  const clearWords = () => {
    setError(null);
    setFieldErrors({});
  };

  const showReceipt = useCallback((orderId: string, justPaid = true) => {
    void Taro.navigateTo({ url: opts.current.receiptUrl(orderId, justPaid) });
  }, []);

  const abandoned = () => {
    void Taro.showToast({ title: '已取消支付，没有扣款', icon: 'none' });
    opts.current.onAbandoned?.();
  };

  /** WeChat Pay's own sheet; true when the attempt is over (paid or cancelled). */
  const payWithWechat = async (order: O, p: WechatPayment): Promise<boolean> => {
    try {
      await Taro.requestPayment({
        timeStamp: p.timeStamp,
        nonceStr: p.nonceStr,
        package: p.package,
        signType: p.signType as keyof Taro.requestPayment.SignType,
        paySign: p.paySign,
      });
      showReceipt(order.orderId);
      return true;
    } catch (e) {
      const msg = errorMessageOf(e);
      // The resident closed WeChat's sheet: a choice, not an error ('requestPayment:fail cancel',
      // and 'requestPayment:cancel' on old clients).
      if (/cancel/i.test(msg)) {
        abandoned();
        return true;
      }
      setError(`微信支付没有完成（${msg.replace(/^requestPayment:fail\s*/, '') || '未知原因'}）。可以重试；如果其实已经扣款，系统会自动确认，不会重复收费。`);
      return false;
    }
  };

  const pay = async (given?: S) => {
    const what = given !== undefined ? given : subject;
    if (what === null || what === undefined || inFlight.current) return;
    const id = (opts.current.keyOf ?? ((s: S) => JSON.stringify(s)))(what);
    let key = keys.current.get(id);
    if (!key) keys.current.set(id, (key = newIdempotencyKey()));
    inFlight.current = true;
    setBusy(true);
    clearWords();
    let done = false;
    try {
      const { order, payment } = await opts.current.place(what, key);
      if (!payment) {
        // Already paid, settled or closed: the receipt says which.
        showReceipt(order.orderId, false);
        done = true;
      } else if (payment.provider === 'sandbox') {
        setSandbox({ order, payment });
        done = true;
      } else {
        done = await payWithWechat(order, payment);
      }
    } catch (e) {
      if (opts.current.handleRefusal?.(e)) done = true;
      else {
        const err = toApiError(e);
        if (err.code === 'INVALID_INPUT' && err.fields && Object.keys(err.fields).length > 0) setFieldErrors(err.fields);
        else setError(err.message);
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
    if (done) setOpen(false);
  };

  return {
    open,
    subject,
    busy,
    error,
    fieldErrors,
    sandbox,
    start: (s = null) => {
      keys.current = new Map();
      clearWords();
      setSubject(s);
      setOpen(true);
    },
    close: () => {
      if (!inFlight.current) setOpen(false);
    },
    pay,
    edited: clearWords,
    sandboxPaid: (orderId) => {
      setSandbox(null);
      showReceipt(orderId);
    },
    sandboxCancelled: () => {
      setSandbox(null);
      abandoned();
    },
  };
}
