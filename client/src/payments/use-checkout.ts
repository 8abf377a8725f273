import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderView, PaymentParams } from '@bianmin/core';
import { toApiError } from '../api';
import type { SandboxPayment } from './sandbox-types';

type WechatPayment = Extract<PaymentParams, { provider: 'wechat' }>;

/** What the checkout needs of any flow's order (a bill's, a fine's). */
export interface PaidOrder {
  orderId: string;
}

/** What every `pay` action answers: the order, and how to pay it (null: nothing left to pay). */
export interface PayAnswer<O extends PaidOrder = OrderView> {
  order: O;
  payment: PaymentParams | null;
}

export interface Checkout<O extends PaidOrder = OrderView> {
  busy: boolean;
  error: string | null;
  /** The h5 sandbox sheet's order and parameters, or null when it is closed. */
  sandbox: { order: O; payment: SandboxPayment } | null;
  /**
   * Runs the flow's own `pay` call, then takes the money: WeChat Pay on weapp, the sandbox sheet
   * on h5. Resolves true when the attempt is over (receipt shown, cancelled or refused) and the
   * flow's confirm step can close; false when it failed and the resident may retry it.
   */
  checkout(pay: () => Promise<PayAnswer<O>>): Promise<boolean>;
  clearError(): void;
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
 * The part of paying that is the same for every flow (bills, traffic fines): make the order
 * through the flow's `pay` action, hand it to WeChat Pay or the sandbox, and open the receipt
 * page, which asks the server for the outcome. What the phone says about a payment is never the
 * receipt: the payment notification to the server is.
 */
export function useCheckout<O extends PaidOrder = OrderView>({
  receiptUrl,
  handleRefusal,
  onAbandoned,
}: {
  /** The flow's receipt page; `justPaid`: a still-pending order means "confirming", not "unpaid". */
  receiptUrl(orderId: string, justPaid: boolean): string;
  /** Opens the availability sheet for a SERVICE_CLOSED & co. refusal; true when it did. */
  handleRefusal(e: unknown): boolean;
  /** The resident backed out after an order was made. */
  onAbandoned(): void;
}): Checkout<O> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sandbox, setSandbox] = useState<Checkout<O>['sandbox']>(null);

  const showReceipt = useCallback(
    (orderId: string, justPaid = true) => {
      void Taro.navigateTo({ url: receiptUrl(orderId, justPaid) });
    },
    [receiptUrl],
  );

  const cancelled = () => {
    void Taro.showToast({ title: '已取消支付，没有扣款', icon: 'none' });
    onAbandoned();
  };

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
        cancelled();
        return true;
      }
      setError(`微信支付没有完成（${msg.replace(/^requestPayment:fail\s*/, '') || '未知原因'}）。可以重试；如果其实已经扣款，系统会自动确认，不会重复收费。`);
      return false;
    }
  };

  const checkout = async (pay: () => Promise<PayAnswer<O>>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      const { order, payment } = await pay();
      if (!payment) {
        // Already paid, settled or closed: the receipt says which.
        showReceipt(order.orderId, false);
        return true;
      }
      if (payment.provider === 'sandbox') {
        setSandbox({ order, payment });
        return true;
      }
      return await payWithWechat(order, payment);
    } catch (e) {
      if (handleRefusal(e)) return true;
      setError(toApiError(e).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    sandbox,
    checkout,
    clearError: () => setError(null),
    sandboxPaid: (orderId: string) => {
      setSandbox(null);
      showReceipt(orderId);
    },
    sandboxCancelled: () => {
      setSandbox(null);
      cancelled();
    },
  };
}
