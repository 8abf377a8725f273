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

describe('loadConfig: real-name verification', () => {
  it('reads the FaceID flow and the ID-number hash key', () => {
    const c = loadConfig({ FACEID_RULE_ID: '12', INSURANCE_ID_HASH_KEY: 'k'.repeat(32) });
    expect(c.faceId).toEqual({ ruleId: '12', redirectUrl: undefined });
    expect(c.insuranceIdHashKey).toBe('k'.repeat(32));
  });

  it('refuses a hash key too short to be a secret, at cold start', () => {
    expect(() => loadConfig({ INSURANCE_ID_HASH_KEY: 'short' })).toThrow(/INSURANCE_ID_HASH_KEY/);
  });

  it('offers WeChat 人脸核身 and FaceID by default, each where its keys are set; WeChat needs the AppID and AppSecret', () => {
    expect(loadConfig({}).faceMethods).toEqual(['wechat', 'faceid']);
    expect(loadConfig({}).weChat).toBeUndefined();
    const c = loadConfig({ MP_APPID: 'wx0123456789abcdef', MP_APPSECRET: 'a'.repeat(32), FACE_METHODS: 'wechat' });
    expect(c.weChat).toEqual({ appId: 'wx0123456789abcdef', appSecret: 'a'.repeat(32), baseUrl: 'https://api.weixin.qq.com' });
    expect(c.faceMethods).toEqual(['wechat']);
    expect(loadConfig({ FACE_METHODS: 'faceid,wechat,faceid', WECHAT_API_URL: 'http://127.0.0.1:9/' })).toMatchObject({ faceMethods: ['faceid', 'wechat'] });
  });

  it("leaves CloudBase's own WX_APPID (the caller's appid, set per invocation) alone", () => {
    expect(loadConfig({ WX_APPID: 'wx123', WX_OPENID: 'oCaller' }).weChat).toBeUndefined();
  });

  it('refuses at cold start a method it does not know, an empty list, and credentials that cannot be WeChat’s', () => {
    expect(() => loadConfig({ FACE_METHODS: 'wechat,alipay' })).toThrow(/FACE_METHODS/);
    expect(() => loadConfig({ FACE_METHODS: ' , ' })).toThrow(/FACE_METHODS/);
    expect(() => loadConfig({ FACE_METHODS: '' })).toThrow(/FACE_METHODS/);
    expect(() => loadConfig({ MP_APPID: 'gh_0123456789ab' })).toThrow(/MP_APPID/);
    expect(() => loadConfig({ MP_APPSECRET: 'secret' })).toThrow(/MP_APPSECRET/);
  });
});
