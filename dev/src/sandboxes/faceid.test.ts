import { AppError } from '@bianmin/core';
import { tencentFaceVerifier } from '@bianmin/server/faceid/tencent';
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

const verifier = (over: { secretKey?: string; endpoint?: string } = {}) =>
  tencentFaceVerifier(
    { secretId: tc.secretId, secretKey: over.secretKey ?? tc.secretKey, region: 'ap-guangzhou', endpoint: over.endpoint ?? tc.endpoint, protocol: 'http://' },
    { ruleId: faceId.ruleId, log: silentLogger },
  );

describe('FaceID through the real SDK against the sandbox', () => {
  it('starts a check and reads pending, then passed with the identity FaceID verified', async () => {
    const v = verifier();
    const { bizToken, url } = await v.start({ idNumber: ZHANG.idNumber, name: ZHANG.name, extra: 'insurance' });
    expect(url).toBe(faceId.pageUrl(bizToken));
    expect(await v.result(bizToken)).toEqual({ state: 'pending' });
    expect(faceId.decide(bizToken, 'pass')).toBe(true);
    expect(faceId.decide(bizToken, 'fail')).toBe(false);
    expect(await v.result(bizToken)).toEqual({ state: 'passed', idNumber: ZHANG.idNumber, name: ZHANG.name });
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
    expect(await verifier({ endpoint: scripted.endpoint }).result(String(code))).toEqual(expected);
  });

  it('turns FaceID being unreachable into DEPARTMENT_UNAVAILABLE, wrong keys into INTERNAL, a refusal into DEPARTMENT_ERROR', async () => {
    const down = await startTencentCloudSandbox();
    await down.stop();
    await expect(verifier({ endpoint: down.endpoint }).result('X')).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('人脸认证服务') });
    await expect(verifier({ endpoint: scripted.endpoint }).result('FLAKY')).rejects.toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE' });
    await expect(verifier({ secretKey: 'wrong' }).start({ idNumber: ZHANG.idNumber, name: ZHANG.name, extra: '' })).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(verifier().result('NO-SUCH-TOKEN')).rejects.toBeInstanceOf(AppError);
    await expect(verifier().result('NO-SUCH-TOKEN')).rejects.toMatchObject({ code: 'DEPARTMENT_ERROR' });
  });
});
