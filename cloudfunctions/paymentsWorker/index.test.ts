import { main } from './index';

/**
 * The deployed timer entry reads SOURCE from the WeChat context, as CloudBase sets it: a client
 * (or anyone with the function's HTTP URL) must not be able to make it post payments or close orders.
 */
describe('the paymentsWorker timer entry', () => {
  // Wiring happens once per process, on the first call: keep it away from any real database.
  const saved: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent' };
  delete saved.DATABASE_URL;
  beforeEach(() => {
    process.env = { ...saved };
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each([
    ['a mini-program client', 'wx_client'],
    ['an HTTP call', 'wx_http'],
    ['the pay callback', 'wx_paycallback'],
    ['no source at all', undefined],
  ])('refuses to run when invoked by %s, whatever the event claims', async (_l, source) => {
    Object.assign(process.env, { LOG_LEVEL: 'silent', WX_CONTEXT_KEYS: 'WX_OPENID,SOURCE', WX_OPENID: 'oAttacker0001' });
    if (source) process.env.SOURCE = source;
    else delete process.env.SOURCE;
    expect(await (main as (e: unknown) => Promise<unknown>)({ Type: 'Timer', SOURCE: 'wx_trigger' })).toEqual({ ok: false, refused: 'source' });
  });

  it('runs the job when CloudBase says the timer fired', async () => {
    Object.assign(process.env, { LOG_LEVEL: 'silent', WX_CONTEXT_KEYS: 'SOURCE', SOURCE: 'wx_trigger' });
    // No database configured here: it passes the source check and fails at the store, unrefused.
    expect(await main()).toEqual({ ok: false });
  });
});
