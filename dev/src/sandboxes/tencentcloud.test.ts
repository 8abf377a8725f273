import { sdkClientConfig } from '@bianmin/server/tencentcloud/config';
import { ocr } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ocr';
import { startTencentCloudSandbox, TcError, type TencentCloudSandbox } from './tencentcloud';

let sandbox: TencentCloudSandbox;
beforeAll(async () => {
  sandbox = await startTencentCloudSandbox();
  sandbox.register('GeneralBasicOCR', (params) => {
    if (params.ImageBase64 === 'blurred') throw new TcError('FailedOperation.ImageBlur', '图片模糊');
    return { TextDetections: [{ DetectedText: `read ${String(params.ImageBase64).length} chars` }], Language: 'zh' };
  });
});
afterAll(() => sandbox.stop());

const client = (secretKey = sandbox.secretKey) =>
  new ocr.v20181119.Client(sdkClientConfig({ secretId: sandbox.secretId, secretKey, region: 'ap-guangzhou', endpoint: sandbox.endpoint, protocol: 'http://' }, 2));

describe('Tencent Cloud sandbox', () => {
  it('answers an action the real SDK signed, and records the signed request', async () => {
    const answer = await client().GeneralBasicOCR({ ImageBase64: 'aGVsbG8=' });
    expect(answer.TextDetections?.[0]?.DetectedText).toBe('read 8 chars');
    expect(answer.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const rec = sandbox.requests.at(-1)!;
    expect(rec).toMatchObject({ action: 'GeneralBasicOCR', version: '2018-11-19', region: 'ap-guangzhou', signatureValid: true });
    expect(rec.params).toEqual({ ImageBase64: 'aGVsbG8=' });
  });

  it('refuses a request signed with another secret as the real API does', async () => {
    await expect(client('not-the-secret').GeneralBasicOCR({ ImageBase64: 'aGVsbG8=' })).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    expect(sandbox.requests.at(-1)).toMatchObject({ signatureValid: false, error: 'AuthFailure.SignatureFailure' });
  });

  it('answers a handler error in the API error shape, which the SDK raises with its code', async () => {
    await expect(client().GeneralBasicOCR({ ImageBase64: 'blurred' })).rejects.toMatchObject({ code: 'FailedOperation.ImageBlur', message: '图片模糊' });
  });

  it('answers an action nobody registered with InvalidAction', async () => {
    await expect(client().IDCardOCR({ ImageBase64: 'x' })).rejects.toMatchObject({ code: 'InvalidAction' });
  });

  it('refuses a stale timestamp (signature expired)', async () => {
    const late = await startTencentCloudSandbox({ now: () => Math.floor(Date.now() / 1000) + 3600 });
    late.register('GeneralBasicOCR', () => ({}));
    const c = new ocr.v20181119.Client(sdkClientConfig({ secretId: late.secretId, secretKey: late.secretKey, region: 'ap-guangzhou', endpoint: late.endpoint, protocol: 'http://' }, 2));
    await expect(c.GeneralBasicOCR({ ImageBase64: 'x' })).rejects.toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    await late.stop();
  });
});
