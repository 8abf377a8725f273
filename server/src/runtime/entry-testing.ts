/**
 * Test helpers for the deployed CloudBase entries. wx-server-sdk's getWXContext() reads the
 * caller and SOURCE from process.env, so each test sets the environment CloudBase would set and
 * puts it back afterwards; wiring happens once per process, so no test may reach a real database.
 */
export function useCloudbaseEnv(): void {
  const saved: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent' };
  delete saved.DATABASE_URL;
  beforeEach(() => {
    process.env = { ...saved };
  });
  afterEach(() => {
    process.env = { ...saved };
  });
}

/** What CloudBase puts in the environment for one invocation. */
export function invokedAs(vars: Record<string, string | undefined>): void {
  const keys = Object.keys(vars);
  process.env.WX_CONTEXT_KEYS = keys.join(',');
  for (const k of keys) {
    if (vars[k] === undefined) delete process.env[k];
    else process.env[k] = vars[k];
  }
}

/**
 * Every timer entry's contract (cloudbaseTimerEntry): only an invocation whose WeChat context says
 * the timer fired runs the job; a client, an HTTP call or a forged event is refused, whatever the
 * event claims. With no database configured the job itself fails, reported rather than thrown.
 */
export function describeTimerEntry(name: string, main: (event?: unknown) => Promise<unknown>): void {
  describe(`the ${name} timer entry`, () => {
    useCloudbaseEnv();

    it.each([
      ['a mini-program client', 'wx_client'],
      ['an HTTP call', 'wx_http'],
      ['the pay callback', 'wx_paycallback'],
      ['an empty source', ''],
      ['no source at all', undefined],
    ])('refuses to run when invoked by %s, whatever the event claims', async (_l, source) => {
      invokedAs({ WX_OPENID: 'oAttacker0001', SOURCE: source });
      expect(await main({ Type: 'Timer', SOURCE: 'wx_trigger' })).toEqual({ ok: false, refused: 'source' });
    });

    it('runs the job when CloudBase says the timer fired (and reports the missing database, unrefused)', async () => {
      invokedAs({ SOURCE: 'wx_trigger' });
      expect(await main()).toEqual({ ok: false });
    });
  });
}
