import { callerFromWXContext, wxContextFromEnv } from './caller';

// The SDK itself, as the reference our reader must match (it reads process.env at call time).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require('wx-server-sdk') as { getWXContext(): Record<string, unknown> };

function sdkContextWith(env: Record<string, string>): Record<string, unknown> {
  const saved = process.env;
  process.env = { PATH: saved.PATH, ...env };
  try {
    return sdk.getWXContext();
  } finally {
    process.env = saved;
  }
}

const ENVS: Array<[string, Record<string, string>]> = [
  ['a mini-program call', { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: 'oResident000001', WX_APPID: 'wx1234abcd', WX_UNIONID: 'uUnion01', TCB_SOURCE: 'wx_client', TCB_ENV: 'env-prod' }],
  ['a timer trigger', { WX_CONTEXT_KEYS: '', TCB_SOURCE: 'wx_trigger' }],
  ['the pay callback', { WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: 'wx1234abcd', TCB_SOURCE: 'wx_paycallback', SCF_NAMESPACE: 'ns-1' }],
  ['unprefixed keys and a SOURCE in the key list', { WX_CONTEXT_KEYS: 'SOURCE,WX_OPENID', SOURCE: 'wx_http', WX_OPENID: 'oResident000002' }],
  ['TCB_SOURCE over a listed SOURCE', { WX_CONTEXT_KEYS: 'SOURCE,WX_OPENID', SOURCE: 'wx_trigger', TCB_SOURCE: 'wx_client', WX_OPENID: 'oResident000003' }],
  ['credentials in the key list', { WX_CONTEXT_KEYS: 'WX_API_TOKEN,API_TOKEN,TRIGGER_API_TOKEN_V0,WX_TRIGGER_API_TOKEN_V0,WX_OPENID', WX_API_TOKEN: 't1', API_TOKEN: 't2', TRIGGER_API_TOKEN_V0: 't3', WX_TRIGGER_API_TOKEN_V0: 't4', WX_OPENID: 'oResident000004' }],
  ['listed keys that are not set, empty names', { WX_CONTEXT_KEYS: ',WX_OPENID,,WX_UNIONID', WX_UNIONID: 'u2' }],
  ['a bare WX_ key', { WX_CONTEXT_KEYS: 'WX_,WX_OPENID', WX_: 'x', WX_OPENID: 'oResident000005' }],
];

describe('reading the WeChat context without wx-server-sdk', () => {
  it.each(ENVS)('answers what getWXContext() answers for %s', (_l, env) => {
    expect(wxContextFromEnv(env)).toEqual(sdkContextWith(env));
  });

  it('answers an empty context when CloudBase lists no keys (not a caller from stray WX_ variables)', () => {
    expect(wxContextFromEnv({ WX_OPENID: 'oForged', TCB_SOURCE: 'wx_client' })).toEqual({});
    expect(callerFromWXContext(wxContextFromEnv({ WX_OPENID: 'oForged' }))).toBeNull();
  });

  it('keeps an identity a string where the SDK would turn a numeric one into a number', () => {
    const env = { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '12345' };
    expect(sdkContextWith(env).OPENID).toBe(12345);
    expect(wxContextFromEnv(env).OPENID).toBe('12345');
  });

  it('names a resident only when the context has an OPENID, with the source defaulting to the client', () => {
    expect(callerFromWXContext(wxContextFromEnv(ENVS[0][1]))).toEqual({ openid: 'oResident000001', appid: 'wx1234abcd', unionid: 'uUnion01', source: 'wx_client' });
    expect(callerFromWXContext(wxContextFromEnv(ENVS[2][1]))).toBeNull();
    expect(callerFromWXContext(wxContextFromEnv({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'oR' }))?.source).toBe('wx_client');
  });
});
