import { type CloudPay, cloudPayProvider } from './provider';

const unused = async (): Promise<never> => {
  throw new Error('not called');
};
/** A cloudPay whose unused calls fail: each test supplies the ones it expects. */
const cloudPayWith = (over: Partial<CloudPay>): CloudPay => ({ unifiedOrder: unused, queryOrder: unused, closeOrder: unused, refund: unused, ...over });

describe('the cloudPay payment provider', () => {
  it('asks WeChat Pay for the order’s amount in fen, naming payNotify as the callback', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const cloudPay = {
      unifiedOrder: async (args: Record<string, unknown>) => {
        calls.push(args);
        return { returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' } };
      },
    };
    const p = cloudPayProvider(cloudPayWith(cloudPay), { subMchId: '1900000109', envId: 'bianmin-prod', notifyFunction: 'payNotify' }, () => 'nonce1');
    const params = await p.createPayment({ orderId: 'BM20260310120000ABCDEFGH', amount: 28119, description: '电费 2026-02', openid: 'o1' });
    expect(params).toEqual({ provider: 'wechat', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'MD5', paySign: 's' });
    // CloudPay.unifiedOrder's reference names its arguments camelCase.
    expect(calls[0]).toEqual({
      functionName: 'payNotify',
      envId: 'bianmin-prod',
      subMchId: '1900000109',
      nonceStr: 'nonce1',
      body: '电费 2026-02',
      outTradeNo: 'BM20260310120000ABCDEFGH',
      totalFee: 28119,
      spbillCreateIp: '127.0.0.1',
      tradeType: 'JSAPI',
    });
  });

  it('fails loudly when WeChat Pay refuses the order, so the resident is told nothing was charged', async () => {
    const p = cloudPayProvider(cloudPayWith({ unifiedOrder: async () => ({ returnCode: 'FAIL', errMsg: 'sub_mch_id 无效' }) }), { subMchId: 'x', envId: 'e', notifyFunction: 'payNotify' }, () => 'n');
    await expect(p.createPayment({ orderId: 'BM1', amount: 1, description: 'x', openid: 'o' })).rejects.toThrow(/unifiedOrder failed/);
  });
});

