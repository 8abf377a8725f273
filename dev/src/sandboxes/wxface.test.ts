import { AppError } from '@bianmin/core';
import type { FaceVerifier } from '@bianmin/server/faceid/port';
import { certHash, weChatFaceVerifier } from '@bianmin/server/faceid/wechat';
import { silentLogger } from '@bianmin/server/log';
import { weChatApi } from '@bianmin/server/wechat/api';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESIDENTS } from '../fixtures';
import { startWxFaceSandbox, type WxFaceSandbox } from './wxface';

const [ZHANG, LI] = RESIDENTS;
let wx: WxFaceSandbox;
let clockMs = Date.parse('2026-03-10T04:00:00Z');

beforeAll(async () => {
  wx = await startWxFaceSandbox(RESIDENTS, { now: () => clockMs });
});
afterAll(() => wx.stop());

const verifier = (over: Partial<{ appSecret: string; baseUrl: string }> = {}): FaceVerifier =>
  weChatFaceVerifier(weChatApi({ appId: wx.appId, appSecret: over.appSecret ?? wx.appSecret, baseUrl: over.baseUrl ?? wx.url }, { timeoutMs: 2000, log: silentLogger, now: () => clockMs }), { log: silentLogger });

let seq = 0;
const reference = () => `${Date.now().toString(16)}${(seq++).toString(16).padStart(8, '0')}`.padEnd(32, '0').slice(0, 32);

async function begin(v: FaceVerifier, person = ZHANG, openid = person.openid) {
  const ref = reference();
  const started = await v.start({ reference: ref, openid, idNumber: person.idNumber, name: person.name, extra: 'insurance' });
  return { verifyId: started.session, url: started.url, check: { session: started.session, reference: ref, openid, secret: started.secret } };
}

describe("WeChat's cert_hash", () => {
  it("matches WeChat's worked example", () => {
    expect(certHash('IDENTITY_CARD', '张三', '310101199801011234')).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
  });
});

