import { openTestDatabase } from '@bianmin/server/db/testing/index';
import { startStack, type Stack } from '@bianmin/dev/stack';
import { cloudPayProvider } from '@bianmin/server/payments/provider';
import { STACK_URL_ENV } from './wx';

/**
 * One local stack for the whole run: every `wx.cloud.callFunction` of the simulated pages is
 * answered by the real functions (dispatch, validation, database, department sandboxes), so
 * what the pages are fed cannot drift from what the functions answer. Workers reach it over
 * loopback HTTP, as the h5 build does, with the caller named by `X-Dev-OpenId`.
 */
export default async function setup(): Promise<void> {
  // Department timeouts and probes as deployed, not the 1 s of the unit tests' stack: on a
  // loaded CI machine a sandbox that answers late would turn a tile "down" and a tap would open
  // the availability sheet instead of the flow. The pages under test are the point here.
  const database = await openTestDatabase();
  const started = await startStack({ port: 0, database, log: 'silent', loops: { ticketsWorker: 10_000 }, departmentTimeoutMs: 15000 });
  const stack: Stack = {
    ...started,
    stop: async () => {
      await started.stop();
      await database.close();
    },
  };
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
      // The page tests never pay for real: an order WeChat Pay is asked about is unpaid.
      queryOrder: async () => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'NOTPAY' }),
      closeOrder: async () => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' }),
      refund: async () => {
        throw new Error('no refunds in the weapp page tests');
      },
    },
    { subMchId: '1900000109', envId: 'bianmin-test', notifyFunction: 'payNotify' },
    () => Math.random().toString(36).slice(2, 18),
  );
  process.env[STACK_URL_ENV] = stack.url;
  (globalThis as { __weappStack?: Stack }).__weappStack = stack;
}
