import type { PaymentParams } from '@bianmin/core';

export interface PaymentRequest {
  orderId: string;
  /** Fen. */
  amount: number;
  /** What the resident sees on the WeChat Pay sheet, e.g. '电费 2026-02 户号尾号6789'. */
  description: string;
  openid: string;
}

/**
 * Where the money is taken. On CloudBase: WeChat Pay through cloud.cloudPay.unifiedOrder, whose
 * notification arrives at the payNotify function. Locally: a sandbox whose "pay" button is
 * POST /api/__dev/payments/<orderId>/confirm, delivering the very same notification.
 * Creating the payment twice for one order must be harmless (duplicate taps race here).
 */
export interface PaymentProvider {
  createPayment(req: PaymentRequest): Promise<PaymentParams>;
}

export function sandboxPaymentProvider(): PaymentProvider {
  return {
    async createPayment(req) {
      return { provider: 'sandbox', orderId: req.orderId, amount: req.amount, confirmPath: `/api/__dev/payments/${req.orderId}/confirm` };
    },
  };
}

interface CloudPay {
  unifiedOrder(args: Record<string, unknown>): Promise<{
    returnCode?: string;
    resultCode?: string;
    errCode?: number;
    errMsg?: string;
    payment?: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string };
  }>;
}

export interface CloudPayConfig {
  subMchId: string;
  envId: string;
  /** The function WeChat Pay notifies (permissions in its config.json). */
  notifyFunction: string;
}

/** WeChat Pay through CloudBase's cloudPay (needs `permissions.openapi: ["cloudPay.unifiedOrder"]`). */
export function cloudPayProvider(cloudPay: CloudPay, config: CloudPayConfig, nonce: () => string): PaymentProvider {
  return {
    async createPayment(req) {
      const res = await cloudPay.unifiedOrder({
        body: req.description.slice(0, 40),
        outTradeNo: req.orderId,
        spbillCreateIp: '127.0.0.1',
        subMchId: config.subMchId,
        totalFee: req.amount,
        envId: config.envId,
        functionName: config.notifyFunction,
        nonceStr: nonce(),
        tradeType: 'JSAPI',
      });
      if (!res.payment || res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS') {
        throw new Error(`unifiedOrder failed: ${res.returnCode}/${res.resultCode} ${res.errCode ?? ''} ${res.errMsg ?? ''}`);
      }
      return { provider: 'wechat', ...res.payment };
    },
  };
}
