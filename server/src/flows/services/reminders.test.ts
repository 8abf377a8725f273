import { eq, sql } from 'drizzle-orm';
import { type Database } from '../../db/open';
import { messages, reminders } from '../../db/schema';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import type { DepartmentClient } from '../../departments/client';
import type { Notifier, SubscribeMessage } from '../../notify/notifier';
import { testDeps } from '../../runtime/testing';
import { REMINDER_LEASE_MS, sendDueReminders } from './reminders';

const NOON = new Date('2026-03-10T12:00:00+08:00');
const up = { health: () => ({ state: 'up' }), probe: async () => ({ state: 'up' }) } as unknown as DepartmentClient;
const departments = { power: up, water: up, gas: up };

/** A notifier whose sends succeed until `dieAfter`, then never return: the process froze or was killed mid-batch. */
function notifier(dieAfter = Infinity): Notifier & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = [];
  return {
    subscribeTemplateId: 'tpl',
    sent,
    sendSubscribeMessage(msg) {
      if (sent.length >= dieAfter) return new Promise<void>(() => undefined);
      sent.push(msg);
      return Promise.resolve();
    },
  };
}

describe.each(STORE_KINDS)('the reminder sender on %s', (kind) => {
  let database: Database;
  beforeEach(async () => {
    database = await openTestDatabase(kind);
  });
  afterEach(() => database.close());

  const seed = async (n: number) => {
    const rows = Array.from({ length: n }, (_, i) => ({
      openid: `oLeaseTest${String(i).padStart(6, '0')}`,
      serviceId: 'bills.electricity.pay',
      remindAt: new Date(NOON.getTime() - 60_000),
      channel: 'subscribe',
      createdAt: new Date(NOON.getTime() - 3600_000),
    }));
    await database.db.insert(reminders).values(rows);
  };

  it('stops taking reminders when the run’s budget is spent, and gives the rest back at once, unattempted', async () => {
    await seed(5);
    let left = 2;
    const n = notifier();
    const report = await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: n }), NOON, 100, { canContinue: () => left-- > 0 });
    expect(report.sent).toBe(2);
    expect(await statusCount('sending')).toBe(0);
    const back = await database.db.select().from(reminders).where(eq(reminders.status, 'pending'));
    expect(back).toHaveLength(3);
    expect(back.every((r) => r.attempts === 0 && r.claimedUntil === null)).toBe(true);
    // The next run (no budget left to spare here) sends them.
    expect((await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: n }), NOON)).sent).toBe(3);
  });

  it('delivers every reminder after a run dies mid-batch: claims come back when their lease runs out', async () => {
    await seed(20);
    // The first run claims all 20, sends 8 and then dies (never returns, never releases).
    const dying = notifier(8);
    void sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: dying }), NOON);
    await waitUntil(async () => dying.sent.length === 8 && (await statusCount('sending')) === 12);

    // A run inside the lease leaves the dead run's claims alone…
    const early = notifier();
    expect(await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: early }), new Date(NOON.getTime() + 60_000))).toMatchObject({ sent: 0 });

    // …and a run after it takes them back and delivers all.
    const later = notifier();
    const report = await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: later }), new Date(NOON.getTime() + REMINDER_LEASE_MS + 1000));
    expect(report.sent).toBeGreaterThanOrEqual(12);
    expect(await statusCount('sent')).toBe(20);

    // Subscribe messages: at least once per reminder. The message centre: exactly once.
    const everyone = new Set([...dying.sent, ...later.sent].map((m) => m.touser));
    expect(everyone.size).toBe(20);
    const inbox = await database.db.select({ openid: messages.openid, n: sql<number>`count(*)::int` }).from(messages).groupBy(messages.openid);
    expect(inbox).toHaveLength(20);
    expect(inbox.every((r) => r.n === 1)).toBe(true);
  });

  it('does not hand a live run’s claim to a second sender', async () => {
    await seed(5);
    const slow = notifier(0);
    void sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: slow }), NOON);
    await waitUntil(async () => (await statusCount('sending')) === 5);
    const other = notifier();
    expect(await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: other }), new Date(NOON.getTime() + REMINDER_LEASE_MS - 1000))).toEqual({ sent: 0, rescheduled: 0, failed: 0 });
    expect(other.sent).toEqual([]);
  });

  it('gives up on a reminder that every run claiming it died on, instead of claiming it forever', async () => {
    await seed(1);
    const past = new Date(NOON.getTime() - 60_000);
    await database.db.update(reminders).set({ status: 'sending', attempts: 5, claimedUntil: past });
    const n = notifier();
    expect(await sendDueReminders(testDeps({ db: async () => database.db, departments, notifier: n }), NOON)).toEqual({ sent: 0, rescheduled: 0, failed: 1 });
    expect(n.sent).toEqual([]);
    expect(await statusCount('failed')).toBe(1);
  });

  async function statusCount(status: string): Promise<number> {
    const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(reminders).where(eq(reminders.status, status));
    return n;
  }
});

/** Polls the store for the dying run's progress (only visible there); the clock under test is never waited on. */
async function waitUntil(check: () => Promise<boolean>, tries = 1000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached');
}
