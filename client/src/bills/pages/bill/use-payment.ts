import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { BillView, OrderView, PaymentParams } from '@bianmin/core';
import { callFunction, toApiError } from '../../../api';
import { newIdempotencyKey } from '../../shared/idempotency';
import { errorMessageOf, resultUrl } from '../../shared/nav';
import type { SandboxPayment } from './sandbox-types';

type WechatPayment = Extract<PaymentParams, { provider: 'wechat' }>;

export interface PaymentFlow {
  /** The bill in the confirm sheet, or null when it is closed. */
  confirming: BillView | null;
  busy: boolean;
  error: string | null;
  sandbox: { order: OrderView; payment: SandboxPayment } | null;
  open(bill: BillView): void;
  close(): void;
  pay(): Promise<void>;
  sandboxPaid(orderId: string): void;
  sandboxCancelled(): void;
}

/**
 * Pay one bill: confirm sheet → `bills.pay` (one idempotency key per attempt, reused by every
 * tap and retry of it) → WeChat Pay (weapp) or the sandbox sheet (h5) → the receipt page, which
 * asks the server for the outcome. What the phone says about a payment is never the receipt:
 * the payment notification to the server is.
 */
export function usePayment({
  bindingId,
  handleRefusal,
  onAbandoned,
}: {
  bindingId: string;
  /** Opens the availability sheet for a SERVICE_CLOSED & co. refusal; true when it did. */
  handleRefusal(e: unknown): boolean;
  /** The resident backed out after an order was made: the bill now shows as "payment under way". */
  onAbandoned(): void;
}): PaymentFlow {
  const [attempt, setAttempt] = useState<{ bill: BillView; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sandbox, setSandbox] = useState<PaymentFlow['sandbox']>(null);

  const showReceipt = useCallback((orderId: string, justPaid = true) => {
    void Taro.navigateTo({ url: resultUrl(orderId, { justPaid }) });
  }, []);

  const open = useCallback((bill: BillView) => {
    setAttempt({ bill, key: newIdempotencyKey() });
    setError(null);
  }, []);

  const close = useCallback(() => {
    if (!busy) setAttempt(null);
  }, [busy]);

  const payWithWechat = async (order: OrderView, p: WechatPayment) => {
    try {
      await Taro.requestPayment({
        timeStamp: p.timeStamp,
        nonceStr: p.nonceStr,
        package: p.package,
        signType: p.signType as keyof Taro.requestPayment.SignType,
        paySign: p.paySign,
      });
      setAttempt(null);
      showReceipt(order.orderId);
    } catch (e) {
      const msg = errorMessageOf(e);
      // The resident closed WeChat's sheet: a choice, not an error ('requestPayment:fail cancel',
      // and 'requestPayment:cancel' on old clients).
      if (/cancel/i.test(msg)) {
        setAttempt(null);
        void Taro.showToast({ title: '已取消支付，没有扣款', icon: 'none' });
        onAbandoned();
        return;
      }
      setError(`微信支付没有完成（${msg.replace(/^requestPayment:fail\s*/, '') || '未知原因'}）。可以重试；如果其实已经扣款，系统会自动确认，不会重复收费。`);
    }
  };

  const pay = async () => {
    if (!attempt || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { order, payment } = await callFunction('bills', {
        action: 'pay',
        bindingId,
        billId: attempt.bill.billId,
        idempotencyKey: attempt.key,
      });
      if (!payment) {
        // Already paid, settled or closed: the receipt says which.
        setAttempt(null);
        showReceipt(order.orderId, false);
      } else if (payment.provider === 'sandbox') {
        setAttempt(null);
        setSandbox({ order, payment });
      } else {
        await payWithWechat(order, payment);
      }
    } catch (e) {
      if (handleRefusal(e)) {
        setAttempt(null);
        return;
      }
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const sandboxPaid = (orderId: string) => {
    setSandbox(null);
    showReceipt(orderId);
  };

  const sandboxCancelled = () => {
    setSandbox(null);
    void Taro.showToast({ title: '已取消支付，没有扣款', icon: 'none' });
    onAbandoned();
  };

  return { confirming: attempt?.bill ?? null, busy, error, sandbox, open, close, pay, sandboxPaid, sandboxCancelled };
}
