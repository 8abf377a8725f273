import { z } from 'zod';
import { dispatch, type Dispatchable } from '../runtime/dispatch';
import { testContext } from '../runtime/testing';
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

const ctx = (now: string, power: 'up' | 'down' = 'up'): CallContext => testContext(now, { deps: { departments: { power: dept(power), water: dept('up') } } });

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

describe('a read that can serve stale data', () => {
  const read: Dispatchable = {
    name: 'bills',
    schemas: { bill: z.object({}) },
    actions: { bill: { service: () => 'bills.electricity.query', servesStale: true, run: async () => ({ stale: true }) } },
  };

  it('goes ahead while the department is down', async () => {
    expect(await dispatch(read, { action: 'bill' }, ctx('2026-03-10T12:00:00+08:00', 'down'))).toEqual({ ok: true, data: { stale: true } });
  });
});
