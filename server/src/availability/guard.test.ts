import { fixedClock } from '@bianmin/core';
import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { z } from 'zod';
import { silentLogger } from '../log';
import { recordingNotifier } from '../notify/notifier';
import { dispatch, type Dispatchable } from '../runtime/dispatch';
import type { CallContext } from '../runtime/types';
import type { DepartmentClient } from '../departments/client';

let ran = 0;
const pay: Dispatchable = {
  name: 'bills',
  schemas: { pay: z.object({ kind: z.enum(['water', 'electricity']) }) },
  actions: {
    pay: {
      service: (input: never) => `bills.${(input as { kind: string }).kind}.pay`,
      run: async () => {
        ran++;
        return { paid: true };
      },
    },
  },
};

const dept = (state: 'up' | 'down'): DepartmentClient =>
  ({ id: 'power', health: () => (state === 'up' ? { state } : { state, retryAt: new Date('2026-03-10T04:05:00Z') }), probe: async () => ({ state }) }) as unknown as DepartmentClient;

const ctx = (now: string, power: 'up' | 'down' = 'up'): CallContext => ({
  caller: { openid: 'oResident000001', source: 'test' },
  clock: fixedClock(now),
  deps: { db: () => Promise.reject(new Error('unused')), log: silentLogger, departments: { power: dept(power), water: dept('up') }, calendar: chineseDaysCalendar(), notifier: recordingNotifier() },
  log: silentLogger,
  requestId: 't',
});

beforeEach(() => {
  ran = 0;
});

describe('the availability guard', () => {
  it('refuses an electricity payment at 23:45 with SERVICE_CLOSED and the availability, before the handler runs', async () => {
    const env = await dispatch(pay, { action: 'pay', kind: 'electricity' }, ctx('2026-03-10T23:45:00+08:00'));
    expect(env).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_CLOSED', retryable: true, retryAt: '2026-03-11T00:30:00+08:00', availability: { state: 'closed', opensAt: '2026-03-11T00:30:00+08:00' } },
    });
    if (!env.ok) expect(env.error.message).toContain('00:30');
    expect(ran).toBe(0);
  });

  it('lets a payment through while the service is closing soon', async () => {
    expect(await dispatch(pay, { action: 'pay', kind: 'electricity' }, ctx('2026-03-10T23:20:00+08:00'))).toEqual({ ok: true, data: { paid: true } });
    expect(ran).toBe(1);
  });

  it('refuses with DEPARTMENT_UNAVAILABLE when the department is down in open hours', async () => {
    const env = await dispatch(pay, { action: 'pay', kind: 'electricity' }, ctx('2026-03-10T12:00:00+08:00', 'down'));
    expect(env).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', availability: { state: 'down', reason: 'department_unreachable' } } });
    expect(ran).toBe(0);
  });

  it('validates before it guards: bad input is INVALID_INPUT even at a closed hour', async () => {
    const env = await dispatch(pay, { action: 'pay', kind: 'coal' }, ctx('2026-03-10T23:45:00+08:00'));
    expect(env).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { kind: expect.any(String) } } });
  });
});
