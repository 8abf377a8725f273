import { cloudPayProvider, sandboxPaymentProvider } from '@bianmin/server/payments/provider';
import { type PaySandbox, startPaySandbox } from './pay';

/** The WeChat Pay sandbox refuses what WeChat Pay would refuse, in WeChat's shape, as the SDK hands it back. */
describe('the WeChat Pay sandbox', () => {
  let pay: PaySandbox;
  beforeAll(async () => {
    pay = await startPaySandbox();
  });
  afterAll(() => pay.stop());

  const call = async (api: string, args: Record<string, unknown>) => {
    const res = await fetch(`${pay.url}/cloudPay/${api}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': pay.apiKey }, body: JSON.stringify(args) });
    return (await res.json()) as Record<string, unknown>;
  };
  const order = { functionName: 'payNotify', envId: 'local', subMchId: '1900000109', nonceStr: 'n1', body: '电费', outTradeNo: 'BMSANDBOX0001', totalFee: 100, spbillCreateIp: '127.0.0.1' };

  it('answers an order placed as CloudPay.unifiedOrder’s reference spells it, camelCase, as the SDK returns it', async () => {
    const a = await call('unifiedOrder', order);
    expect(a).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', subMchId: '1900000109', errCode: 0, errMsg: 'cloudPay.unifiedOrder:ok' });
    expect(a.payment).toMatchObject({ package: expect.stringMatching(/^prepay_id=wx/), signType: 'MD5' });
  });

  it.each([
    ['queryOrder', { out_trade_no: 'BMSANDBOX0001', nonce_str: 'n2' }],
    ['closeOrder', { out_trade_no: 'BMSANDBOX0001', nonce_str: 'n2' }],
    ['refund', { functionName: 'payNotify', envId: 'local', nonce_str: 'n2', out_trade_no: 'BMSANDBOX0001', out_refund_no: 'RF1', total_fee: 100, refund_fee: 100 }],
    ['unifiedOrder', { ...order, subMchId: undefined }],
  ])('refuses %s without sub_mch_id in WeChat’s own words', async (api, args) => {
    expect(await call(api, args)).toEqual({ returnCode: 'FAIL', returnMsg: '受理机构必须传入sub_mch_id', errCode: 0, errMsg: `cloudPay.${api}:ok` });
  });

  it('refuses a wrongly spelt name: subMchID reaches WeChat as sub_mch_i_d, so sub_mch_id is missing', async () => {
    expect(await call('queryOrder', { subMchID: '1900000109', out_trade_no: 'BMSANDBOX0001', nonce_str: 'n3' })).toMatchObject({ returnCode: 'FAIL', returnMsg: '受理机构必须传入sub_mch_id' });
  });

  it('refuses a name the call does not take, and a missing required one, naming it', async () => {
    expect(await call('queryOrder', { sub_mch_id: '1900000109', out_trade_no: 'BMSANDBOX0001', nonce_str: 'n3', outTradeNumber: 'x' })).toMatchObject({ returnCode: 'FAIL', returnMsg: expect.stringContaining('out_trade_number') });
    expect(await call('closeOrder', { sub_mch_id: '1900000109', nonce_str: 'n3' })).toMatchObject({ returnCode: 'FAIL', returnMsg: '缺少参数out_trade_no' });
    expect(await call('queryOrder', { sub_mch_id: '1900000109', nonce_str: 'n3' })).toMatchObject({ returnCode: 'FAIL', returnMsg: '缺少参数out_trade_no或transaction_id' });
    expect(await call('refund', { functionName: 'payNotify', envId: 'local', sub_mch_id: '1900000109', nonce_str: 'n', out_trade_no: 'BMSANDBOX0001', out_refund_no: 'RF1', total_fee: 100 })).toMatchObject({
      returnCode: 'FAIL',
      returnMsg: '缺少参数refund_fee',
    });
  });

  it('takes camelCase where the reference says snake_case, because the SDK converts it (what public projects send)', async () => {
    expect(await call('queryOrder', { subMchId: '1900000109', outTradeNo: 'BMSANDBOX0001', nonceStr: 'n4' })).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'NOTPAY' });
  });

  it('loses WeChat’s err_code under the SDK’s errCode 0, as the SDK does, keeping the words: ORDERPAID still reads as paid', async () => {
    await pay.pay('BMSANDBOX0001', new Date('2026-03-10T04:00:00Z'), { deliver: false });
    const a = await call('closeOrder', { sub_mch_id: '1900000109', out_trade_no: 'BMSANDBOX0001', nonce_str: 'n5' });
    expect(a).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 0, errCodeDes: '订单已支付' });
    const provider = sandboxPaymentProvider({ url: pay.url, apiKey: pay.apiKey });
    await expect(provider.closeOrder('BMSANDBOX0001')).resolves.toBe('paid');
    await expect(provider.queryOrder('BMSANDBOX0001')).resolves.toMatchObject({ state: 'paid', amount: 100 });
    await expect(provider.queryOrder('BMNEVERPLACED')).resolves.toEqual({ state: 'unknown' });
  });

  it('refuses the calls our provider would make with a missing sub-merchant, so a misconfiguration fails in tests too', async () => {
    const sdk = (api: string) => (a: Record<string, unknown>) => call(api, a);
    const broken = cloudPayProvider({ unifiedOrder: sdk('unifiedOrder'), queryOrder: sdk('queryOrder'), closeOrder: sdk('closeOrder'), refund: sdk('refund') }, { subMchId: '', envId: 'local', notifyFunction: 'payNotify' }, () => 'n6');
    await expect(broken.queryOrder('BMSANDBOX0001')).rejects.toMatchObject({ name: 'PaymentProviderError', operation: 'queryOrder', code: 'FAIL', message: expect.stringContaining('受理机构必须传入sub_mch_id') });
    await expect(broken.createPayment({ orderId: 'BMSANDBOX0002', amount: 1, description: 'x', openid: 'o' })).rejects.toThrow(/受理机构必须传入sub_mch_id/);
  });
});
