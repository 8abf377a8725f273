import { AppError } from '@bianmin/core';
import { Writable } from 'node:stream';
import { bindings } from './db/schema';
import { openTestDatabase, STORE_KINDS } from './db/testing/index';
import { DepartmentRejection } from './departments/client';
import { createLogger } from './log';

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
