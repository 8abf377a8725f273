import { fixedClock } from '@bianmin/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHotlinePlatform, type HotlinePlatform, type PlatformEvent, type PublicTicket } from './hotline';
import { type RunningSandbox, startSandbox } from './http';

let platform: HotlinePlatform;
let sandbox: RunningSandbox;
beforeEach(async () => {
  platform = createHotlinePlatform();
  sandbox = await startSandbox({ id: 'hotline', apiKey: 'k', routes: platform.routes() });
});
afterEach(() => sandbox.stop());

const call = async <T>(method: string, path: string, asOf: string, body?: unknown): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${sandbox.url}${path}${path.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}`, {
    method,
    headers: { 'x-api-key': 'k', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
};
const ticket = { requestId: 'req-1', kind: '投诉', category: '城市管理', description: '小区门口井盖缺失，夜间很危险', public: false };
const MON_10 = '2026-03-09T10:00:00+08:00';

describe('the 12345 platform sandbox', () => {
  it('creates a ticket once per request id and answers a repeat with the same ticket number', async () => {
    const a = await call<PublicTicket & { duplicate: boolean }>('POST', '/tickets', MON_10, ticket);
    const b = await call<PublicTicket & { duplicate: boolean }>('POST', '/tickets', MON_10, ticket);
    expect(a.body).toMatchObject({ ticketNo: expect.stringMatching(/^1234520260309\d{5}$/), status: 'submitted', duplicate: false });
    expect(b.body).toMatchObject({ ticketNo: a.body.ticketNo, duplicate: true });
    expect(platform.tickets.size).toBe(1);
    expect(platform.createRequests).toBe(2);
  });

  it('refuses a ticket without a request id or with an unknown kind', async () => {
    expect((await call('POST', '/tickets', MON_10, { ...ticket, requestId: '' })).status).toBe(400);
    expect((await call('POST', '/tickets', MON_10, { ...ticket, kind: '举报' })).status).toBe(400);
  });

  it('advances tickets by itself in working hours: accepted 30 working minutes later, not over the weekend', async () => {
    const { body } = await call<PublicTicket>('POST', '/tickets', '2026-03-13T17:45:00+08:00', ticket);
    expect((await call<PublicTicket>('GET', `/tickets/${body.ticketNo}`, '2026-03-15T23:00:00+08:00')).body.status).toBe('submitted');
    const mon = await call<PublicTicket>('GET', `/tickets/${body.ticketNo}`, '2026-03-16T09:15:00+08:00');
    expect(mon.body.status).toBe('accepted');
    expect(mon.body.events.map((e) => [e.type, e.at])).toEqual([
      ['submitted', '2026-03-13T17:45:00+08:00'],
      ['accepted', '2026-03-16T09:15:00+08:00'],
    ]);
    // Two working days later a department has answered; seven days after that the ticket is closed.
    const later = await call<PublicTicket>('GET', `/tickets/${body.ticketNo}`, '2026-03-30T12:00:00+08:00');
    expect(later.body.events.map((e) => e.type)).toEqual(['submitted', 'accepted', 'dispatched', 'replied', 'closed']);
    expect(later.body.events.find((e) => e.type === 'replied')).toMatchObject({ department: '市城市管理和综合执法局' });
  });

  it('lists events after a cursor, in order, and pages', async () => {
    const { body } = await call<PublicTicket>('POST', '/tickets', MON_10, ticket);
    platform.advance(body.ticketNo, 'replied', new Date('2026-03-09T11:00:00+08:00'), '已修复井盖');
    const first = await call<{ events: PlatformEvent[]; cursor: string; more: boolean }>('GET', '/events?since=0&limit=2', '2026-03-09T11:00:00+08:00');
    expect(first.body.events.map((e) => e.type)).toEqual(['submitted', 'accepted']);
    expect(first.body.more).toBe(true);
    const rest = await call<{ events: PlatformEvent[]; cursor: string; more: boolean }>('GET', `/events?since=${first.body.cursor}`, '2026-03-09T11:00:00+08:00');
    expect(rest.body.events.map((e) => e.type)).toEqual(['dispatched', 'replied']);
    expect(rest.body.events[1]).toMatchObject({ text: '已修复井盖', department: '市城市管理和综合执法局', at: '2026-03-09T11:00:00+08:00' });
    expect(rest.body.more).toBe(false);
  });

  it('transfers a dispatched ticket to another department, and rejects with a reason only before dispatch', async () => {
    const { body } = await call<PublicTicket>('POST', '/tickets', MON_10, ticket);
    platform.advance(body.ticketNo, 'dispatched', new Date(MON_10));
    const moved = platform.advance(body.ticketNo, 'dispatched', new Date(MON_10));
    expect(moved.events).toEqual([expect.objectContaining({ type: 'transferred', department: '福田区人民政府' })]);
    expect(() => platform.advance(body.ticketNo, 'rejected', new Date(MON_10))).toThrow(/不能推进/);
    const other = await call<PublicTicket>('POST', '/tickets', MON_10, { ...ticket, requestId: 'req-2' });
    expect(platform.advance(other.body.ticketNo, 'rejected', new Date(MON_10), '不属于受理范围').ticket).toMatchObject({ status: 'rejected' });
  });

  it('rates and reopens only after a reply; a retried reopen is answered, not repeated', async () => {
    const { body } = await call<PublicTicket>('POST', '/tickets', MON_10, ticket);
    expect((await call('POST', `/tickets/${body.ticketNo}/rating`, MON_10, { rating: '满意' })).status).toBe(409);
    expect((await call('POST', `/tickets/${body.ticketNo}/reopen`, MON_10, { reason: '没修好', requestId: 'r1' })).status).toBe(409);
    platform.advance(body.ticketNo, 'replied', new Date(MON_10));
    expect((await call<PublicTicket>('POST', `/tickets/${body.ticketNo}/rating`, MON_10, { rating: '不满意', comment: '没修好' })).body.rating).toMatchObject({ rating: '不满意' });
    const r1 = await call<PublicTicket & { duplicate: boolean }>('POST', `/tickets/${body.ticketNo}/reopen`, MON_10, { reason: '没修好', requestId: 'r1' });
    const r2 = await call<PublicTicket & { duplicate: boolean }>('POST', `/tickets/${body.ticketNo}/reopen`, MON_10, { reason: '没修好', requestId: 'r1' });
    expect([r1.body.status, r1.body.duplicate, r2.body.duplicate]).toEqual(['reopened', false, true]);
    expect(r2.body.events.filter((e) => e.type === 'reopened')).toHaveLength(1);
  });

  it('answers a request without asOf on its own clock (the local stack’s)', async () => {
    const own = createHotlinePlatform({ clock: fixedClock('2026-03-10T09:00:00+08:00') });
    const sb = await startSandbox({ id: 'hotline', apiKey: 'k', routes: own.routes() });
    try {
      const res = await fetch(`${sb.url}/tickets`, { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: JSON.stringify(ticket) });
      expect(await res.json()).toMatchObject({ ticketNo: '123452026031000001', createdAt: '2026-03-10T09:00:00+08:00' });
    } finally {
      await sb.stop();
    }
  });
});

describe('the 12345 platform sandbox across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bianmin-hotline-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const create = async (p: HotlinePlatform, requestId: string, asOf = MON_10) => {
    const sb = await startSandbox({ id: 'hotline', apiKey: 'k', routes: p.routes() });
    try {
      const res = await fetch(`${sb.url}/tickets?asOf=${encodeURIComponent(asOf)}`, { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'application/json' }, body: JSON.stringify({ ...ticket, requestId }) });
      return (await res.json()) as PublicTicket & { duplicate: boolean };
    } finally {
      await sb.stop();
    }
  };

  it('keeps its tickets, events and numbering in its state file: a new process numbers on and remembers', async () => {
    const file = join(dir, 'nested', 'hotline-platform.json');
    const before = createHotlinePlatform({ stateFile: file });
    const a = await create(before, 'req-a');
    before.advance(a.ticketNo, 'replied', new Date('2026-03-09T11:00:00+08:00'));
    const after = createHotlinePlatform({ stateFile: file });
    const b = await create(after, 'req-b');
    expect(b.ticketNo).not.toBe(a.ticketNo);
    expect([a.ticketNo, b.ticketNo]).toEqual(['123452026030900001', '123452026030900002']);
    // The same request again is the same ticket, as before the restart.
    expect(await create(after, 'req-a')).toMatchObject({ ticketNo: a.ticketNo, duplicate: true, status: 'replied' });
    expect(after.list().flatMap((t) => t.events.map((e) => e.seq))).toEqual([1, 2, 3, 4, 5]);
  });

  it('numbers on across days without reusing a serial, even when the first day’s tickets are known', async () => {
    const file = join(dir, 'hotline-platform.json');
    await create(createHotlinePlatform({ stateFile: file }), 'req-1');
    const next = await create(createHotlinePlatform({ stateFile: file }), 'req-2', '2026-03-10T10:00:00+08:00');
    expect(next.ticketNo).toBe('123452026031000002');
  });

  it('refuses to start on a state file it cannot read, saying what to do', () => {
    const file = join(dir, 'hotline-platform.json');
    writeFileSync(file, '{"version":1,"serial":');
    expect(() => createHotlinePlatform({ stateFile: file })).toThrow(/cannot read its state file .*move it away/);
  });
});
