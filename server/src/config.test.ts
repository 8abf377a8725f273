import { loadConfig } from './config';

describe('loadConfig: Tencent Cloud keys', () => {
  it('prefers configured keys', () => {
    expect(loadConfig({ TENCENTCLOUD_SECRET_ID: 'AKIDa', TENCENTCLOUD_SECRET_KEY: 'k', TENCENTCLOUD_SECRETID: 'role', TENCENTCLOUD_SECRETKEY: 'rk' }).tencentCloud).toEqual({ secretId: 'AKIDa', secretKey: 'k', region: 'ap-guangzhou' });
  });

  it("falls back to the function role's temporary credentials, token included", () => {
    expect(loadConfig({ TENCENTCLOUD_SECRETID: 'role', TENCENTCLOUD_SECRETKEY: 'rk', TENCENTCLOUD_SESSIONTOKEN: 'tok', TENCENTCLOUD_REGION: 'ap-shanghai' }).tencentCloud).toEqual({ secretId: 'role', secretKey: 'rk', sessionToken: 'tok', region: 'ap-shanghai' });
  });

  it('is absent when no keys are set, and a malformed region is refused at cold start', () => {
    expect(loadConfig({}).tencentCloud).toBeUndefined();
    expect(() => loadConfig({ TENCENTCLOUD_REGION: 'Guangzhou!' })).toThrow(/TENCENTCLOUD_REGION/);
  });
});
