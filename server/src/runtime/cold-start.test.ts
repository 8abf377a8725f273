import { internalErrorBody } from '@bianmin/core';
import { invokedAs, unreachableConfiguration } from './entry-testing';
import { isBlank, missingVariables, withoutBlanks } from './cold-start';

describe('a blank configuration value counts as unset', () => {
  it.each([[undefined], [''], ['   '], ['{{env.DATABASE_URL}}'], ['{{ env.DATABASE_URL }}'], ['${DATABASE_URL}'], [' {{env.X}} ']])('%p is blank', (v) => {
    expect(isBlank(v)).toBe(true);
  });

  it.each([['postgres://u:p@h/db'], ['0'], ['{{'], ['a {{env.X}} b']])('%p is a value', (v) => {
    expect(isBlank(v)).toBe(false);
  });

  it('names the required variables that are unset or blank, in declared order, and drops blanks so defaults apply', () => {
    const env = { DATABASE_URL: '{{env.DATABASE_URL}}', DEPT_HOTLINE_URL: 'http://x', DEPT_HOTLINE_KEY: ' ', LOG_LEVEL: '' };
    expect(missingVariables(env, ['DATABASE_URL', 'DEPT_HOTLINE_URL', 'DEPT_HOTLINE_KEY', 'PAY_SUB_MCH_ID'])).toEqual(['DATABASE_URL', 'DEPT_HOTLINE_KEY', 'PAY_SUB_MCH_ID']);
    expect(withoutBlanks(env)).toEqual({ DEPT_HOTLINE_URL: 'http://x' });
  });
});

/** A fresh instance of a deployed entry (module state is the instance's), with its stderr captured. */
function coldInstance<T>(load: () => T): { main: T; lines: () => string[]; restore: () => void } {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const err = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void written.push(a.map(String).join(' ')));
  let main!: T;
  jest.isolateModules(() => {
    main = load();
  });
  return {
    main,
    lines: () => written.join('').split('\n').filter(Boolean),
    restore: () => {
      spy.mockRestore();
      err.mockRestore();
    },
  };
}

describe('configuration checked at cold start, against the function declaration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const configure = (vars: Record<string, string | undefined>) => {
    process.env = { ...saved, ...unreachableConfiguration(), LOG_LEVEL: undefined, ...vars };
    for (const [k, v] of Object.entries(process.env)) if (v === undefined) delete process.env[k];
    invokedAs({ WX_OPENID: 'oCloudCaller0001', SOURCE: 'wx_client' });
  };
  const messages = () => (require('./entry-testing') as typeof import('./entry-testing')).mainOf('messages') as (e: unknown) => Promise<unknown>;

  it.each([
    ['empty', ''],
    ['an unrendered {{env.DATABASE_URL}}', '{{env.DATABASE_URL}}'],
    ['spaces', '   '],
  ])('a %s DATABASE_URL: one log line naming it, no stack, and INTERNAL that does not say it, on every call', async (_l, value) => {
    configure({ DATABASE_URL: value });
    const i = coldInstance(messages);
    try {
      const first = await i.main({ action: 'list' });
      const second = await i.main({ action: 'list' });
      for (const answer of [first, second]) {
        expect(answer).toEqual({ ok: false, error: internalErrorBody() });
        expect(JSON.stringify(answer)).not.toMatch(/DATABASE_URL|postgres/);
      }
      const lines = i.lines();
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]) as { level: number; fn: string; variables: string[]; msg: string };
      expect(line).toMatchObject({ level: 50, fn: 'messages', variables: ['DATABASE_URL'] });
      expect(line.msg).toContain('DATABASE_URL is not set');
      expect(lines[0]).not.toMatch(/\n\s+at |\\n\s+at |"stack"/);
    } finally {
      i.restore();
    }
  });

  it('names every required variable missing at once (a function with departments)', async () => {
    configure({ DEPT_HOTLINE_URL: '', DEPT_HOTLINE_KEY: undefined });
    const i = coldInstance(() => (require('./entry-testing') as typeof import('./entry-testing')).mainOf('tickets') as (e: unknown) => Promise<unknown>);
    try {
      expect(await i.main({ action: 'categories' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.parse(i.lines()[0]).variables).toEqual(['DEPT_HOTLINE_URL', 'DEPT_HOTLINE_KEY']);
    } finally {
      i.restore();
    }
  });

  it('a value of the wrong form is refused the same way, naming it', async () => {
    configure({ DATABASE_URL: 'mysql://u:secret@db/bianmin' });
    const i = coldInstance(messages);
    try {
      expect(await i.main({ action: 'list' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      const [line] = i.lines();
      expect(JSON.parse(line).variables).toEqual(['DATABASE_URL']);
      expect(line).not.toContain('secret');
    } finally {
      i.restore();
    }
  });

  it('a blank optional variable falls back to its default instead of refusing', async () => {
    configure({ LOG_LEVEL: '', DEPT_TIMEOUT_MS: '{{env.DEPT_TIMEOUT_MS}}' });
    invokedAs({ SOURCE: 'wx_client' });
    const i = coldInstance(messages);
    try {
      // Past the configuration: no caller, so the action is refused as it should be.
      expect(await i.main({ action: 'list' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(i.lines().filter((l) => l.includes('configuration refused'))).toEqual([]);
    } finally {
      i.restore();
    }
  });

  it('a timer function refuses a forged source before looking at its configuration, and fails a real run quietly after one line', async () => {
    configure({ DATABASE_URL: '' });
    const i = coldInstance(() => (require('./entry-testing') as typeof import('./entry-testing')).mainOf('insuranceWorker') as () => Promise<unknown>);
    try {
      invokedAs({ SOURCE: 'wx_client' });
      expect(await i.main()).toEqual({ ok: false, refused: 'source' });
      invokedAs({ SOURCE: 'wx_trigger' });
      expect(await i.main()).toEqual({ ok: false });
      expect(await i.main()).toEqual({ ok: false });
      expect(i.lines().filter((l) => l.includes('DATABASE_URL'))).toHaveLength(1);
    } finally {
      i.restore();
    }
  });
});
