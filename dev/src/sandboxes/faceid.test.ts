import { AppError } from '@bianmin/core';
import { tencentFaceVerifier } from '@bianmin/server/faceid/tencent';
import type { FaceVerifier } from '@bianmin/server/faceid/port';
import { silentLogger } from '@bianmin/server/log';
import { RESIDENTS } from '../fixtures';
import { type FaceIdSandbox, installFaceId } from './faceid';
import { startTencentCloudSandbox, TcError, type TencentCloudSandbox } from './tencentcloud';

const ZHANG = RESIDENTS[0];

let tc: TencentCloudSandbox;
let faceId: FaceIdSandbox;
/** A second stand-in answering scripted result codes, the ones the page's three buttons do not produce. */
let scripted: TencentCloudSandbox;
beforeAll(async () => {
  tc = await startTencentCloudSandbox();
  faceId = installFaceId(tc, RESIDENTS);
  scripted = await startTencentCloudSandbox({ secretId: tc.secretId, secretKey: tc.secretKey });
  scripted.register('GetDetectInfoEnhanced', (p) => {
    if (p.BizToken === 'FLAKY') throw new TcError('InternalError', 'internal');
    return { Text: { ErrCode: Number(p.BizToken), ErrMsg: 'x', IdCard: null, Name: null } };
  });
});
afterAll(async () => {
  await tc.stop();
  await scripted.stop();
});

const verifier = (over: { secretKey?: string; endpoint?: string; redirectUrl?: string } = {}) =>
  tencentFaceVerifier(
    { secretId: tc.secretId, secretKey: over.secretKey ?? tc.secretKey, region: 'ap-guangzhou', endpoint: over.endpoint ?? tc.endpoint, protocol: 'http://' },
    { ruleId: faceId.ruleId, log: silentLogger, redirectUrl: over.redirectUrl },
  );

/** The port's start and result with the fields FaceID does not use filled in. */
const who = { reference: '0'.repeat(32), openid: 'oFaceIdTest0001' };
async function begin(v: FaceVerifier, person: { idNumber: string; name: string; extra: string }) {
  const s = await v.start({ ...who, ...person });
  return { bizToken: s.session, url: s.url! };
}
const ask = (v: FaceVerifier, bizToken: string) => v.result({ ...who, session: bizToken });

describe('FaceID through the real SDK against the sandbox', () => {
  it('starts a check and reads pending, then passed with the identity FaceID verified', async () => {
    const v = verifier();
    const { bizToken, url } = await begin(v, { idNumber: ZHANG.idNumber, name: ZHANG.name, extra: 'insurance' });
    expect(url).toBe(faceId.pageUrl(bizToken));
    expect(await ask(v, bizToken)).toEqual({ state: 'pending' });
    expect(faceId.decide(bizToken, 'pass')).toBe(true);
    expect(faceId.decide(bizToken, 'fail')).toBe(false);
    expect(await ask(v, bizToken)).toEqual({ state: 'passed', verified: { idNumber: ZHANG.idNumber, name: ZHANG.name } });
  });

  it.each([
    [17, { state: 'abandoned' }],
    [15, { state: 'expired' }],
    [2016, { state: 'failed', code: '2016', reason: 'face_mismatch' }],
    [2006, { state: 'failed', code: '2006', reason: 'identity_mismatch' }],
    [2005, { state: 'failed', code: '2005', reason: 'no_identity_record' }],
    [1002, { state: 'failed', code: '1002', reason: 'liveness' }],
    [9999, { state: 'failed', code: '9999', reason: 'other' }],
  ])('reads ErrCode %p as %p', async (code, expected) => {
    expect(await ask(verifier({ endpoint: scripted.endpoint }), String(code))).toEqual(expected);
  });

  it('turns FaceID being unreachable into DEPARTMENT_UNAVAILABLE, wrong keys into INTERNAL, a refusal into DEPARTMENT_ERROR', async () => {
    const down = await startTencentCloudSandbox();
    await down.stop();
    await expect(ask(verifier({ endpoint: down.endpoint }), 'X')).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('人脸认证服务') });
    await expect(ask(verifier({ endpoint: scripted.endpoint }), 'FLAKY')).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    await expect(begin(verifier({ secretKey: 'wrong' }), { idNumber: ZHANG.idNumber, name: ZHANG.name, extra: '' })).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(ask(verifier(), 'NO-SUCH-TOKEN')).rejects.toBeInstanceOf(AppError);
    await expect(ask(verifier(), 'NO-SUCH-TOKEN')).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
  });
});

describe("the sandbox's face-check page (the tester's pass / fail / abandon)", () => {
  const post = (url: string, result: string) =>
    fetch(`${url}/result`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `result=${result}`, redirect: 'manual' });

  it('offers the three outcomes, masks who is checked, and without a RedirectUrl sends the resident back in history', async () => {
    const v = verifier();
    const { bizToken, url } = await begin(v, { idNumber: ZHANG.idNumber, name: ZHANG.name, extra: 'insurance' });
    const html = await (await fetch(url)).text();
    expect(html).toContain('value="pass"');
    expect(html).toContain('value="fail"');
    expect(html).toContain('value="abandon"');
    expect(html).not.toContain(ZHANG.idNumber);
    expect(html).not.toContain(ZHANG.name);
    const done = await post(url, 'fail');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('history.go(-2)');
    expect(await ask(v, bizToken)).toMatchObject({ state: 'failed', reason: 'face_mismatch' });
    // A decided check is final: a second tap changes nothing.
    expect((await post(url, 'pass')).status).toBe(409);
    expect(await ask(v, bizToken)).toMatchObject({ state: 'failed' });
  });

  it("goes back to DetectAuth's RedirectUrl with the token appended, as FaceID's h5 flow does", async () => {
    const v = verifier({ redirectUrl: 'https://bianmin.example/#/insurance/pages/verify/index' });
    const { bizToken, url } = await begin(v, { idNumber: ZHANG.idNumber, name: ZHANG.name, extra: 'insurance' });
    const done = await post(url, 'pass');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`https://bianmin.example/#/insurance/pages/verify/index?token=${bizToken}`);
    expect(await ask(v, bizToken)).toMatchObject({ state: 'passed' });
  });

  it('refuses an outcome that is not one of the three, and an unknown token', async () => {
    const { url } = await begin(verifier(), { idNumber: ZHANG.idNumber, name: ZHANG.name, extra: 'insurance' });
    expect((await post(url, 'maybe')).status).toBe(400);
    expect((await fetch(url.replace(/[0-9A-F-]{36}$/, '00000000-0000-0000-0000-000000000000'))).status).toBe(404);
  });
});
