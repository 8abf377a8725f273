import { DEPARTMENT_IDS } from '@bianmin/core';
import { cloudbaseMain } from './cloudbase';
import type { Flow } from './flow';
import { type DeployedFunction, deploymentOf } from './functions';

/**
 * A complete configuration as the console would hold it, every value well-formed and nothing
 * reachable: the database and the departments on port 9 (discard; connections are refused at
 * once), so an entry gets past its cold-start check and no test reaches a real service.
 */
export function unreachableConfiguration(): Record<string, string> {
  return {
    DATABASE_URL: 'postgres://bianmin:unreachable@127.0.0.1:9/none',
    ...Object.fromEntries(DEPARTMENT_IDS.flatMap((id) => [[`DEPT_${id.toUpperCase()}_URL`, 'http://127.0.0.1:9'], [`DEPT_${id.toUpperCase()}_KEY`, 'test-key-not-real']])),
    PAY_SUB_MCH_ID: '1900000109',
    TCB_ENV: 'test-env-0000',
    FACEID_RULE_ID: '1',
    INSURANCE_ID_HASH_KEY: 'test-only-id-hash-key-of-32-chars!',
    ACCOUNT_AUDIT_KEY: 'test-only-account-audit-key-32-chars',
    WECOM_CORP_ID: 'ww0000000000000000',
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'test-only-wecom-secret',
    ADMIN_CONSOLE_URL: 'https://console.example.invalid/admin/',
    // WeChat 非税 (fines): the collecting unit and the mini-program's credentials its calls need.
    MP_APPID: 'wx00000000000000aa',
    MP_APPSECRET: '00000000000000000000000000000000',
    WECHAT_API_URL: 'http://127.0.0.1:9',
    NONTAX_DEPARTMENT_CODE: '110100000001',
    NONTAX_DEPARTMENT_NAME: '市公安局交通管理局',
    NONTAX_REGION_CODE: '110100',
    NONTAX_NOTIFY_KEY: 'test-only-nontax-notify-key-32-chars',
    LOG_LEVEL: 'silent',
  };
}

/**
 * Test helpers for the deployed CloudBase entries. wx-server-sdk's getWXContext() reads the
 * caller and SOURCE from process.env, so each test sets the environment CloudBase would set and
 * puts it back afterwards; wiring happens once per process, so no test may reach a real database.
 */
export function useCloudbaseEnv(): void {
  const saved: Record<string, string | undefined> = { ...process.env, ...unreachableConfiguration() };
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
 * A deployed function's `main` as its generated entry makes it (scripts/declarations.mjs
 * `entrySource`): its deployment and its handler, from the registry of deployed functions.
 */
export function mainOf(name: string): (event?: unknown) => Promise<unknown> {
  // Required here, not imported: the registry holds every flow, which a runtime module must not load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FUNCTIONS } = require('../functions') as { FUNCTIONS: readonly DeployedFunction[] };
  const fn = FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no deployed function ${name}`);
  const wire = fn.handler.kind === 'resident' ? (fn.handler.def as Flow).wire : undefined;
  return cloudbaseMain(deploymentOf(fn), fn.handler, { wire }) as (event?: unknown) => Promise<unknown>;
}

/**
 * Every timer entry's contract (timerEntry): only an invocation whose WeChat context says
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

    it('runs the job when CloudBase says the timer fired (and reports the unreachable database, unrefused)', async () => {
      invokedAs({ SOURCE: 'wx_trigger' });
      expect(await main()).toEqual({ ok: false });
    });
  });
}
