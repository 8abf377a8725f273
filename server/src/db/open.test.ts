import { sql } from 'drizzle-orm';
import { reminders } from './schema';
import { openTestDatabase, STORE_KINDS } from './testing';

describe.each(STORE_KINDS)('the %s store', (kind) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('is migrated on open', async () => {
    const res = await database.db.execute(sql`select count(*)::int as n from reminders`);
    expect((res as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(0);
  });

  it('keeps one pending reminder per resident and service, enforced by the database (23505)', async () => {
    const row = { openid: 'oR1', serviceId: 'bills.water.pay', remindAt: new Date('2026-03-11T06:00:00+08:00'), channel: 'inbox' };
    await database.db.insert(reminders).values(row);
    await expect(database.db.insert(reminders).values(row)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    // Once the first is sent, a new one may be asked for.
    await database.db.update(reminders).set({ status: 'sent' }).where(sql`${reminders.openid} = 'oR1'`);
    await expect(database.db.insert(reminders).values(row)).resolves.toBeDefined();
  });

  it('rolls a failed transaction back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(reminders).values({ openid: 'oR2', serviceId: 'x', remindAt: new Date(), channel: 'inbox' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const res = await database.db.execute(sql`select count(*)::int as n from reminders where openid = 'oR2'`);
    expect((res as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(0);
  });
});
