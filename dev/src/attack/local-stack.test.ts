import type { InboxMessage, TicketDetail } from '@bianmin/core';
import { openTestDatabase, STORE_KINDS } from '@bianmin/server/db/testing/index';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHotlinePlatform } from '../sandboxes/hotline';
import { startTestStack, type TestStack, ZHANG } from '../testing/stack';
import { NOON, type Owned, seedFirstResident } from '../flows/index';

/**
 * Named attacks on the local stack itself: the levers a tester (or a script) holds, and what
 * `npm start` does when it is stopped and started again on the same data.
 */
type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Env<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message} ${JSON.stringify(b.error.fields ?? {})}`);
  return b.data;
}

describe.each(STORE_KINDS)('X-Dev-Now in years 0000–0999 on %s', (kind) => {
  let stack: TestStack;
  let owned: Owned;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    owned = await seedFirstResident(stack);
  });
  afterAll(() => stack?.stop());

  const FAR_PAST = ['0000-03-10T12:00:00+08:00', '0001-01-01T00:00:00Z', '0099-03-10T12:00:00+08:00', '0500-03-10T12:00:00+08:00', '0999-12-31T23:59:59+08:00'];

  it.each(FAR_PAST)('refuses bills.pay at %s with INVALID_INPUT naming X-Dev-Now, and makes no order', async (now) => {
    const before = data<{ orders: unknown[] }>(await stack.call('bills', { action: 'orders' }, { now: NOON })).orders.length;
    const r = await stack.call('bills', { action: 'pay', bindingId: owned.bindingId, billId: owned.billId, idempotencyKey: `far-past-${now.slice(0, 4)}` }, { now });
    expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { 'X-Dev-Now': expect.stringContaining('2000') } } } });
    expect((r.body as { error: { message: string } }).error.message).toContain('X-Dev-Now');
    expect(data<{ orders: unknown[] }>(await stack.call('bills', { action: 'orders' }, { now: NOON })).orders).toHaveLength(before);
  });

  it('refuses those years on the levers that take the header too (jobs, the sandbox pay sheet, the 12345 platform)', async () => {
    const headers = { 'x-dev-now': '0999-03-10T12:00:00+08:00' };
    const levers = [
      fetch(`${stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers }),
      fetch(`${stack.url}/api/__dev/payments/${owned.orderId}/confirm`, { method: 'POST', headers }),
      fetch(`${stack.url}/api/__dev/departments/hotline/tickets`, { headers }),
    ];
    for (const res of await Promise.all(levers)) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'X-Dev-Now': expect.any(String) } } });
    }
    // Nothing was paid by the refused sheet.
    expect(data<{ order: { status: string } }>(await stack.call('bills', { action: 'order', orderId: owned.orderId }, { now: NOON })).order.status).toBe('pending');
  });

  it('still takes the first and last instants of 2000–2099 (Shanghai time)', async () => {
    for (const now of ['2000-01-01T00:00:00+08:00', '2099-12-31T23:59:59+08:00']) {
      expect((await stack.call('services', { action: 'list' }, { now })).status).toBe(200);
    }
    expect((await stack.call('services', { action: 'list' }, { now: '1999-12-31T23:59:59+08:00' })).status).toBe(400);
    expect((await stack.call('services', { action: 'list' }, { now: '2100-01-01T00:00:00+08:00' })).status).toBe(400);
  });
});

