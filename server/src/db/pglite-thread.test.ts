import { sql } from 'drizzle-orm';
import { PgliteThread } from './pglite-thread';
import { reminders } from './schema';
import { openTestDatabase } from './testing';

type Opened = Awaited<ReturnType<typeof openTestDatabase>>;
const count = async (database: Opened, openid: string) =>
  ((await database.db.execute(sql`select count(*)::int as n from reminders where openid = ${openid}`)) as unknown as { rows: Array<{ n: number }> }).rows[0].n;
const reminder = (openid: string, serviceId = 'bills.water.pay') => ({ openid, serviceId, remindAt: new Date('2026-03-11T06:00:00+08:00'), channel: 'inbox' });

describe('PGlite in a worker thread (the local stack and test default)', () => {
  let database: Opened;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database?.close());

  it('is what the PGlite store runs on, so its engine stays off the caller’s event loop', () => {
    expect((database.db as unknown as { $client: unknown }).$client).toBeInstanceOf(PgliteThread);
  });

  it('holds another caller’s statements until a transaction commits, then shows them its rows', async () => {
    let outside: Promise<number> | undefined;
    let outsideAnswered = false;
    await database.db.transaction(async (tx) => {
      await tx.insert(reminders).values(reminder('oTx1'));
      // Another caller reads and writes while the transaction is open.
      outside = (async () => {
        await database.db.insert(reminders).values(reminder('oOut1'));
        const n = await count(database, 'oTx1');
        outsideAnswered = true;
        return n;
      })();
      // More round trips of the transaction: had the other caller's statements run in between,
      // the worker would have answered them first.
      await tx.insert(reminders).values(reminder('oTx1', 'bills.power.pay'));
      const inside = (await tx.execute(sql`select count(*)::int as n from reminders where openid in ('oTx1', 'oOut1')`)) as unknown as { rows: Array<{ n: number }> };
      expect(inside.rows[0].n).toBe(2);
      expect(outsideAnswered).toBe(false);
    });
    expect(await outside).toBe(2);
    expect(await count(database, 'oOut1')).toBe(1);
  });

  it('rolls back everything a failed transaction wrote, and lets the waiting caller through', async () => {
    let outside: Promise<number> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(reminders).values(reminder('oTx2'));
        outside = count(database, 'oTx2');
        await tx.insert(reminders).values(reminder('oTx2'));
      }),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505', constraint: expect.any(String) }) });
    expect(await outside).toBe(0);
    expect(await count(database, 'oTx2')).toBe(0);
  });

  it('rolls back an explicit tx.rollback() and a nested transaction to its savepoint only', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(reminders).values(reminder('oTx3'));
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect(await count(database, 'oTx3')).toBe(0);

    await database.db.transaction(async (tx) => {
      await tx.insert(reminders).values(reminder('oTx4'));
      await expect(
        tx.transaction(async (inner) => {
          await inner.insert(reminders).values(reminder('oTx4', 'bills.gas.pay'));
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await count(database, 'oTx4')).toBe(1);
  });

  it('answers a flood of concurrent callers, each with its own rows', async () => {
    const ids = Array.from({ length: 60 }, (_x, i) => `oFlood${i}`);
    await Promise.all(ids.map((id) => (Number(id.slice(6)) % 2 ? database.db.transaction(async (tx) => void (await tx.insert(reminders).values(reminder(id)))) : database.db.insert(reminders).values(reminder(id)))));
    const counts = await Promise.all(ids.map((id) => count(database, id)));
    expect(counts).toEqual(ids.map(() => 1));
  });

  it('returns timestamps as Dates and keeps a database error’s code, constraint and detail', async () => {
    const [row] = await database.db.insert(reminders).values(reminder('oTypes')).returning();
    expect(row.remindAt).toEqual(new Date('2026-03-11T06:00:00+08:00'));
    const e = await database.db.insert(reminders).values(reminder('oTypes')).then(
      () => undefined,
      (x: unknown) => x as { cause?: { code?: string; constraint?: string; detail?: string; message: string } },
    );
    expect(e?.cause).toMatchObject({ code: '23505', constraint: expect.stringContaining('reminders'), detail: expect.stringContaining('oTypes') });
  });
});

describe('a PGlite thread that is closed or has died', () => {
  const clientOf = (d: Opened) => (d.db as unknown as { $client: PgliteThread }).$client;

  it('refuses further queries with a clear error instead of hanging', async () => {
    const database = await openTestDatabase('pglite');
    const thread = clientOf(database);
    expect((await thread.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    await database.close();
    await expect(thread.query('select 1')).rejects.toThrow(/PGlite worker has stopped/);
  });

  it('fails a pending query when the worker dies under it', async () => {
    const database = await openTestDatabase('pglite');
    const thread = clientOf(database);
    const pending = thread.query('select pg_sleep(3)');
    await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(pending).rejects.toThrow(/PGlite worker has stopped/);
    await database.close();
  });
});
