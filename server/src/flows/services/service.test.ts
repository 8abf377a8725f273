import type { ReminderView, ServicesListResult, ServiceStatusResult } from '@bianmin/core';
import { openTestDatabase } from '../../db/testing/index';
import { startStack } from '@bianmin/dev/stack';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const status = async (serviceId: string, now: string) => {
  const { body } = await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId }, { now });
  if (!body.ok) throw new Error(`${body.error.code}: ${body.error.message}`);
  return body.data;
};

describe('services.status', () => {
  it('closes electricity payment at 23:45 for the nightly settlement and names 00:30 the next day', async () => {
    const s = await status('bills.electricity.pay', '2026-03-10T23:45:00+08:00');
    expect(s.availability).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2026-03-11T00:30:00+08:00' });
    expect(s.availability.message).toContain('00:30');
    expect(s.schedule.lines.length).toBeGreaterThan(0);
  });

  it('warns at 23:20 that electricity payment closes at 23:30, and is open at noon', async () => {
    expect((await status('bills.electricity.pay', '2026-03-10T23:20:00+08:00')).availability).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-10T23:30:00+08:00' });
    expect((await status('bills.electricity.pay', '2026-03-10T12:00:00+08:00')).availability).toMatchObject({ state: 'open' });
  });

  it('gives the same answer when the instant is written in UTC', async () => {
    expect((await status('bills.electricity.pay', '2026-03-10T15:45:00Z')).availability.opensAt).toBe('2026-03-11T00:30:00+08:00');
  });

  it('puts traffic fines in maintenance at 03:00 and reopens them at 04:00 the same day', async () => {
    const s = await status('traffic.pay', '2026-03-10T03:00:00+08:00');
    expect(s.availability.state).not.toMatch(/open|closing_soon/);
    expect(s.availability.opensAt).toBe('2026-03-10T04:00:00+08:00');
  });

  it('closes the human agent for the Spring Festival and reopens it on the first working day at 09:00', async () => {
    const s = await status('tickets.agent', '2026-02-18T10:00:00+08:00');
    expect(s.availability).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-02-24T09:00:00+08:00' });
    expect(s.upcoming.some((c) => c.kind === 'holiday')).toBe(true);
  });

  it('opens the human agent on a make-up working Saturday (调休) at 10:00', async () => {
    expect((await status('tickets.agent', '2026-02-14T10:00:00+08:00')).availability.state).toBe('open');
  });

  it('lists the next 7 days of holiday closures so a resident can plan', async () => {
    const s = await status('tickets.agent', '2026-09-28T10:00:00+08:00');
    expect(s.upcoming[0]).toMatchObject({ kind: 'holiday', startsAt: expect.stringMatching(/^2026-10-01/) });
  });

  it('answers NOT_FOUND for an unknown service id, and INVALID_INPUT without one', async () => {
    const { status: code, body } = await stack.call('services', { action: 'status', serviceId: 'bills.moon.pay' });
    expect(code).toBe(404);
    expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('services', { action: 'status' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { serviceId: expect.any(String) } } });
  });
});

describe('services.list', () => {
  it('carries every service’s live availability and the day’s closures for the banner', async () => {
    const { body } = await stack.call<ServicesListResult>('services', { action: 'list' }, { now: '2026-03-10T23:45:00+08:00' });
    if (!body.ok) throw new Error(body.error.message);
    const byId = Object.fromEntries(body.data.services.map((s) => [s.id, s.availability]));
    expect(byId['bills.electricity.pay']).toMatchObject({ state: 'closed', opensAt: '2026-03-11T00:30:00+08:00' });
    expect(byId['bills.electricity.query']).toMatchObject({ state: 'open' });
    expect(body.data.notices.map((n) => n.serviceId)).toContain('bills.electricity.pay');
    expect(body.data.notices.map((n) => n.serviceId)).not.toContain('bills.electricity.query');
  });

  it('says which services are live, and marks the nightly hours and daily maintenance as routine', async () => {
    const { body } = await stack.call<ServicesListResult>('services', { action: 'list' }, { now: '2026-03-11T03:00:00+08:00' });
    if (!body.ok) throw new Error(body.error.message);
    expect(body.data.services.filter((s) => s.live).map((s) => s.id)).toEqual(expect.arrayContaining(['bills.electricity.pay', 'bills.water.query', 'traffic.query', 'traffic.pay', 'insurance.query', 'tickets.agent']));
    // Every flow of the catalogue exists in the app now.
    expect(body.data.services.filter((s) => !s.live)).toEqual([]);
    const byId = Object.fromEntries(body.data.notices.map((n) => [n.serviceId, n]));
    expect(byId['bills.water.pay']).toMatchObject({ kind: 'hours', routine: true });
    expect(byId['traffic.query']).toMatchObject({ kind: 'maintenance', routine: true });
    expect(body.data.notices.filter((n) => !n.routine)).toEqual([]);
  });

  it('marks a department that is down as news, not routine', async () => {
    await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'down' }) });
    try {
      const { body } = await stack.call<ServicesListResult>('services', { action: 'list' }, { now: '2026-03-10T12:00:00+08:00' });
      if (!body.ok) throw new Error(body.error.message);
      expect(body.data.notices.find((n) => n.serviceId === 'bills.electricity.pay')).toMatchObject({ kind: 'down', routine: false });
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode: 'ok' }) });
    }
  });
});

