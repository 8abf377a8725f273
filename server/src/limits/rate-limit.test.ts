import { AppError } from '@bianmin/core';
import type { Database } from '../db/open';
import { openTestDatabase, STORE_KINDS } from '../db/testing/index';
import { LIMITS, type RateLimit, releaseHit, restampHit, takeHit } from './rate-limit';

const T0 = new Date('2026-03-10T12:00:00+08:00');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const THREE_IN_TEN: RateLimit = { name: 'test.three', reason: 'rate_limited_proofs', limit: 3, windowMs: 10 * 60_000, refusal: (at) => `${at.slice(11, 16)} 后再试` };

async function refusalOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected RATE_LIMITED, the hit was taken');
}

describe.each(STORE_KINDS)('the rate limiter on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('allows the limit in the window, then refuses with RATE_LIMITED and the time the oldest hit leaves it', async () => {
    const db = database.db;
    for (const m of [0, 1, 2]) await takeHit(db, THREE_IN_TEN, 'oCallerA', minutes(m));
    const e = await refusalOf(takeHit(db, THREE_IN_TEN, 'oCallerA', minutes(5)));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAt: '2026-03-10T12:10:00+08:00' });
    expect((e as AppError).toBody()).toMatchObject({ code: 'RATE_LIMITED', reason: 'rate_limited_proofs' });
    expect(e.message).toBe('12:10 后再试');
    // Rolling: at 12:10 the 12:00 hit has left, one more fits; the next waits for 12:01's to leave.
    await takeHit(db, THREE_IN_TEN, 'oCallerA', minutes(10));
    expect(await refusalOf(takeHit(db, THREE_IN_TEN, 'oCallerA', minutes(10.5)))).toMatchObject({ retryAt: '2026-03-10T12:11:00+08:00' });
  });

  it('never lets a parallel burst past the limit: 60 takes at once, exactly the limit succeed', async () => {
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => takeHit(database.db, LIMITS.vehicleProofFailures, 'oBurst', T0)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LIMITS.vehicleProofFailures.limit);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'RATE_LIMITED', retryAt: '2026-03-10T12:10:00+08:00' });
  });

  it('counts each caller and each limit on its own', async () => {
    const db = database.db;
    for (let i = 0; i < 3; i++) await takeHit(db, THREE_IN_TEN, 'oCallerB', T0);
    await expect(takeHit(db, THREE_IN_TEN, 'oCallerC', T0)).resolves.toBeDefined();
    await expect(takeHit(db, { ...THREE_IN_TEN, name: 'test.other' }, 'oCallerB', T0)).resolves.toBeDefined();
  });

  it('gives back one hit of several taken at the same instant, and moves a hit later', async () => {
    const db = database.db;
    const hits = [await takeHit(db, THREE_IN_TEN, 'oCallerD', T0), await takeHit(db, THREE_IN_TEN, 'oCallerD', T0), await takeHit(db, THREE_IN_TEN, 'oCallerD', T0)];
    await releaseHit(db, hits[0]);
    const again = await takeHit(db, THREE_IN_TEN, 'oCallerD', minutes(1));
    await expect(takeHit(db, THREE_IN_TEN, 'oCallerD', minutes(1))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Moving the 12:00 hits to 12:05 keeps them counted until 12:15, not 12:10.
    await restampHit(db, hits[1], minutes(5));
    await restampHit(db, hits[2], minutes(5));
    expect(await refusalOf(takeHit(db, THREE_IN_TEN, 'oCallerD', minutes(10)))).toMatchObject({ retryAt: '2026-03-10T12:11:00+08:00' });
    await releaseHit(db, again);
    await expect(takeHit(db, THREE_IN_TEN, 'oCallerD', minutes(10))).resolves.toBeDefined();
    // Giving back a hit that is not there changes nothing.
    await releaseHit(db, { limit: THREE_IN_TEN, caller: 'oNobody', at: T0 });
  });
});
