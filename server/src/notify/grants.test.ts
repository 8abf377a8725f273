import type { Database } from '../db/open';
import { openTestDatabase, STORE_KINDS } from '../db/testing/index';
import { dropGrants, GRANT_CAP, grantsOf, recordSubscribeResult, takeGrant } from './grants';

const NOW = new Date('2026-03-10T02:00:00Z');
const T = 'tmpl-ticket-status';

describe.each(STORE_KINDS)('subscribe-message grants on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());
  const db = () => database.db;
  const report = (openid: string, result: 'accept' | 'reject' | 'ban' | 'filter', templateId = T) => recordSubscribeResult(db(), { openid, templateId, result, now: NOW });

  it('counts each accepted prompt per resident and template; reject and filter grant nothing', async () => {
    expect(await report('o-count', 'accept')).toBe(1);
    expect(await report('o-count', 'accept')).toBe(2);
    expect(await report('o-count', 'reject')).toBe(2);
    expect(await report('o-count', 'filter')).toBe(2);
    expect(await report('o-count', 'accept', 'another-template')).toBe(1);
    expect(await grantsOf(db(), 'o-count-other', T)).toBe(0);
  });

  it('voids every grant of the template when the resident bans it (总是拒绝)', async () => {
    await report('o-ban', 'accept');
    await report('o-ban', 'accept');
    expect(await report('o-ban', 'ban')).toBe(0);
    expect(await takeGrant(db(), 'o-ban', T, NOW)).toBe(false);
  });

  it(`keeps at most ${GRANT_CAP}, however many accepts race in`, async () => {
    await Promise.all(Array.from({ length: GRANT_CAP + 7 }, () => report('o-cap', 'accept')));
    expect(await grantsOf(db(), 'o-cap', T)).toBe(GRANT_CAP);
  });

  it('spends a grant once: parallel senders racing for 3 grants get exactly 3, and the count stops at 0', async () => {
    for (let i = 0; i < 3; i++) await report('o-race', 'accept');
    const taken = await Promise.all(Array.from({ length: 12 }, () => takeGrant(db(), 'o-race', T, NOW)));
    expect(taken.filter(Boolean)).toHaveLength(3);
    expect(await grantsOf(db(), 'o-race', T)).toBe(0);
    expect(await takeGrant(db(), 'o-race', T, NOW)).toBe(false);
  });

  it('has nothing to spend for a resident who never accepted, and zeroes on WeChat’s 43101', async () => {
    expect(await takeGrant(db(), 'o-never', T, NOW)).toBe(false);
    await report('o-zero', 'accept');
    await report('o-zero', 'accept');
    await dropGrants(db(), 'o-zero', T, NOW);
    expect(await grantsOf(db(), 'o-zero', T)).toBe(0);
  });
});
