import { cloudPayProvider } from './provider';

describe('the cloudPay payment provider', () => {
  it('asks WeChat Pay for the order’s amount in fen, naming payNotify as the callback', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const cloudPay = {
      unifiedOrder: async (args: Record<string, unknown>) => {
        calls.push(args);
        return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' } };
      },
    };
    const p = cloudPayProvider(cloudPay, { subMchId: '1900000109', envId: 'bianmin-prod', notifyFunction: 'payNotify' }, () => 'nonce1');
    const params = await p.createPayment({ orderId: 'BM20260310120000ABCDEFGH', amount: 28119, description: '电费 2026-02', openid: 'o1' });
    expect(params).toEqual({ provider: 'wechat', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' });
    expect(calls[0]).toMatchObject({ outTradeNo: 'BM20260310120000ABCDEFGH', totalFee: 28119, functionName: 'payNotify', envId: 'bianmin-prod', subMchId: '1900000109', nonceStr: 'nonce1' });
  });

  it('fails loudly when WeChat Pay refuses the order, so the resident is told nothing was charged', async () => {
    const p = cloudPayProvider({ unifiedOrder: async () => ({ returnCode: 'FAIL', errMsg: 'sub_mch_id 无效' }) }, { subMchId: 'x', envId: 'e', notifyFunction: 'payNotify' }, () => 'n');
    await expect(p.createPayment({ orderId: 'BM1', amount: 1, description: 'x', openid: 'o' })).rejects.toThrow(/unifiedOrder failed/);
  });
});
