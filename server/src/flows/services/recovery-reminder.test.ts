import type { ReminderView } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { startTestStack, type TestStack } from '@bianmin/dev/testing/stack';

/**
 * 恢复后提醒我 (issue 12): with a utility's department down there is no reopening time to remind
 * at, so the reminder waits for the department itself — the reminders job probes it each run and
 * tells the resident once, when it answers again. Through the gateway, on PGlite and PostgreSQL.
 */
type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; availability?: { state: string; reason?: string } } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Envelope<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('a reminder for when a department recovers, on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const fault = (dept: string, mode: string) =>
    fetch(`${stack.url}/api/__dev/departments/${dept}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
  const run = async (at: string) => data<{ sent: number; rescheduled: number; failed: number }>({ body: await (await fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': at } })).json() });
  const inbox = async () => data<{ messages: Array<{ kind: string; title: string; body: string }> }>(await stack.call('messages', { action: 'list' })).messages.filter((m) => m.kind === 'reminder');

  it('is kept once however often it is asked, waits while the department is down, and is sent once when it answers', async () => {
    await fault('power', 'down');
    try {
      // What a failure page sees: binding refused, the department down.
      const bind = await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: '0300123456789', holderName: '张晓明' }, { now: '2026-03-10T12:00:00+08:00' });
      expect(bind.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE' } });

      const asks = await Promise.all(
        [0, 1, 2].map(() => stack.call('services', { action: 'remind', serviceId: 'bills.electricity.pay', channel: 'inbox' }, { now: '2026-03-10T12:00:10+08:00' })),
      );
      const made = asks.map((a) => data<{ reminder: ReminderView }>(a).reminder);
      expect(made.every((r) => r.until === 'recovers')).toBe(true);
      const pending = data<{ reminders: ReminderView[] }>(await stack.call('services', { action: 'reminders' })).reminders;
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({ serviceId: 'bills.electricity.pay', until: 'recovers', status: 'pending' });

      // Still down at the next runs: nothing sent, the reminder stays pending (never given up on).
      for (const at of ['2026-03-10T12:02:00+08:00', '2026-03-10T12:04:00+08:00', '2026-03-10T12:06:00+08:00', '2026-03-10T12:08:00+08:00', '2026-03-10T12:10:00+08:00', '2026-03-10T12:12:00+08:00']) {
        expect(await run(at)).toMatchObject({ sent: 0, rescheduled: 1, failed: 0 });
      }
      expect(await inbox()).toEqual([]);
    } finally {
      await fault('power', 'ok');
    }
    expect(await run('2026-03-10T12:14:00+08:00')).toMatchObject({ sent: 1, failed: 0 });
    const messages = await inbox();
    expect(messages).toHaveLength(1);
    expect(messages[0].title).toBe('电费缴纳已恢复办理');
    expect(await run('2026-03-10T12:16:00+08:00')).toMatchObject({ sent: 0, rescheduled: 0 });
    expect(data<{ reminders: ReminderView[] }>(await stack.call('services', { action: 'reminders' })).reminders).toEqual([]);
  });

  it('waits for the hours too: a department back after the pay hours is reminded when they open (06:00)', async () => {
    await fault('water', 'down');
    try {
      data(await stack.call('services', { action: 'remind', serviceId: 'bills.water.pay' }, { now: '2026-03-10T21:00:00+08:00' }));
    } finally {
      await fault('water', 'ok');
    }
    // Back at 23:45, after water payments close at 22:00: not "recovered" yet for the resident.
    expect(await run('2026-03-10T23:45:00+08:00')).toMatchObject({ sent: 0, rescheduled: 1 });
    const pending = data<{ reminders: ReminderView[] }>(await stack.call('services', { action: 'reminders' })).reminders.find((r) => r.serviceId === 'bills.water.pay')!;
    expect(pending.remindAt).toBe('2026-03-11T06:00:00+08:00');
  });
});
