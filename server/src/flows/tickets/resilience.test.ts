import type { TicketDetail } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

const TUE_10 = '2026-03-10T10:00:00+08:00';
const at = (s: number) => new Date(Date.parse(TUE_10) + s * 1000).toISOString();

function data<T>(r: { body: unknown }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('the 12345 platform misbehaving, on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const submit = (requestId: string, now = TUE_10) =>
    stack.call<{ ticket: TicketDetail; saved: boolean }>('tickets', { action: 'submit', kind: '咨询', category: '交通出行', description: '请问地铁 2 号线末班车是几点？', public: true, requestId }, { now });
  const fault = (mode: string, ms?: number) => fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode, ms }) });
  const job = (now: string) => fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json());
  const onPlatform = (ticketId: string) => [...stack.hotline.tickets.values()].filter((t) => t.requestId === ticketId);

  it.each([
    ['slow (answers after the 1 s timeout)', 'slow', 1500],
    ['answering garbage', 'garbage', undefined],
    ['answering 503', 'error', undefined],
  ])('when it is %s, the resident is told it is saved and the outbox files it once later', async (_l, mode, ms) => {
    await fault(mode, ms);
    let saved: TicketDetail;
    try {
      const started = Date.now();
      const r = data<{ ticket: TicketDetail; saved: boolean }>(await submit(`misbehave-${mode}`));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r).toMatchObject({ saved: true, ticket: { status: 'pending', notice: '已保存，平台恢复后自动提交' } });
      saved = r.ticket;
    } finally {
      await fault('ok');
    }
    // A slow platform may still have filed it after we gave up: the retry gets the same ticket back.
    expect(onPlatform(saved.ticketId).length).toBeLessThanOrEqual(1);
    expect((await job(at(60))).data.outbox).toMatchObject({ submitted: 1 });
    expect(onPlatform(saved.ticketId)).toHaveLength(1);
    const t = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: saved.ticketId }, { now: at(61) })).ticket;
    expect(t).toMatchObject({ status: 'submitted', ticketNo: onPlatform(saved.ticketId)[0].ticketNo });
  });

  it('lets one reader follow the event feed at a time, and frees a dead reader’s lease after a minute', async () => {
    const first = data<{ ticket: TicketDetail }>(await submit('feed-lease-0001')).ticket;
    // A reader claimed the feed and died: its lease runs to at(600).
    await stack.database.db.execute(`insert into ticket_sync (id, cursor, lease_until) values ('hotline', 0, '${at(600)}') on conflict (id) do update set lease_until = excluded.lease_until`);
    const blocked = await job(at(300));
    expect(blocked.data.sync).toMatchObject({ busy: true, applied: 0 });
    const freed = await job(at(601));
    expect(freed.data.sync.busy).toBeUndefined();
    // Two readers at once: one reads, the other stands aside; nothing is applied twice.
    const [a, b] = await Promise.all([job(at(1900)), job(at(1900))]);
    expect([a.data.sync.busy, b.data.sync.busy].filter(Boolean).length).toBeLessThanOrEqual(1);
    const t = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: first.ticketId }, { now: at(1901) })).ticket;
    const seqs = t.timeline.map((e) => `${e.type}@${e.at}`);
    expect(new Set(seqs).size).toBe(seqs.length);
    // 30 working minutes after filing, the platform accepted it by itself.
    expect(t.timeline.map((e) => e.type)).toEqual(['filed', 'submitted', 'accepted']);
  });

  it('changes nothing when the whole feed is read again from the start (a lost cursor, a replay)', async () => {
    const before = await stack.database.db.execute(`select id, status, department, reply_round, last_event_seq from tickets order by id`);
    const messages = await stack.database.db.execute(`select count(*)::int as n from messages`);
    await stack.database.db.execute(`update ticket_sync set cursor = 0 where id = 'hotline'`);
    const replay = await job(at(1900));
    expect(replay.data.sync).toMatchObject({ applied: 0 });
    expect(replay.data.sync.cursor).toBeGreaterThan(0);
    expect(await stack.database.db.execute(`select id, status, department, reply_round, last_event_seq from tickets order by id`)).toMatchObject({ rows: (before as unknown as { rows: unknown[] }).rows });
    expect(await stack.database.db.execute(`select count(*)::int as n from messages`)).toMatchObject({ rows: (messages as unknown as { rows: unknown[] }).rows });
  });

  it('answers the platform levers’ mistakes clearly', async () => {
    const t = data<{ ticket: TicketDetail }>(await submit('lever-check-0001')).ticket;
    const lever = (no: string, body: string) => fetch(`${stack.url}/api/__dev/departments/hotline/tickets/${no}/advance`, { method: 'POST', headers: { 'x-dev-now': TUE_10 }, body }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await lever(t.ticketNo!, '{"to":"teleported"}')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { to: expect.stringContaining('accepted') } } } });
    expect(await lever('1234599999999999', '{"to":"accepted"}')).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
    await lever(t.ticketNo!, '{"to":"closed"}');
    expect(await lever(t.ticketNo!, '{"to":"rejected"}')).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
    const listed = await fetch(`${stack.url}/api/__dev/departments/hotline/tickets`).then((r) => r.json());
    // Closed by the centre, the ticket still names the department that handled it.
    await job(at(5));
    expect(data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: t.ticketId }, { now: at(6) })).ticket).toMatchObject({ status: 'closed', department: '市交通运输局' });
    expect(listed.data.tickets.find((x: { ticketNo: string }) => x.ticketNo === t.ticketNo)).toMatchObject({ status: 'closed', events: expect.arrayContaining([expect.objectContaining({ type: 'closed', department: '12345 热线中心' })]) });
  });

  it('gives a rating back when the platform does not take it, so the resident can rate that reply again', async () => {
    const t = data<{ ticket: TicketDetail }>(await submit('rate-while-down-01')).ticket;
    stack.hotline.advance(t.ticketNo!, 'replied', new Date(at(10)), '已答复。');
    await job(at(11));
    await fault('down');
    try {
      const r = await stack.call('tickets', { action: 'rate', ticketId: t.ticketId, rating: '满意' }, { now: at(12) });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE' } });
    } finally {
      await fault('ok');
    }
    const after = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: t.ticketId }, { now: at(13) })).ticket;
    expect(after).toMatchObject({ awaitingRating: true, rating: null });
    const rated = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'rate', ticketId: t.ticketId, rating: '不满意' }, { now: at(14) })).ticket;
    expect(rated.rating).toMatchObject({ rating: '不满意' });
    expect(stack.hotline.tickets.get(t.ticketNo!)!.rating).toMatchObject({ rating: '不满意' });
  });

  it('names the flagged test phrase in the fixtures', async () => {
    const f = await fetch(`${stack.url}/api/__dev/fixtures`).then((r) => r.json());
    expect(f.contentCheck.flaggedPhrase).toEqual(expect.any(String));
    const r = await stack.call('tickets', { action: 'submit', kind: '建议', category: '其他', description: `建议：${f.contentCheck.flaggedPhrase}`, public: true, requestId: 'flagged-0001' }, { openid: ZHANG.openid, now: TUE_10 });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { description: expect.any(String) } } });
  });
});