describe('reminders', () => {
  const at2345 = '2026-03-10T23:45:00+08:00';

  it('reminds a resident at 00:30 when electricity payment is closed at 23:45, once however often they ask', async () => {
    const first = await stack.call<{ reminder: ReminderView }>('services', { action: 'remind', serviceId: 'bills.electricity.pay' }, { now: at2345 });
    expect(first.body).toMatchObject({ ok: true, data: { reminder: { serviceId: 'bills.electricity.pay', remindAt: '2026-03-11T00:30:00+08:00', status: 'pending' } } });
    const again = await stack.call<{ reminder: ReminderView }>('services', { action: 'remind', serviceId: 'bills.electricity.pay' }, { now: at2345 });
    expect(again.body.ok && first.body.ok && again.body.data.reminder.id).toBe(first.body.ok && first.body.data.reminder.id);
    const mine = await stack.call<{ reminders: ReminderView[] }>('services', { action: 'reminders' });
    expect(mine.body.ok && mine.body.data.reminders.filter((r) => r.serviceId === 'bills.electricity.pay')).toHaveLength(1);
  });

  it('refuses a reminder for a service that is open now, and one without a caller', async () => {
    const open = await stack.call('services', { action: 'remind', serviceId: 'bills.electricity.query' }, { now: at2345 });
    expect(open.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const anon = await stack.call('services', { action: 'remind', serviceId: 'bills.electricity.pay' }, { now: at2345, openid: null });
    expect(anon).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
  });

  it('does not let another resident see or cancel a reminder', async () => {
    const mine = await stack.call<{ reminder: ReminderView }>('services', { action: 'remind', serviceId: 'bills.gas.pay' }, { now: at2345 });
    if (!mine.body.ok) throw new Error(mine.body.error.message);
    const theirs = await stack.call<{ reminders: ReminderView[] }>('services', { action: 'reminders' }, { openid: LI.openid });
    expect(theirs.body.ok && theirs.body.data.reminders).toEqual([]);
    const cancel = await stack.call('services', { action: 'cancelReminder', reminderId: mine.body.data.reminder.id }, { openid: LI.openid });
    expect(cancel.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('services', { action: 'cancelReminder', reminderId: mine.body.data.reminder.id })).body).toMatchObject({ ok: true });
    expect((await stack.call('services', { action: 'cancelReminder', reminderId: 'not-a-uuid' })).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { reminderId: expect.any(String) } } });
  });

  it('sends a due reminder exactly once into the message centre, which only its resident sees', async () => {
    const runAt = (now: string) =>
      fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json());
    expect(await runAt('2026-03-11T00:10:00+08:00')).toMatchObject({ ok: true, data: { sent: 0 } });
    expect(await runAt('2026-03-11T00:31:00+08:00')).toMatchObject({ ok: true, data: { sent: 1 } });
    expect(await runAt('2026-03-11T00:32:00+08:00')).toMatchObject({ ok: true, data: { sent: 0 } });

    const inbox = await stack.call<{ messages: Array<{ id: string; title: string; read: boolean }>; unread: number }>('messages', { action: 'list' });
    if (!inbox.body.ok) throw new Error(inbox.body.error.message);
    expect(inbox.body.data.messages).toHaveLength(1);
    expect(inbox.body.data.messages[0].title).toContain('电费缴纳');
    expect(inbox.body.data.unread).toBe(1);

    const other = await stack.call<{ messages: unknown[] }>('messages', { action: 'list' }, { openid: LI.openid });
    expect(other.body.ok && other.body.data.messages).toEqual([]);
    const id = inbox.body.data.messages[0].id;
    expect((await stack.call('messages', { action: 'read', messageId: id }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('messages', { action: 'read', messageId: id })).body).toMatchObject({ ok: true });
  });

  it('sends a WeChat subscribe message when the resident subscribed', async () => {
    await stack.call('services', { action: 'remind', serviceId: 'bills.water.pay', channel: 'subscribe' }, { now: at2345, openid: LI.openid });
    const before = stack.subscribeMessages.length;
    await fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T06:01:00+08:00' } });
    expect(stack.subscribeMessages.slice(before)).toEqual([expect.objectContaining({ touser: LI.openid, data: expect.objectContaining({ thing1: { value: '水费缴纳' } }) })]);
  });
});

describe('a reminder across a restart', () => {
  it('is kept in the database and sent by the next process', async () => {
    const database = await openTestDatabase();
    try {
      const first = await startStack({ port: 0, database, log: 'silent', loops: false });
      const res = await fetch(`${first.url}/api/services`, {
        method: 'POST',
        headers: { 'x-dev-openid': ZHANG.openid, 'x-dev-now': '2026-03-10T23:45:00+08:00' },
        body: JSON.stringify({ action: 'remind', serviceId: 'bills.water.pay' }),
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      await first.stop();

      const second = await startStack({ port: 0, database, log: 'silent', loops: false });
      const run = await fetch(`${second.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'x-dev-now': '2026-03-11T06:00:30+08:00' } });
      expect(await run.json()).toMatchObject({ ok: true, data: { sent: 1 } });
      await second.stop();
    } finally {
      await database.close();
    }
  });
});

describe('a department that is down', () => {
  it('marks its services down on the hub with the reason, while other departments stay open', async () => {
    await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"down"}' });
    try {
      const { body } = await stack.call<ServicesListResult>('services', { action: 'list' }, { now: '2026-03-10T12:00:00+08:00' });
      if (!body.ok) throw new Error(body.error.message);
      const byId = Object.fromEntries(body.data.services.map((s) => [s.id, s.availability]));
      expect(byId['bills.electricity.pay']).toMatchObject({ state: 'down', reason: 'department_unreachable' });
      expect(byId['bills.electricity.pay'].message).toMatch(/供电/);
      expect(byId['bills.water.pay'].state).toBe('open');
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"ok"}' });
    }
  });
});
