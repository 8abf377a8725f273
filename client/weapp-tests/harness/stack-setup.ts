import { startTestStack, type TestStack } from '@bianmin/dev/testing/stack';
import { cloudPayProvider } from '@bianmin/server/payments/provider';

export const STACK_URL_ENV = 'BIANMIN_WEAPP_STACK_URL';

/**
 * One local stack for the whole run: every `wx.cloud.callFunction` of the simulated pages is
 * answered by the real functions (dispatch, validation, database, department sandboxes), so
 * what the pages are fed cannot drift from what the functions answer. Workers reach it over
 * loopback HTTP, as the h5 build does, with the caller named by `X-Dev-OpenId`.
 */
export default async function setup(): Promise<void> {
  const stack = await startTestStack();
  // A deployed function pays through WeChat Pay (cloudPay.unifiedOrder), so the weapp gets
  // `requestPayment` parameters, never the h5 sandbox sheet. CloudBase's cloudPay needs
  // credentials and a network: this stand-in answers as unifiedOrder does, per order.
  stack.deps.payments = cloudPayProvider(
    {
      unifiedOrder: async (args) => ({
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        payment: {
          timeStamp: '1773115200',
          nonceStr: String(args.nonceStr),
          package: `prepay_id=wx${String(args.outTradeNo)}`,
          signType: 'MD5',
          paySign: `sign-${String(args.outTradeNo)}-${String(args.totalFee)}`,
        },
      }),
    },
    { subMchId: '1900000109', envId: 'bianmin-test', notifyFunction: 'payNotify' },
    () => Math.random().toString(36).slice(2, 18),
  );
  process.env[STACK_URL_ENV] = stack.url;
  (globalThis as { __weappStack?: TestStack }).__weappStack = stack;
}
