import type { Envelope } from '@bianmin/core';
import { useCloudbaseEnv, mainOf } from '../../runtime/entry-testing';

const main = mainOf('services') as (event?: unknown) => Promise<Envelope<unknown>>;

/**
 * The deployed entry with the real wx-server-sdk: getWXContext() reads the caller from the
 * environment CloudBase sets for each invocation, and the event's own userInfo is ignored.
 */
describe('the services cloud function entry', () => {
  useCloudbaseEnv();

  it('answers list with the catalogue for a WeChat caller', async () => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,SOURCE', WX_OPENID: 'oCloudCaller0001', WX_APPID: 'wx123', SOURCE: 'wx_client' });
    const env = await main({ action: 'list', userInfo: { openId: 'oForged' } });
    expect(env.ok).toBe(true);
    if (env.ok) expect((env.data as { services: unknown[] }).services.length).toBeGreaterThanOrEqual(8);
  });

  it('answers a malformed event with INVALID_INPUT, not an exception', async () => {
    await expect(main('x')).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(main({ action: 'drop table' })).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
