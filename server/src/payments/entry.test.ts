import { useCloudbaseEnv, mainOf } from '../runtime/entry-testing';

const main = mainOf('payNotify');

/** The deployed notify entry reads SOURCE from the WeChat context, as CloudBase sets it. */
describe('the payNotify cloud function entry', () => {
  useCloudbaseEnv();

  it('refuses a notification whose WeChat context is not the pay callback, whatever the event claims', async () => {
    Object.assign(process.env, { LOG_LEVEL: 'silent', WX_CONTEXT_KEYS: 'WX_OPENID,SOURCE', WX_OPENID: 'oAttacker0001', SOURCE: 'wx_client' });
    const answer = await main({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'BM20260310120000ABCDEFGH', transactionId: '42', totalFee: 1, SOURCE: 'wx_paycallback' });
    expect(answer).toEqual({ errcode: 1, errmsg: 'source rejected' });
  });

  it('passes the source check when CloudBase says the call is the pay callback', async () => {
    Object.assign(process.env, { LOG_LEVEL: 'silent', WX_CONTEXT_KEYS: 'SOURCE', SOURCE: 'wx_paycallback' });
    const answer = await main({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'BM20260310120000ABCDEFGH', transactionId: '42', totalFee: 1, timeEnd: '20260310120000' });
    // No database configured in this test: it gets as far as looking the order up, and asks WeChat to retry.
    expect(answer).toEqual({ errcode: 1, errmsg: 'temporary failure' });
  });
});
