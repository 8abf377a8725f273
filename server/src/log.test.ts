import { AppError, systemClock } from '@bianmin/core';
import { z } from 'zod';
import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { bindings } from './db/schema';
import { openTestDatabase, STORE_KINDS } from './db/testing/index';
import { DepartmentRejection } from './departments/client';
import { createLogger, IDENTITY_CONTAINERS } from './log';
import { dispatch } from './runtime/dispatch';
import { callContext, type CallContext, type Deps } from './runtime/types';

describe('the logger', () => {
  it('masks identity data wherever it appears in a log line', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, cb) => ((out += chunk.toString()), cb()) });
    const log = createLogger({ destination: sink as never });
    log.info({ idNumber: '440305199003071236', phone: '13812345678', input: { plate: '粤B12345', name: '张晓明', accountNo: '0300123456789' }, caller: { openid: 'oBmDemo01ZhangXiaoMing0000001' } }, 'call');
    expect(out).not.toMatch(/440305199003071236|13812345678|粤B12345|张晓明|0300123456789|oBmDemo01ZhangXiaoMing/);
    expect(out).toContain('[masked]');
  });
});

describe('an error in a log line', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(chunk.toString()), cb()) });
    return { log: createLogger({ destination: sink as never }), text: () => lines.join('') };
  };

  it.each(STORE_KINDS)('is written by class and code, never with the failed SQL or its parameters (%s)', async (kind) => {
    const database = await openTestDatabase(kind);
    try {
      // PostgreSQL refuses U+0000 in text: a real driver error whose message carries the parameters.
      const err = await database.db
        .insert(bindings)
        .values({ openid: 'oBmDemo01ZhangXiaoMing0000001', providerId: 'power', kind: 'electricity', accountNo: '0300123456789', holderName: '张晓明', address: '福田区景田北路 18 号\u0000', label: 'x' })
        .then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(String((err as Error).message) + String((err as Error & { cause?: Error }).cause?.message ?? '')).toMatch(/insert|0x00|invalid|null/i);
      const { log, text } = capture();
      log.error({ err, fn: 'bills', action: 'bind' }, 'call failed');
      const out = text();
      expect(out).not.toMatch(/oBmDemo01|0300123456789|张晓明|景田北路|insert into|\$1/i);
      expect(JSON.parse(out).err).toMatchObject({ type: expect.any(String), stack: expect.stringContaining('    at ') });
    } finally {
      await database.close();
    }
  });

  it('keeps an AppError’s code and a department rejection’s status and code', () => {
    const { log, text } = capture();
    log.warn({ err: new AppError('DEPARTMENT_UNAVAILABLE', '国网市供电公司系统暂时无法连接 0300123456789') }, 'x');
    log.warn({ err: new DepartmentRejection('power', 404, 'ACCOUNT_NOT_FOUND', '户号 0300123456789 不存在') }, 'y');
    const [a, b] = text().trim().split('\n').map((l) => JSON.parse(l).err);
    expect(a).toMatchObject({ type: 'AppError', code: 'DEPARTMENT_UNAVAILABLE' });
    expect(b).toMatchObject({ type: 'DepartmentRejection', status: 404, departmentCode: 'ACCOUNT_NOT_FOUND', department: 'power' });
    expect(text()).not.toContain('0300123456789');
  });
});

// Every field the wildcard paths (`*.k`, `*.*.k`) used to catch, where log lines carry them.
const FIELDS = ['name', 'holderName', 'realName', 'idNumber', 'idCard', 'phone', 'mobile', 'plate', 'plateNo', 'engineNo', 'vin', 'accountNo', 'address', 'openid', 'unionid'];

describe('masking without wildcard paths', () => {
  const capture = () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(chunk.toString()), cb()) });
    return { log: createLogger({ destination: sink as never }), lines };
  };

  it.each(FIELDS)('masks %s at the top of a line, in every container, and two levels down', (field) => {
    const secret = `SECRET-${field}-0300123456789`;
    const { log, lines } = capture();
    log.info({ [field]: secret }, 'top');
    for (const c of IDENTITY_CONTAINERS) {
      log.info({ [c]: { [field]: secret, keep: 'visible' } }, 'one level');
      log.info({ [c]: { holder: { [field]: secret }, list: [{ [field]: secret }] } }, 'deeper');
    }
    expect(lines).toHaveLength(1 + 2 * IDENTITY_CONTAINERS.length);
    for (const l of lines) expect(l).not.toContain(secret);
    expect(lines.join('')).toContain('[masked]');
    expect(JSON.parse(lines[1]!)[IDENTITY_CONTAINERS[0]!].keep).toBe('visible');
  });

  it('writes a call’s line with its requestId and makes no child logger unless the handler logs', async () => {
    const { log, lines } = capture();
    const child = jest.spyOn(log, 'child');
    const def = {
      name: 'probe',
      actions: {
        quiet: { auth: 'public' as const, run: async () => ({}) },
        chatty: { auth: 'public' as const, run: async (ctx: CallContext) => (ctx.log.info({ step: 1 }, 'inside'), {}) },
      },
      schemas: { quiet: z.object({}), chatty: z.object({}) },
    };
    const base = { caller: null, clock: systemClock, deps: {} as Deps };
    await dispatch(def, { action: 'quiet' }, callContext({ ...base, requestId: 'r-1' }, log));
    expect(child).not.toHaveBeenCalled();
    await dispatch(def, { action: 'chatty' }, callContext({ ...base, requestId: 'r-2' }, log));
    expect(child).toHaveBeenCalledTimes(1);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0]).toMatchObject({ requestId: 'r-1', fn: 'probe', action: 'quiet', msg: 'call ok' });
    expect(parsed[1]).toMatchObject({ requestId: 'r-2', step: 1, msg: 'inside' });
    expect(parsed[2]).toMatchObject({ requestId: 'r-2', action: 'chatty', msg: 'call ok' });
    expect(lines[2]!.match(/"requestId"/g)).toHaveLength(1);
  });
});

describe('asynchronous writes to stdout', () => {
  const run = (ending: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', '-e', `const { createLogger } = require(${JSON.stringify(require.resolve('./log'))});
const log = createLogger();
for (let i = 0; i < 2000; i++) log.info({ i, input: { plate: '粤B12345' } }, 'line');
${ending}`], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'ignore'] }).toString();

  it.each([
    ['the process exits', 'process.exit(0);'],
    ['the process crashes', "process.on('exit', () => { process.exitCode = 0; }); throw new Error('crash');"],
  ])('loses no line when %s right after writing', (_l, ending) => {
    const out = run(ending).trim().split('\n');
    expect(out).toHaveLength(2000);
    expect(JSON.parse(out[1999]!)).toMatchObject({ i: 1999, input: { plate: '[masked]' } });
  });
});
