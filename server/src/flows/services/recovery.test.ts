import type { ServicesListResult } from '@bianmin/core';
import { startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;

/**
 * A department that failed hard enough to open its circuit breaker, then recovered: the hub must
 * read it open again by itself within a minute — no resident has to load a bill first.
 */
describe('a department that recovers', () => {
  let stack: TestStack;
  let offset = 0;
  let dateNow: jest.SpyInstance;
  beforeAll(async () => {
    stack = await startTestStack();
    // The breaker (cockatiel) and the client time the half-open delay on Date.now: move it, never sleep.
    const real = Date.now.bind(Date);
    dateNow = jest.spyOn(Date, 'now').mockImplementation(() => real() + offset);
  });
  afterAll(async () => {
    dateNow.mockRestore();
    await stack?.stop();
  });

  const fault = (mode: string) => fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: JSON.stringify({ mode }) });
  const powerPay = async () => {
    const { body } = await stack.call<ServicesListResult>('services', { action: 'list' }, { openid: null, now: NOON });
    if (!body.ok) throw new Error(body.error.message);
    return body.data.services.find((s) => s.id === 'bills.electricity.pay')!.availability;
  };

  it('reads open on the hub within 60 s of recovering, with no resident call in between', async () => {
    const bound = await stack.call<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: 'power', accountNo: POWER.accountNo, holderName: POWER.holderName }, { now: NOON });
    if (!bound.body.ok) throw new Error(bound.body.error.message);
    await fault('error');
    // Residents keep loading the bill while the power grid answers 503: the breaker opens.
    for (let i = 0; i < 3; i++) await stack.call('bills', { action: 'bill', bindingId: bound.body.data.binding.bindingId }, { now: NOON });
    expect(await powerPay()).toMatchObject({ state: 'down', reason: 'department_unreachable', message: expect.stringContaining('自动重试') });

    await fault('ok');
    // Nobody calls the bills function again. Within the breaker's half-open delay the hub still says down…
    offset += 5_000;
    expect((await powerPay()).state).toBe('down');
    // …and once it is over (15 s: well inside a minute) the hub's own probe goes through the breaker.
    offset += 11_000;
    expect(await powerPay()).toMatchObject({ state: 'open' });
  });
});