describe('the cloudPay provider asking, closing and refunding', () => {
  const config = { subMchId: '1900000109', envId: 'bianmin-prod', notifyFunction: 'payNotify' };
  const ok = { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };

  it.each([
    [{ ...ok, tradeState: 'SUCCESS', transactionId: '4200001', totalFee: 1200, timeEnd: '20260310120500' }, { state: 'paid', transactionId: '4200001', amount: 1200, paidAt: new Date('2026-03-10T04:05:00Z') }],
    [{ ...ok, tradeState: 'REFUND', transactionId: '4200001', totalFee: 1200, timeEnd: '20260310120500' }, { state: 'refunded', transactionId: '4200001', amount: 1200, paidAt: new Date('2026-03-10T04:05:00Z') }],
    [{ ...ok, tradeState: 'NOTPAY' }, { state: 'unpaid' }],
    [{ ...ok, tradeState: 'USERPAYING' }, { state: 'paying' }],
    [{ ...ok, tradeState: 'CLOSED' }, { state: 'closed' }],
    [{ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' }, { state: 'unknown' }],
  ])('reads queryOrder %j as %j, the payment time taken from WeChat’s Beijing-time time_end', async (answer, expected) => {
    const calls: Array<Record<string, unknown>> = [];
    const p = cloudPayProvider(cloudPayWith({ queryOrder: async (a) => (calls.push(a), answer) }), config, () => 'n1');
    await expect(p.queryOrder('BM20260310120000ABCDEFGH')).resolves.toEqual(expected);
    // CloudPay.queryOrder's reference names them snake_case, not unifiedOrder's camelCase.
    expect(calls[0]).toEqual({ sub_mch_id: '1900000109', out_trade_no: 'BM20260310120000ABCDEFGH', nonce_str: 'n1' });
  });

  it.each([
    ['the SDK’s camelCase, with its own errCode 0 over WeChat’s err_code (practice)', { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 0, errMsg: 'cloudPay.queryOrder:ok', errCodeDes: '此交易订单号不存在' }, { state: 'unknown' }],
    ['the reference’s snake_case', { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'ORDERNOTEXIST', err_code_des: '此交易订单号不存在' }, { state: 'unknown' }],
    [
      'the reference’s snake_case, paid',
      { return_code: 'SUCCESS', result_code: 'SUCCESS', trade_state: 'SUCCESS', transaction_id: '4200001', total_fee: 1200, time_end: '20260310120500' },
      { state: 'paid', transactionId: '4200001', amount: 1200, paidAt: new Date('2026-03-10T04:05:00Z') },
    ],
  ])('reads an answer in %s', async (_l, answer, expected) => {
    const p = cloudPayProvider(cloudPayWith({ queryOrder: async () => answer }), config, () => 'n1');
    await expect(p.queryOrder('BM1')).resolves.toEqual(expected);
  });

  it('refuses a paid answer without a usable payment time rather than inventing one', async () => {
    const p = cloudPayProvider(cloudPayWith({ queryOrder: async () => ({ ...ok, tradeState: 'SUCCESS', transactionId: '4200001', totalFee: 1200, timeEnd: '20260230120500' }) }), config, () => 'n');
    await expect(p.queryOrder('BM1')).rejects.toMatchObject({ name: 'PaymentProviderError', code: 'MALFORMED' });
  });

  it('treats closeOrder’s ORDERPAID as “the resident paid first”, and a WeChat error as a failure', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const paid = cloudPayProvider(cloudPayWith({ closeOrder: async (a) => (calls.push(a), { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERPAID' }) }), config, () => 'n');
    await expect(paid.closeOrder('BM1')).resolves.toBe('paid');
    expect(calls[0]).toEqual({ sub_mch_id: '1900000109', out_trade_no: 'BM1', nonce_str: 'n' });
    // In practice the SDK has put its own errCode 0 over ORDERPAID: the words remain.
    const paidPractice = cloudPayProvider(cloudPayWith({ closeOrder: async () => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 0, errCodeDes: '订单已支付' }) }), config, () => 'n');
    await expect(paidPractice.closeOrder('BM1')).resolves.toBe('paid');
    const closed = cloudPayProvider(cloudPayWith({ closeOrder: async () => ok }), config, () => 'n');
    await expect(closed.closeOrder('BM1')).resolves.toBe('closed');
    const broken = cloudPayProvider(cloudPayWith({ closeOrder: async () => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' }) }), config, () => 'n');
    await expect(broken.closeOrder('BM1')).rejects.toMatchObject({ code: 'SYSTEMERROR' });
  });

  it('asks for a refund with our refund id and fen amounts, naming payNotify for the refund notification', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const p = cloudPayProvider(cloudPayWith({ refund: async (a) => (calls.push(a), { ...ok, refundId: '50300001' }) }), config, () => 'n');
    await expect(p.refund({ refundId: 'RF4200001', orderId: 'BM1', transactionId: '4200001', totalFee: 1200, refundFee: 1200 })).resolves.toEqual({ state: 'processing', providerRefundId: '50300001' });
    // CloudPay.refund's reference: functionName and envId camelCase, the rest snake_case.
    expect(calls[0]).toEqual({ functionName: 'payNotify', envId: 'bianmin-prod', sub_mch_id: '1900000109', nonce_str: 'n', out_trade_no: 'BM1', out_refund_no: 'RF4200001', total_fee: 1200, refund_fee: 1200 });
    const refused = cloudPayProvider(cloudPayWith({ refund: async () => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'NOTENOUGH', errCodeDes: '余额不足' }) }), config, () => 'n');
    await expect(refused.refund({ refundId: 'RF1', orderId: 'BM1', transactionId: '1', totalFee: 1, refundFee: 1 })).rejects.toMatchObject({ operation: 'refund', code: 'NOTENOUGH' });
  });
});