describe.each(STORE_KINDS)('12345 ticket numbers after npm start restarts on the same data on %s', (kind) => {
  const TUE_10 = '2026-03-10T10:00:00+08:00';
  const submit = (stack: TestStack, requestId: string, now = TUE_10) =>
    stack.call<{ ticket: TicketDetail; saved: boolean }>('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId }, { now });
  const show = async (stack: TestStack, ticketId: string, now = TUE_10) => data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId }, { now })).ticket;
  const job = (stack: TestStack, now: string) => fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json() as Promise<Env<{ outbox: { submitted: number; retrying: number } }>>);

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bianmin-hotline-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a ticket filed after the restart a number of its own, files it, and follows it to its reply', async () => {
    const database = await openTestDatabase(kind);
    const stateFile = join(dir, 'hotline-platform.json');
    let stack: TestStack | undefined = await startTestStack(kind, { database, hotlineStateFile: stateFile });
    try {
      const first = data<{ ticket: TicketDetail }>(await submit(stack, 'restart-before-01')).ticket;
      expect(first).toMatchObject({ status: 'submitted', ticketNo: expect.any(String) });
      await stack.stop();
      // `npm start` again: a new process, a new platform sandbox, the same database and .data/.
      stack = await startTestStack(kind, { database, hotlineStateFile: stateFile });
      const second = data<{ ticket: TicketDetail }>(await submit(stack, 'restart-after-01', '2026-03-10T10:05:00+08:00')).ticket;
      expect(second).toMatchObject({ status: 'submitted', ticketNo: expect.any(String), notice: null });
      expect(second.ticketNo).not.toBe(first.ticketNo);
      // The platform answers it by itself (working hours), and we follow it there.
      const later = '2026-03-13T10:00:00+08:00';
      expect(await job(stack, later)).toMatchObject({ ok: true, data: { outbox: { submitted: 0, retrying: 0 } } });
      expect(await show(stack, second.ticketId, later)).toMatchObject({ status: 'replied', ticketNo: second.ticketNo });
      // The ticket filed before the restart is still known to the platform and still followed.
      expect(await show(stack, first.ticketId, later)).toMatchObject({ status: 'replied', ticketNo: first.ticketNo });
    } finally {
      await stack?.stop();
      await database.close();
    }
  });

  it('takes a platform that hands out a number already ours as a failure: 未能提交 at once, the resident told, never retried', async () => {
    const database = await openTestDatabase(kind);
    // A platform that lost its memory: two of them number from the same start.
    let stack: TestStack | undefined = await startTestStack(kind, { database, hotline: createHotlinePlatform() });
    const forgetful = createHotlinePlatform();
    try {
      const first = data<{ ticket: TicketDetail }>(await submit(stack, 'collide-before-01')).ticket;
      await stack.stop();
      stack = await startTestStack(kind, { database, hotline: forgetful });
      const r = data<{ ticket: TicketDetail; saved: boolean }>(await submit(stack, 'collide-after-01', '2026-03-10T10:05:00+08:00'));
      // The platform answered the same number for another ticket of ours: it was filed there, but
      // under a number that is not its own, so we can neither follow it nor wait it out.
      expect(forgetful.tickets.get(first.ticketNo!)?.requestId).toBe(r.ticket.ticketId);
      const t = await show(stack, r.ticket.ticketId, '2026-03-10T10:06:00+08:00');
      expect(t).toMatchObject({ status: 'failed', statusLabel: '未能提交', ticketNo: null, nextDeadline: null, notice: expect.stringContaining('重新提交') });
      const inbox = data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, { openid: ZHANG.openid, now: TUE_10 })).messages;
      expect(inbox.filter((m) => m.path === `/tickets/pages/detail/index?ticketId=${t.ticketId}` && m.title.includes('未能提交'))).toHaveLength(1);
      // Bounded: later runs do not ask the platform again, and the earlier ticket keeps its number.
      const asked = forgetful.createRequests;
      for (const now of ['2026-03-10T10:30:00+08:00', '2026-03-10T12:00:00+08:00', '2026-03-11T10:00:00+08:00']) {
        expect(await job(stack, now)).toMatchObject({ ok: true, data: { outbox: { submitted: 0, retrying: 0 } } });
      }
      expect(forgetful.createRequests).toBe(asked);
      expect(await show(stack, first.ticketId)).toMatchObject({ ticketNo: first.ticketNo });
    } finally {
      await stack?.stop();
      await database.close();
    }
  });
});
