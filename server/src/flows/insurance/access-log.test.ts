import type { Database } from '../../db/open';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import { insuranceAccessLog } from '../../db/schema';
import { testContext } from '../../runtime/testing';
import { listAccess, purgeAccessLog, recordRead } from './access-log';
import type { VerificationRow } from './verification';

const NOW = '2026-03-10T12:00:00+08:00';
const DAY = 24 * 3600_000;

describe.each(STORE_KINDS)('the insurance access log on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const verification = (over: Partial<VerificationRow>): VerificationRow =>
    ({ id: '00000000-0000-4000-8000-000000000001', openid: 'oReader0000000001', idHash: 'person-a', ...over }) as VerificationRow;

  it('keeps a year: older reads are neither listed nor kept once purged, and another person’s reads are not listed', async () => {
    const ctx = testContext(NOW, { deps: { db: async () => database.db } });
    const v = verification({});
    const now = new Date(NOW).getTime();
    await database.db.insert(insuranceAccessLog).values([
      { idHash: 'person-a', openid: v.openid, verificationId: v.id, action: 'summary', description: '400 天前', at: new Date(now - 400 * DAY) },
      { idHash: 'person-a', openid: v.openid, verificationId: v.id, action: 'summary', description: '366 天前', at: new Date(now - 366 * DAY) },
      { idHash: 'person-b', openid: 'oOther000000001', verificationId: v.id, action: 'summary', description: '别人的', at: new Date(now - DAY) },
    ]);
    await recordRead(ctx, v, 'records', '今天');
    // The same person read from another WeChat account is shown, marked as such.
    const later = testContext('2026-03-10T12:01:00+08:00', { deps: { db: async () => database.db } });
    await recordRead(later, verification({ openid: 'oSecondPhone00001', id: '00000000-0000-4000-8000-000000000002' }), 'summary', '另一个账号');
    const listed = await listAccess(ctx, v);
    expect(listed.map((e) => [e.description, e.thisAccount])).toEqual([
      ['另一个账号', false],
      ['今天', true],
    ]);
    expect(await purgeAccessLog(ctx.deps, new Date(NOW))).toBe(2);
    expect(await purgeAccessLog(ctx.deps, new Date(NOW))).toBe(0);
    const left = await database.db.select().from(insuranceAccessLog);
    expect(left.map((r) => r.description).sort()).toEqual(['今天', '另一个账号', '别人的'].sort());
  });
});
