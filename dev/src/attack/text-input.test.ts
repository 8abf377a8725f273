import { Writable } from 'node:stream';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { createLogger } from '@bianmin/server/log';
import { startTestStack, type TestStack, ZHANG } from '../testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;

describe.each(STORE_KINDS)('text a resident types, on %s', (kind) => {
  let stack: TestStack;
  let logged = '';
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, cb) => ((logged += chunk.toString()), cb()) });
    stack = await startTestStack(kind, { log: createLogger({ level: 'debug', destination: sink as never }) });
  });
  afterAll(() => stack?.stop());

  it.each([
    ['U+0000', '我家\u0000', '空字符'],
    ['a bell', '我家\u0007', '控制字符'],
    ['a right-to-left override', '\u202e家我', '文字方向'],
    ['half an emoji', '我家\ud83d', '无法识别'],
  ])('answers a label with %s with INVALID_INPUT on fields.label, binds nothing and logs nothing of the resident', async (_l, label, words) => {
    const r = await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: POWER.accountNo, holderName: POWER.holderName, label }, { now: NOON });
    expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { label: expect.stringContaining(words) } } } });
    const list = await stack.call<{ bindings: unknown[] }>('bills', { action: 'bindings' }, { now: NOON });
    expect(list.body.ok && list.body.data.bindings).toEqual([]);
    expect(logged).toContain('INVALID_INPUT');
    for (const s of [ZHANG.openid, POWER.accountNo, POWER.holderName, POWER.address]) expect(logged).not.toContain(s);
  });

  it('stores a label as NFC, trimmed: what the resident sees is what was meant', async () => {
    const r = await stack.call<{ binding: { label: string } }>('bills', { action: 'bind', providerId: 'power', accountNo: POWER.accountNo, holderName: ` ${POWER.holderName} `, label: '  Cafe\u0301 ' }, { now: NOON });
    expect(r.body).toMatchObject({ ok: true, data: { binding: { label: 'Café' } } });
    for (const s of [ZHANG.openid, POWER.accountNo, POWER.holderName, POWER.address]) expect(logged).not.toContain(s);
  });
});