describe('WeChat 人脸核身 2.0 through the adapter against the sandbox', () => {
  it('gets a verify_id for the resident, reads pending before the face step, and a pass only from queryverifyinfo', async () => {
    const v = verifier();
    const { verifyId, url, check } = await begin(v);
    expect(verifyId).toMatch(/^[A-Za-z0-9_-]{16,256}$/);
    expect(url).toBeUndefined();
    expect(check.secret).toBe(certHash('IDENTITY_CARD', ZHANG.name, ZHANG.idNumber));
    expect(await v.result(check)).toEqual({ state: 'pending' });
    expect(wx.faceStep(verifyId, 'pass')).toEqual({ errCode: 0, errMsg: 'requestFacialVerify:ok' });
    expect(await v.result(check)).toEqual({ state: 'passed', verified: 'as_asked' });
    // One face step per verify_id: a second one is refused and changes nothing.
    expect(wx.faceStep(verifyId, 'fail').errCode).toBe(84001);
    expect(await v.result(check)).toEqual({ state: 'passed', verified: 'as_asked' });
  });

  it.each([
    ['fail', { state: 'failed', code: '10004', reason: 'face_mismatch' }],
    ['abandon', { state: 'abandoned' }],
  ] as const)('reads a face step that ended in %s as %p', async (outcome, expected) => {
    const v = verifier();
    const { verifyId, check } = await begin(v);
    wx.faceStep(verifyId, outcome);
    expect(await v.result(check)).toEqual(expected);
  });

  it('fails a pass for a name that does not go with the ID number (10003), as WeChat would', async () => {
    const v = verifier();
    const { verifyId, check } = await begin(v, { ...ZHANG, name: LI.name });
    wx.faceStep(verifyId, 'pass');
    expect(await v.result(check)).toEqual({ state: 'failed', code: '10003', reason: 'identity_mismatch' });
  });

  it("refuses the face step of another WeChat user: the verify_id is bound to the openid it was made for", async () => {
    const v = verifier();
    const { verifyId, check } = await begin(v);
    expect(wx.faceStep(verifyId, 'pass', LI.openid).errCode).toBe(84001);
    expect(await v.result(check)).toEqual({ state: 'pending' });
  });

  it('answers only for the same out_seq_no, openid and cert_hash: another identity’s hash or another openid is a refusal, never a pass', async () => {
    const v = verifier();
    const { verifyId, check } = await begin(v);
    wx.faceStep(verifyId, 'pass');
    await expect(v.result({ ...check, secret: certHash('IDENTITY_CARD', LI.name, LI.idNumber) })).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
    await expect(v.result({ ...check, openid: LI.openid })).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
    await expect(v.result({ ...check, reference: reference() })).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
  });

  it('reads a verify_id WeChat no longer knows (it lives 3600 s) as expired', async () => {
    const v = verifier();
    const { check } = await begin(v);
    clockMs += 3600_000;
    try {
      expect(await v.result(check)).toEqual({ state: 'expired' });
      expect(await v.result({ ...check, session: 'no-such-verify-id-0000' })).toEqual({ state: 'expired' });
    } finally {
      clockMs -= 3600_000;
    }
  });

  it('refuses a reused out_seq_no (unique per appid)', async () => {
    const v = verifier();
    const ref = reference();
    await v.start({ reference: ref, openid: ZHANG.openid, idNumber: ZHANG.idNumber, name: ZHANG.name, extra: '' });
    await expect(v.start({ reference: ref, openid: ZHANG.openid, idNumber: ZHANG.idNumber, name: ZHANG.name, extra: '' })).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
  });

  it('asks for the stable token once and shares it; a token WeChat no longer takes is asked for again, once', async () => {
    const api = weChatApi({ appId: wx.appId, appSecret: wx.appSecret, baseUrl: wx.url }, { timeoutMs: 2000, log: silentLogger, now: () => clockMs });
    const v = weChatFaceVerifier(api, { log: silentLogger });
    const tokens = () => wx.requests.filter((r) => r.path === '/cgi-bin/stable_token').length;
    const before = tokens();
    await Promise.all([begin(v), begin(v), begin(v)]);
    expect(tokens() - before).toBe(1);
    // Another function force-refreshes: our cached token stops working (40001); we ask again and go on.
    await fetch(`${wx.url}/cgi-bin/stable_token`, { method: 'POST', body: JSON.stringify({ grant_type: 'client_credential', appid: wx.appId, secret: wx.appSecret, force_refresh: true }) });
    const { check } = await begin(v);
    expect(tokens() - before).toBe(3);
    expect(await v.result(check)).toEqual({ state: 'pending' });
    expect(wx.requests.some((r) => r.errcode === 40001)).toBe(true);
  });

  it('turns a wrong AppSecret into INTERNAL, WeChat unreachable or answering garbage into DEPARTMENT_UNAVAILABLE', async () => {
    await expect(begin(verifier({ appSecret: '0'.repeat(32) }))).rejects.toMatchObject({ code: 'INTERNAL' });
    const garbage = createServer((_req, res) => res.end('<html>502</html>'));
    await new Promise<void>((ok) => garbage.listen(0, '127.0.0.1', () => ok()));
    const url = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
    await expect(begin(verifier({ baseUrl: url }))).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('微信人脸核身') });
    await new Promise<void>((ok) => garbage.close(() => ok()));
    await expect(begin(verifier({ baseUrl: url }))).rejects.toBeInstanceOf(AppError);
    await expect(begin(verifier({ baseUrl: url }))).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
  });
});

describe('verify_ret as a resident can act on it', () => {
  const scripted = (verify_ret?: number): FaceVerifier =>
    weChatFaceVerifier({ post: async () => (verify_ret === undefined ? { errcode: 0, errmsg: 'ok' } : { errcode: 0, errmsg: 'ok', verify_ret }) }, { log: silentLogger });
  const check = { session: 'v', reference: 'r'.repeat(32), openid: 'oOpenid0001', secret: 'h' };

  it.each([
    [undefined, { state: 'pending' }],
    [10000, { state: 'passed', verified: 'as_asked' }],
    [10003, { state: 'failed', code: '10003', reason: 'identity_mismatch' }],
    [10004, { state: 'failed', code: '10004', reason: 'face_mismatch' }],
    [10002, { state: 'failed', code: '10002', reason: 'liveness' }],
    [90017, { state: 'failed', code: '90017', reason: 'liveness' }],
    [90008, { state: 'failed', code: '90008', reason: 'device' }],
    [90002, { state: 'abandoned' }],
    [90024, { state: 'abandoned' }],
    [90018, { state: 'failed', code: '90018', reason: 'other' }],
  ])('reads verify_ret %p as %p', async (ret, expected) => {
    expect(await scripted(ret).result(check)).toEqual(expected);
  });

  it('never reads a check without its sealed cert_hash', async () => {
    await expect(scripted(10000).result({ ...check, secret: undefined })).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
