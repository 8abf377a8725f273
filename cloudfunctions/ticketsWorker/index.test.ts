import { main } from './index';

/** The deployed timer entry reads SOURCE from the WeChat context, as CloudBase sets it. */
describe('the ticketsWorker cloud function entry', () => {
  const saved: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent' };
  delete saved.DATABASE_URL;
  beforeEach(() => {
    process.env = { ...saved };
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each(['wx_client', 'wx_http', ''])('refuses to run when called with SOURCE %j instead of the timer trigger', async (source) => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID,SOURCE', WX_OPENID: 'oAttacker0001', SOURCE: source });
    await expect(main()).resolves.toEqual({ ok: false, error: 'source rejected' });
  });

  it('runs for the timer trigger (and, with no database configured here, reports the failure instead of throwing)', async () => {
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'SOURCE', SOURCE: 'wx_trigger' });
    await expect(main()).resolves.toEqual({ ok: false });
  });
});
