import type { BillResult, BindingView, PayResult } from '@bianmin/core';
import { LIMITS } from '../../limits/rate-limit';

const BIND_FAILURE_LIMIT = LIMITS.bindFailures.limit;
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import { startStack } from '@bianmin/dev/stack';
import { CHEN, LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const ZHANG_POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
const WANG_GAS = WANG.utilityAccounts.find((a) => a.kind === 'gas')!;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

const at = (minutes: number) => new Date(new Date(NOON).getTime() + minutes * 60_000).toISOString();

describe.each(STORE_KINDS)('binding a household needs proof (%s)', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const bind = (body: Record<string, unknown>, openid: string, now = NOON) => stack.call<{ binding: BindingView }>('bills', { action: 'bind', ...body }, { openid, now });

  it('binds with the holder’s full name and only then shows the address', async () => {
    const r = data<{ binding: BindingView }>(await bind({ providerId: 'gas', accountNo: WANG_GAS.accountNo, holderName: WANG_GAS.holderName }, WANG.openid));
    expect(r.binding).toMatchObject({ holderName: '王*国', address: WANG_GAS.address });
  });

  it('gives an unknown account and a wrong name the same refusal, shows nothing of the household and binds nothing', async () => {
    const wrongName = await bind({ providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: '李四' }, CHEN.openid);
    const unknown = await bind({ providerId: 'power', accountNo: '0300000000000', holderName: '李四' }, CHEN.openid);
    expect(wrongName).toEqual(unknown);
    expect(wrongName).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', fields: { accountNo: expect.any(String), holderName: expect.any(String) } } } });
    expect(JSON.stringify(wrongName.body)).not.toMatch(/景田|张|6789/);
    expect(data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid: CHEN.openid })).bindings).toEqual([]);
  });

  it(`limits failed proofs to ${BIND_FAILURE_LIMIT} in 10 minutes per caller, with the time to try again, and lets them bind after`, async () => {
    const guesser = 'oGuesser00000000001';
    for (let i = 0; i < BIND_FAILURE_LIMIT; i++) {
      const r = await bind({ providerId: 'power', accountNo: `03001234567${String(i).padStart(2, '0')}`, holderName: '张晓明' }, guesser, at(i));
      expect(r.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const limited = await bind({ providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, guesser, at(5));
    // The first failure (12:00) leaves the window at 12:10.
    expect(limited).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED', retryable: true, retryAt: '2026-03-10T12:10:00+08:00' } } });
    expect((limited.body as { error: { message: string } }).error.message).toContain('12:10');
    // Another resident is not affected.
    expect((await bind({ providerId: 'power', accountNo: '0300000000000', holderName: 'x' }, 'oSomeoneElse000001', at(5))).body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // After the window, the right proof binds.
    const later = data<{ binding: BindingView }>(await bind({ providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, guesser, at(11)));
    expect(later.binding.accountNoMasked).toMatch(/6789$/);
  });

  it('lets no more than the limit of a parallel burst of guesses reach the department', async () => {
    const power = stack.sandboxes.power;
    const before = power.hits;
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bind({ providerId: 'power', accountNo: `03009999999${String(i).padStart(2, '0')}`, holderName: '张晓明' }, 'oBurst000000000001')),
    );
    const codes = burst.map((r) => (r.body as { error: { code: string } }).error.code);
    expect(codes.filter((c) => c === 'NOT_FOUND').length).toBeLessThanOrEqual(BIND_FAILURE_LIMIT);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20 - BIND_FAILURE_LIMIT);
    expect(power.hits - before).toBeLessThanOrEqual(BIND_FAILURE_LIMIT);
  });

  it('never shows a second household member the first one’s order id', async () => {
    const zhang = data<{ binding: BindingView }>(await bind({ providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, ZHANG.openid));
    const billId = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: zhang.binding.bindingId }, { now: NOON })).bill!.billId;
    const { order } = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: zhang.binding.bindingId, billId, idempotencyKey: 'family-first-01' }, { now: NOON }));
    // Li is family: she knows the holder's name and binds the same household.
    const li = data<{ binding: BindingView }>(await bind({ providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, LI.openid));
    const seen = await stack.call<BillResult>('bills', { action: 'bill', bindingId: li.binding.bindingId }, { openid: LI.openid, now: NOON });
    expect(data<BillResult>(seen).bill).toMatchObject({ billId, status: 'pending' });
    expect(data<BillResult>(seen).bill).not.toHaveProperty('orderId');
    const pay = await stack.call('bills', { action: 'pay', bindingId: li.binding.bindingId, billId, idempotencyKey: 'family-second-1' }, { openid: LI.openid, now: NOON });
    expect(pay.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    for (const r of [seen, pay, await stack.call('bills', { action: 'orders' }, { openid: LI.openid })]) expect(JSON.stringify(r.body)).not.toContain(order.orderId);
    // Zhang still sees his own.
    expect(data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: zhang.binding.bindingId }, { now: NOON })).bill).toMatchObject({ orderId: order.orderId });
  });
});

describe('the bind limit across instances', () => {
  it('holds when the failures went to another function instance on the same database', async () => {
    const database = await openTestDatabase();
    const opts = { port: 0, database, log: 'silent' as const, reminderIntervalMs: 0, paymentsIntervalMs: 0, probeIntervalMs: 0 };
    const [a, b] = [await startStack(opts), await startStack(opts)];
    const bindOn = (url: string, accountNo: string) =>
      fetch(`${url}/api/bills`, { method: 'POST', headers: { 'x-dev-openid': 'oTwoInstances00001', 'x-dev-now': NOON }, body: JSON.stringify({ action: 'bind', providerId: 'water', accountNo, holderName: '张晓明' }) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }));
    try {
      for (let i = 0; i < BIND_FAILURE_LIMIT; i++) expect((await bindOn(i % 2 ? a.url : b.url, `3100000${String(i).padStart(2, '0')}`)).body.error?.code).toBe('NOT_FOUND');
      expect(await bindOn(a.url, '310099999')).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
      expect(await bindOn(b.url, '310099998')).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    } finally {
      await a.stop();
      await b.stop();
      await database.close();
    }
  });
});

describe('the fixtures', () => {
  it('list every household’s full holder name, the proof a tester needs to bind it', async () => {
    const stack = await startTestStack();
    try {
      const body = (await (await fetch(`${stack.url}/api/__dev/fixtures`)).json()) as { residents: Array<{ name: string; utilityAccounts: Array<{ holderName: string }> }> };
      const accounts = body.residents.flatMap((r) => r.utilityAccounts);
      expect(accounts.length).toBeGreaterThan(0);
      for (const a of accounts) expect(a.holderName).toMatch(/^[\u4e00-\u9fa5·]{2,}$/);
      expect(accounts.map((a) => a.holderName)).toContain('张晓明');
    } finally {
      await stack.stop();
    }
  });
});
