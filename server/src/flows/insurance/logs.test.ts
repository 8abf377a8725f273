import type { VerifyResult } from '@bianmin/core';
import { openTestDatabase } from '../../db/testing/index';
import { createLogger } from '../../log';
import { type Stack, startStack } from '@bianmin/dev/stack';
import { WANG, ZHANG } from '@bianmin/dev/testing/stack';
import { Writable } from 'node:stream';

/** A FaceID (慧眼) start: bizToken and the h5 page. */
type FaceIdStart = Extract<VerifyResult, { method: 'faceid' }>;

const NOON = '2026-03-10T12:00:00+08:00';

describe('insurance logs', () => {
  const lines: string[] = [];
  let stack: Stack;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await openTestDatabase('pglite');
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(...chunk.toString().split('\n').filter(Boolean)), cb()) });
    // Everything the functions and department clients write, at the most talkative level.
    const log = createLogger({ level: 'trace', destination: sink as never });
    stack = await startStack({ port: 0, database, log, loops: { ticketsWorker: 10_000 }, probeIntervalMs: 0, departmentCacheTtlMs: 0, departmentTimeoutMs: 1000 });
    close = async () => {
      await stack.stop();
      await database.close();
    };
  });
  afterAll(() => close?.());

  const call = (openid: string, body: unknown) =>
    fetch(`${stack.url}/api/insurance`, { method: 'POST', headers: { 'x-dev-openid': openid, 'x-dev-now': NOON }, body: JSON.stringify(body) }).then((r) => r.json());

  it('never contain a full ID number or a name, through a whole verification, reads, refusals and failures', async () => {
    const started = (await call(ZHANG.openid, { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber })).data as FaceIdStart;
    await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: '{"result":"pass"}' });
    expect((await call(ZHANG.openid, { action: 'summary' })).ok).toBe(true);
    expect((await call(ZHANG.openid, { action: 'records', insurance: 'pension' })).ok).toBe(true);
    expect((await call(ZHANG.openid, { action: 'accessLog' })).ok).toBe(true);
    // A refused number, a wrong name, a failed face check, the bureau down.
    await call(WANG.openid, { action: 'verify', name: WANG.name, idNumber: WANG.idNumber.slice(0, 17) + '0' });
    const wrong = (await call(WANG.openid, { action: 'verify', name: '王建军', idNumber: WANG.idNumber })).data as FaceIdStart;
    await fetch(`${stack.url}/api/__dev/faceid/${wrong.bizToken}/result`, { method: 'POST', body: '{"result":"fail"}' });
    await call(WANG.openid, { action: 'verification' });
    await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"garbage"}' });
    await call(WANG.openid, { action: 'verify', name: WANG.name, idNumber: WANG.idNumber });
    await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"ok"}' });

    if (process.env.SHOW_LOGS) console.log(lines.join("\n"));
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(text).toContain('real-name verification decided');
    for (const secret of [ZHANG.idNumber, WANG.idNumber, WANG.idNumber.slice(0, 17), ZHANG.name, WANG.name, '王建军']) {
      expect(text).not.toContain(secret);
    }
  });
});
