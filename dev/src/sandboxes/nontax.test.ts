import { silentLogger } from '@bianmin/server/log';
import { nontaxChannel, nontaxProvider, sandboxNontaxApi } from '@bianmin/server/payments/nontax';
import { handleNontaxNotify, nontaxSign } from '@bianmin/server/payments/nontax-notify';
import { PaymentProviderError } from '@bianmin/server/payments/provider';
import { startNontaxSandbox, type NontaxSandbox } from './nontax';

const CONFIG = { appId: 'wxsandboxnontax00', departmentCode: '110100000001', departmentName: '市公安局交通管理局', regionCode: '110100' };
const NOTICE = { paymentNoticeNo: '440304100012345678', noticeType: 2 as const, issuedAt: new Date('2026-03-10T02:00:00Z'), items: [{ itemId: 'FINE', itemName: '罚款', fee: 20000 }, { itemId: 'LATE_FEE', itemName: '加处罚款', fee: 600 }] };
const AT = new Date('2026-03-10T04:00:00Z');

describe('the 非税 sandbox and its adapter', () => {
  let sandbox: NontaxSandbox;
  let provider: ReturnType<typeof nontaxProvider>;
  beforeAll(async () => {
    sandbox = await startNontaxSandbox();
    provider = nontaxProvider(sandboxNontaxApi({ url: sandbox.url, apiKey: sandbox.apiKey }), CONFIG);
  });
  afterAll(() => sandbox?.stop());

  const order = (orderId: string, amount = 20600, notice = NOTICE) => provider.createPayment({ orderId, amount, description: '交通罚款', openid: 'oTest', notice });

  it('places an order for the notice, answers the same order_id to a repeat, and knows it unpaid', async () => {
    const a = await order('BM20260310120000NT0001');
    const b = await order('BM20260310120000NT0001');
    expect(a.channelOrderId).toMatch(/^NT/);
    expect(b.channelOrderId).toBe(a.channelOrderId);
    expect(await provider.queryOrder('BM20260310120000NT0001', a.channelOrderId)).toEqual({ state: 'unpaid' });
    // An order WeChat never gave an id to was never placed: nothing can be paid on it.
    expect(await provider.queryOrder('BM20260310120000NT0001')).toEqual({ state: 'unknown' });
  });

  it('refuses items that do not sum to the fee, an order it never issued, a wrong access token and a field WeChat does not take, in WeChat’s errcodes', async () => {
    await expect(order('BM20260310120000NT0002', 20000)).rejects.toThrow(/do not sum/);
    await expect(provider.getOrder('NTnosuch')).rejects.toMatchObject({ code: '9402002' });
    const res = await fetch(`${sandbox.url}/nontax/getorder?access_token=guess`, { method: 'POST', headers: { 'x-api-key': sandbox.apiKey }, body: JSON.stringify({ appid: 'x', order_id: 'y' }) });
    expect(await res.json()).toEqual({ errcode: 40001, errmsg: expect.stringContaining('invalid credential') });
    const extra = await fetch(`${sandbox.url}/nontax/getorder?access_token=${sandbox.apiKey}`, { method: 'POST', headers: { 'x-api-key': sandbox.apiKey }, body: JSON.stringify({ appid: 'x', order_id: 'y', out_trade_no: 'z' }) });
    expect(await extra.json()).toMatchObject({ errcode: 47001 });
  });

  it('re-pricing a notice closes its earlier unpaid order; a paid notice takes no second order', async () => {
    const notice = { ...NOTICE, paymentNoticeNo: '440305100023456789' };
    const first = await order('BM20260310120000NT0003', 20600, notice);
    const repriced = await order('BM20260311120000NT0004', 21200, { ...notice, items: [notice.items[0], { ...notice.items[1], fee: 1200 }] });
    expect(repriced.channelOrderId).not.toBe(first.channelOrderId);
    expect(await provider.closeOrder('BM20260310120000NT0003', first.channelOrderId)).toBe('closed');
    expect(await provider.queryOrder('BM20260310120000NT0003', first.channelOrderId)).toEqual({ state: 'closed' });
    expect((await sandbox.pay('BM20260311120000NT0004', AT, { deliver: false })).status).toBe(202);
    expect(await provider.closeOrder('BM20260311120000NT0004', repriced.channelOrderId)).toBe('paid');
    const paid = await provider.queryOrder('BM20260311120000NT0004', repriced.channelOrderId);
    expect(paid).toMatchObject({ state: 'paid', amount: 21200, paidAt: AT, eReceipt: { billTypeCode: '04010101', billNo: expect.any(String) } });
    await expect(order('BM20260311130000NT0005', 21200, { ...notice, items: [notice.items[0], { ...notice.items[1], fee: 1200 }] })).rejects.toMatchObject({ code: '9402001' });
  });

  it('refunds once per refund_out_id, and never more than was paid', async () => {
    const notice = { ...NOTICE, paymentNoticeNo: '440303100009876543' };
    const p = await order('BM20260310120000NT0006', 20600, notice);
    const tx = { refundId: 'RF1', orderId: 'BM20260310120000NT0006', transactionId: 'x', totalFee: 20600, refundFee: 20600 };
    await expect(provider.refund({ ...tx, channelOrderId: p.channelOrderId })).rejects.toMatchObject({ code: '9402003' });
    await sandbox.pay('BM20260310120000NT0006', AT, { deliver: false });
    const a = await provider.refund({ ...tx, channelOrderId: p.channelOrderId });
    const b = await provider.refund({ ...tx, channelOrderId: p.channelOrderId });
    expect(a).toEqual({ state: 'refunded', providerRefundId: expect.stringMatching(/^NR/) });
    expect(b.providerRefundId).toBe(a.providerRefundId);
    expect(sandbox.byOrderNo('BM20260310120000NT0006')!.refunds.size).toBe(1);
    await expect(provider.refund({ ...tx, refundId: 'RF2', channelOrderId: p.channelOrderId })).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it('signs its notifications so that any change to a field breaks the signature, and the receiver refuses it before reading', async () => {
    await order('BM20260310120000NT0007', 20600, { ...NOTICE, paymentNoticeNo: '440305100034567890' });
    await sandbox.pay('BM20260310120000NT0007', AT, { deliver: false });
    const event = sandbox.pending.at(-1)!.event;
    expect(event.sign).toBe(nontaxSign(event, sandbox.notifyKey));
    const db = () => Promise.reject(new Error('the database must not be reached'));
    const deps = { db, log: silentLogger, payables: { all: [], of: () => { throw new Error('no kind'); } } } as never;
    for (const forged of [{ ...event, fee: 1 }, { ...event, trans_id: '1' }, { ...event, sign: undefined }, 'garbage', null]) {
      expect(await handleNontaxNotify(deps, forged, sandbox.notifyKey, AT)).toEqual({ errcode: 1, errmsg: 'sign error' });
    }
    expect(await handleNontaxNotify(deps, event, 'another-key', AT)).toEqual({ errcode: 1, errmsg: 'sign error' });
  });

  it('the deployed channel takes the mini-program’s stable token with MP_APPID and MP_APPSECRET, places, reads and refunds a fine, and keeps WeChat’s errcode', async () => {
    const log = silentLogger;
    const deployed = nontaxChannel({ weChat: { appId: CONFIG.appId, appSecret: sandbox.appSecret, baseUrl: sandbox.url }, nontax: { departmentCode: CONFIG.departmentCode, departmentName: CONFIG.departmentName, regionCode: CONFIG.regionCode } }, log);
    const notice = { ...NOTICE, paymentNoticeNo: '440306100045678901' };
    const placed = await deployed.createPayment({ orderId: 'BM20260310120000NT0008', amount: 20600, description: '交通罚款', openid: 'oTest', notice });
    // WeChat's parameters for wx.requestPayment, not the h5 sandbox sheet's.
    expect(placed).toMatchObject({ provider: 'wechat', channelOrderId: expect.stringMatching(/^NT/), package: expect.any(String), paySign: expect.any(String) });
    expect(sandbox.byOrderNo('BM20260310120000NT0008')).toMatchObject({ paymentNoticeNo: '440306100045678901', fee: 20600 });
    await sandbox.pay('BM20260310120000NT0008', AT, { deliver: false });
    expect(await deployed.queryOrder('BM20260310120000NT0008', placed.channelOrderId)).toMatchObject({ state: 'paid', amount: 20600, eReceipt: { billNo: expect.any(String) } });
    expect(await deployed.refund({ orderId: 'BM20260310120000NT0008', refundId: 'RF8', totalFee: 20600, transactionId: 'x', refundFee: 20600, channelOrderId: placed.channelOrderId })).toMatchObject({ state: 'refunded' });
    await expect(deployed.queryOrder('BM20260310120000NT0009', 'NTnosuch')).rejects.toMatchObject({ name: 'PaymentProviderError', code: '9402002' });
    // A wrong AppSecret is WeChat's refusal of the token, never a payment taken.
    const wrong = nontaxChannel({ weChat: { appId: CONFIG.appId, appSecret: 'f'.repeat(32), baseUrl: sandbox.url }, nontax: { departmentCode: CONFIG.departmentCode, departmentName: CONFIG.departmentName, regionCode: CONFIG.regionCode } }, log);
    await expect(wrong.createPayment({ orderId: 'BM20260310120000NT0010', amount: 20600, description: '交通罚款', openid: 'oTest', notice: { ...NOTICE, paymentNoticeNo: '440306100045678902' } })).rejects.toMatchObject({ name: 'PaymentProviderError', code: '40125' });
    expect(sandbox.byOrderNo('BM20260310120000NT0010')).toBeUndefined();
  });

  it('a function without the collecting unit configured refuses every 非税 call and says which variables are missing', async () => {
    const lines: string[] = [];
    const log = { ...silentLogger, error: (m: string) => void lines.push(m) } as never;
    const unconfigured = nontaxChannel({ weChat: undefined, nontax: undefined }, log);
    await expect(unconfigured.createPayment({ orderId: 'BM20260310120000NT0011', amount: 1, description: 'x', openid: 'o', notice: NOTICE })).rejects.toThrow(/not configured/);
    expect(lines.join('\n')).toMatch(/NONTAX_DEPARTMENT_CODE/);
  });
});
