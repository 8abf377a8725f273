import type { Envelope } from '@bianmin/core';
import { useCloudbaseEnv, mainOf } from '../../runtime/entry-testing';

const main = mainOf('tickets') as (event?: unknown) => Promise<Envelope<unknown>>;

/** The deployed entry: the caller comes from the WeChat context CloudBase sets, never from the event. */
describe('the tickets cloud function entry', () => {
  useCloudbaseEnv();

  it('answers categories for a WeChat caller', async () => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,SOURCE', WX_OPENID: 'oCloudCaller0001', WX_APPID: 'wx123', SOURCE: 'wx_client' });
    const env = await main({ action: 'categories' });
    expect(env).toMatchObject({ ok: true, data: { kinds: ['投诉', '咨询', '建议', '求助', '表扬'] } });
  });

  it('refuses a submission without a WeChat caller, whatever openid the event claims', async () => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'SOURCE', SOURCE: 'wx_client' });
    const env = await main({ action: 'submit', userInfo: { openId: 'oForged' }, openid: 'oForged', kind: '投诉', category: '其他', description: '这是一条伪造身份的投诉内容。', public: false, requestId: 'forged-0001' });
    expect(env).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('validates before touching the database: a 9-character description is INVALID_INPUT with fields', async () => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID,SOURCE', WX_OPENID: 'oCloudCaller0001', SOURCE: 'wx_client' });
    const env = await main({ action: 'submit', kind: '投诉', category: '其他', description: '路灯坏了一个星期了', public: false, requestId: 'short-0001' });
    expect(env).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { description: '问题描述至少 10 个字（现在 9 个）' } } });
  });
});
