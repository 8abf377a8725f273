import type { AgentResult, CategoriesResult, InboxMessage, TicketDetail, TicketSummary } from '@bianmin/core';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import { jpegHeaderBytes, mp4Bytes, pngBytes } from '../../storage/testing';
import { FLAGGED_TEST_PHRASE } from '../../content/sandbox';
import { createHotlinePlatform } from '@bianmin/dev/sandboxes/hotline';
import { CHEN, LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

const TUE_10 = '2026-03-10T10:00:00+08:00';

type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Env<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message} ${JSON.stringify(b.error.fields ?? {})}`);
  return b.data;
}

let seq = 0;
const requestId = () => `req-${Date.now().toString(36)}-${(seq++).toString().padStart(4, '0')}`;

describe.each(STORE_KINDS)('12345 tickets through the local gateway on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const submit = (body: Record<string, unknown>, opts: { openid?: string; now?: string } = {}) =>
    stack.call<{ ticket: TicketDetail; saved: boolean }>('tickets', { action: 'submit', kind: '投诉', category: '城市管理', public: false, requestId: requestId(), ...body }, { now: TUE_10, ...opts });
  const job = (now: string) => fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json());
  const advance = (ticketNo: string, to: string, now: string, text?: string) =>
    fetch(`${stack.url}/api/__dev/departments/hotline/tickets/${ticketNo}/advance`, { method: 'POST', headers: { 'x-dev-now': now }, body: JSON.stringify({ to, text }) }).then((r) => r.json());
  const show = (ticketId: string, opts: { openid?: string; now?: string } = {}) => stack.call<{ ticket: TicketDetail }>('tickets', { action: 'ticket', ticketId }, { now: TUE_10, ...opts });
  const list = async (openid: string = ZHANG.openid, now = TUE_10) => data<{ tickets: TicketSummary[] }>(await stack.call('tickets', { action: 'tickets' }, { openid, now })).tickets;
  const upload = async (bytes: Buffer, openid: string = ZHANG.openid, name = 'photo.jpg') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${stack.url}/api/__dev/storage`, { method: 'POST', headers: { 'x-dev-openid': openid }, body: form });
    return data<{ fileId: string }>({ body: await res.json() }).fileId;
  };
  const fault = (mode: string) => fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode }) });

  it('lists the eight categories with the kinds each allows and the time limits in words', async () => {
    const r = data<CategoriesResult>(await stack.call('tickets', { action: 'categories' }, { openid: null }));
    expect(r.categories.map((c) => c.category)).toEqual(['城市管理', '交通出行', '水电燃气', '社会保障', '环境保护', '住房物业', '市场监管', '其他']);
    expect(r.categories.find((c) => c.category === '市场监管')!.kinds).not.toContain('求助');
    expect(r.limits).toMatchObject({ 投诉: '2 个工作小时内受理，5 个工作日内答复', 咨询: '2 个工作小时内受理，1 个工作日内答复', urgent: '1 小时内受理，24 小时内答复' });
  });

  let ticketId: string;
  let ticketNo: string;

  it('files a complaint with 2 photos and a place: saved, then filed with the platform, which answers a ticket number', async () => {
    const photos = [await upload(pngBytes(), ZHANG.openid, 'a.png'), await stack.storage.put(jpegHeaderBytes(), ZHANG.openid)];
    const place = { name: '景田北路 18 号', address: '福田区莲花街道景田北路 18 号门口', latitude: 22.55, longitude: 114.04 };
    const r = data<{ ticket: TicketDetail; saved: boolean }>(
      await submit({ description: '小区门口的井盖缺失已经三天了，晚上很危险，请尽快处理。', photos, place, contactPhone: '138 1234 5678' }),
    );
    expect(r.saved).toBe(false);
    expect(r.ticket).toMatchObject({
      status: 'submitted',
      ticketNo: expect.stringMatching(/^1234520260310\d{5}$/),
      contactPhoneMasked: '138****5678',
      place,
      nextDeadline: { step: 'accept', dueAt: '2026-03-10T12:00:00+08:00', state: 'on_time', rule: '2 个工作小时内受理' },
    });
    expect(r.ticket.photos.map((p) => p.url)).toEqual(photos.map((p) => `/api/__dev/storage/${p.slice('local://'.length)}`));
    expect(JSON.stringify(r)).not.toContain('13812345678');
    ticketId = r.ticket.ticketId;
    ticketNo = r.ticket.ticketNo!;
    const onPlatform = stack.hotline.tickets.get(ticketNo)!;
    expect(onPlatform).toMatchObject({ requestId: ticketId, photos: expect.arrayContaining([expect.stringContaining('/api/__dev/storage/')]), contactPhone: '13812345678' });
    expect(onPlatform.photos).toHaveLength(2);
    // Both texts went through the content check together, as the platform shows them (the place on
    // its own line), with the resident's openid; the photos to the async image check.
    expect(stack.contentCheck.texts.slice(-1)).toEqual([expect.objectContaining({ openid: ZHANG.openid, scene: 3, content: expect.stringMatching(/井盖[^\n]*\n[^\n]*景田北路/) })]);
    expect(stack.contentCheck.images.filter((i) => i.openid === ZHANG.openid)).toHaveLength(2);
  });

  it('files one ticket for ten simultaneous taps with the same request id', async () => {
    const id = requestId();
    const before = stack.hotline.tickets.size;
    const rs = await Promise.all(Array.from({ length: 10 }, () => submit({ requestId: id, kind: '咨询', category: '社会保障', description: '请问灵活就业人员如何缴纳社保？' }, { openid: WANG.openid })));
    expect(new Set(rs.map((r) => data<{ ticket: TicketDetail }>(r).ticket.ticketId)).size).toBe(1);
    expect(await list(WANG.openid)).toHaveLength(1);
    expect(stack.hotline.tickets.size).toBe(before + 1);
  });

  it('shows each step on the timeline with department and time after the platform replies, and tells the resident', async () => {
    // The prompt accepted when filing: one grant, spent on the answer — not on 已受理 or 已派单.
    expect(data<{ granted: number }>(await stack.call('tickets', { action: 'subscribed', templateId: 'dev-ticket-template', result: 'accept' }))).toEqual({ granted: 1 });
    await advance(ticketNo, 'dispatched', '2026-03-10T10:20:00+08:00');
    const moved = await advance(ticketNo, 'replied', '2026-03-10T15:00:00+08:00', '经现场核查，井盖已于今日补装。');
    expect(moved.ok).toBe(true);
    const report = await job('2026-03-10T15:01:00+08:00');
    expect(report.data.sync.applied).toBeGreaterThanOrEqual(4);
    const t = data<{ ticket: TicketDetail }>(await show(ticketId, { now: '2026-03-10T15:05:00+08:00' })).ticket;
    expect(t.status).toBe('replied');
    expect(t.timeline.map((e) => [e.type, e.at, e.department])).toEqual([
      ['filed', '2026-03-10T10:00:00+08:00', null],
      ['submitted', '2026-03-10T10:00:00+08:00', '12345 热线中心'],
      ['accepted', '2026-03-10T10:20:00+08:00', '12345 热线中心'],
      ['dispatched', '2026-03-10T10:20:00+08:00', '市城市管理和综合执法局'],
      ['replied', '2026-03-10T15:00:00+08:00', '市城市管理和综合执法局'],
    ]);
    expect(t.timeline[4]).toMatchObject({ label: '已答复', text: '经现场核查，井盖已于今日补装。' });
    expect(t).toMatchObject({ nextDeadline: null, awaitingRating: true, department: '市城市管理和综合执法局', reopen: { allowed: true, until: '2026-03-17T15:00:00+08:00' } });
    const inbox = data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' })).messages.filter((m) => m.kind === 'ticket');
    expect(inbox.map((m) => m.title)).toEqual(expect.arrayContaining(['12345 工单已受理', '12345 工单已派单', '12345 工单已答复']));
    expect(inbox.find((m) => m.title === '12345 工单已答复')).toMatchObject({ body: expect.stringContaining('井盖已于今日补装'), path: `/tickets/pages/detail/index?ticketId=${ticketId}` });
    expect(stack.subscribeMessages.filter((m) => m.templateId === 'dev-ticket-template' && m.touser === ZHANG.openid).map((m) => m.data.phrase2.value)).toEqual(['已答复']);
    // Reading the feed again changes nothing: no second timeline entry, no second message.
    await job('2026-03-10T15:02:00+08:00');
    expect(data<{ ticket: TicketDetail }>(await show(ticketId)).ticket.timeline).toHaveLength(5);
    expect(data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' })).messages.filter((m) => m.kind === 'ticket')).toHaveLength(inbox.length);
  });

  it('rates a reply once, at the platform too', async () => {
    const r = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'rate', ticketId, rating: '基本满意', comment: '处理及时' }, { now: '2026-03-10T16:00:00+08:00' }));
    expect(r.ticket).toMatchObject({ rating: { rating: '基本满意', comment: '处理及时', at: '2026-03-10T16:00:00+08:00' }, awaitingRating: false });
    expect(stack.hotline.tickets.get(ticketNo)!.rating).toMatchObject({ rating: '基本满意' });
    const again = await stack.call('tickets', { action: 'rate', ticketId, rating: '满意' }, { now: '2026-03-10T16:01:00+08:00' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已评价') } });
    const bad = await stack.call('tickets', { action: 'rate', ticketId, rating: '很好' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { rating: expect.stringContaining('满意') } } });
  });

  it('reopens within 7 days of the reply, once per reply; after 7 days (call clock) refuses with the reason', async () => {
    const reopen = (now: string) => stack.call<{ ticket: TicketDetail }>('tickets', { action: 'reopen', ticketId, reason: '井盖补装后又松动了' }, { now });
    const r = data<{ ticket: TicketDetail }>(await reopen('2026-03-16T11:00:00+08:00'));
    expect(r.ticket).toMatchObject({ status: 'reopened', nextDeadline: { step: 'answer', dueAt: '2026-03-23T11:00:00+08:00' }, reopen: { allowed: false } });
    expect(stack.hotline.tickets.get(ticketNo)!.status).toBe('reopened');
    const twice = await reopen('2026-03-16T11:05:00+08:00');
    expect(twice.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已申请过重办') } });
    // The department answers again; 7 days and a minute later the window has closed.
    await advance(ticketNo, 'replied', '2026-03-17T10:00:00+08:00', '已重新加固井盖。');
    await job('2026-03-17T10:01:00+08:00');
    const late = await reopen('2026-03-24T10:01:00+08:00');
    expect(late.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/答复已超过 7 天（答复于 2026-03-17 10:00）/) } });
    expect(data<{ ticket: TicketDetail }>(await show(ticketId, { now: '2026-03-24T10:01:00+08:00' })).ticket.reopen).toMatchObject({ allowed: false, until: '2026-03-24T10:00:00+08:00' });
  });

  it('does not show, rate, reopen or name to an agent another resident’s ticket', async () => {
    const as = { openid: LI.openid };
    expect((await show(ticketId, as)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('tickets', { action: 'rate', ticketId, rating: '不满意' }, as)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('tickets', { action: 'reopen', ticketId, reason: '我也觉得没修好' }, as)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await stack.call('tickets', { action: 'agent', ticketId }, as)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await list(LI.openid)).toEqual([]);
  });

  describe('refuses bad submissions with INVALID_INPUT naming the field, and files nothing', () => {
    let before: number;
    let platformBefore: number;
    beforeEach(async () => {
      before = (await list(CHEN.openid)).length;
      platformBefore = stack.hotline.tickets.size;
    });
    afterEach(async () => {
      expect(await list(CHEN.openid)).toHaveLength(before);
      expect(stack.hotline.tickets.size).toBe(platformBefore);
    });
    const as = { openid: CHEN.openid };
    const ok = '路灯坏了一个星期没人修，晚上很黑。';

    it('a description of 9 characters', async () => {
      const r = await submit({ description: '路灯坏了一个星期了' }, as);
      expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { description: '问题描述至少 10 个字（现在 9 个）' } } } });
    });

    it('10 photos', async () => {
      const photos = await Promise.all(Array.from({ length: 10 }, () => stack.storage.put(pngBytes(), CHEN.openid)));
      const r = await submit({ description: ok, photos }, as);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { photos: '最多上传 9 张照片' } } });
    });

    it('a video over 60 seconds', async () => {
      const video = await stack.storage.put(mp4Bytes(61), CHEN.openid);
      const r = await submit({ description: ok, video }, as);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { video: expect.stringContaining('不能超过 60 秒（这段约 61 秒）') } } });
    });

    it('a photo that is not an image by its content, whatever its name says', async () => {
      const real = await stack.storage.put(pngBytes(), CHEN.openid);
      const fake = await upload(Buffer.from('%PDF-1.4 not a photo at all'), CHEN.openid, 'photo.jpg');
      const r = await submit({ description: ok, photos: [real, fake] }, as);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'photos.1': expect.stringContaining('第 2 张照片不是图片') } } });
    });

    it('a video as a photo and a photo as the video', async () => {
      const clip = await stack.storage.put(mp4Bytes(5), CHEN.openid);
      expect((await submit({ description: ok, photos: [clip] }, as)).body).toMatchObject({ ok: false, error: { fields: { 'photos.0': expect.stringContaining('不是图片') } } });
      const pic = await stack.storage.put(pngBytes(), CHEN.openid);
      expect((await submit({ description: ok, video: pic }, as)).body).toMatchObject({ ok: false, error: { fields: { video: expect.stringContaining('不是 MP4') } } });
    });

    it('another resident’s uploaded photo', async () => {
      const theirs = await stack.storage.put(pngBytes(), ZHANG.openid);
      const r = await submit({ description: ok, photos: [theirs] }, as);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'photos.0': '第 1 张照片不存在或已过期，请重新上传' } } });
    });

    it('a kind the category does not take, urgent praise, control characters, a bad phone', async () => {
      expect((await submit({ description: ok, kind: '求助', category: '市场监管' }, as)).body).toMatchObject({ ok: false, error: { fields: { kind: expect.stringContaining('市场监管') } } });
      expect((await submit({ description: ok, kind: '表扬', urgent: true }, as)).body).toMatchObject({ ok: false, error: { fields: { urgent: expect.any(String) } } });
      expect((await submit({ description: `${ok}\u0000\u202e` }, as)).body).toMatchObject({ ok: false, error: { fields: { description: expect.stringContaining('空字符') } } });
      expect((await submit({ description: `${ok}\u0007` }, as)).body).toMatchObject({ ok: false, error: { fields: { description: expect.stringContaining('控制字符') } } });
      expect((await submit({ description: `\u202e${ok}` }, as)).body).toMatchObject({ ok: false, error: { fields: { description: expect.stringContaining('文字方向') } } });
      expect((await submit({ description: ok, contactPhone: '1234567' }, as)).body).toMatchObject({ ok: false, error: { fields: { contactPhone: expect.stringContaining('11 位') } } });
    });

    it('the flagged test phrase, with the field to change', async () => {
      const r = await submit({ description: `投诉内容：${FLAGGED_TEST_PHRASE}` }, as);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { description: expect.stringContaining('请修改后再提交') } } });
      const place = await submit({ description: ok, place: { address: FLAGGED_TEST_PHRASE } }, as);
      expect(place.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { place: expect.any(String) } } });
    });

    it('anything while WeChat’s content check is unavailable (retryable, nothing saved)', async () => {
      stack.contentCheck.setUnavailable(true);
      try {
        const r = await submit({ description: ok }, as);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', retryable: true, message: expect.stringContaining('内容安全检查') } });
      } finally {
        stack.contentCheck.setUnavailable(false);
      }
    });
  });

  it('shows deadlines in working time: Mid-Autumn Friday 17:30 → next working day; the make-up Sunday counts', async () => {
    const friday = data<{ ticket: TicketDetail }>(await submit({ description: '中秋节前一天晚上小区停水了，至今没有来水。' }, { openid: CHEN.openid, now: '2026-09-25T17:30:00+08:00' })).ticket;
    expect(friday.nextDeadline).toMatchObject({ step: 'accept', dueAt: '2026-09-28T11:00:00+08:00' });
    const sunday = data<{ ticket: TicketDetail }>(await submit({ kind: '咨询', description: '请问国庆期间政务大厅是否办公？' }, { openid: CHEN.openid, now: '2026-09-20T10:00:00+08:00' })).ticket;
    expect(sunday.nextDeadline).toMatchObject({ step: 'accept', dueAt: '2026-09-20T12:00:00+08:00' });
    // Newest first, each with its next deadline and its state at the call's time.
    const mineNow = await list(CHEN.openid, '2026-09-20T11:45:00+08:00');
    expect(mineNow.map((t) => t.ticketId).slice(0, 2)).toEqual([friday.ticketId, sunday.ticketId]);
    expect(mineNow[1].nextDeadline).toMatchObject({ state: 'due_soon' });
  });

  it('says when agents are at work and hands the client what the contact button needs; outside hours, when they are back', async () => {
    const open = data<AgentResult>(await stack.call('tickets', { action: 'agent', ticketId }, { now: TUE_10 }));
    expect(open).toMatchObject({ open: true, contact: { sessionFrom: JSON.stringify({ from: 'bianmin', ticketNo }), showMessageCard: true }, offer: null });
    const sat = data<AgentResult>(await stack.call('tickets', { action: 'agent' }, { now: '2026-03-14T20:00:00+08:00' }));
    expect(sat).toMatchObject({ open: false, contact: null, backAt: '2026-03-16T09:00:00+08:00', offer: { kind: '咨询' } });
    // The make-up Sunday is a working day for agents too.
    expect(data<AgentResult>(await stack.call('tickets', { action: 'agent' }, { now: '2026-09-20T10:00:00+08:00' })).open).toBe(true);
  });

  it('with the platform down, the hub’s agent tile and the agent action agree: agents are WeChat’s conversation, still open', async () => {
    await fault('down');
    try {
      const agent = data<AgentResult>(await stack.call('tickets', { action: 'agent' }, { now: TUE_10 }));
      const status = async (serviceId: string) => data<{ availability: { state: string } }>(await stack.call('services', { action: 'status', serviceId }, { now: TUE_10 })).availability;
      expect(agent.open).toBe(true);
      expect((await status('tickets.agent')).state).toBe(agent.availability.state);
      // The platform's own service does say it is down.
      expect((await status('tickets.submit')).state).toBe('down');
    } finally {
      await fault('ok');
    }
  });

  it('with the platform down, saves the submission, says so, and files it when the platform is back', async () => {
    await fault('down');
    try {
      const r = data<{ ticket: TicketDetail; saved: boolean }>(await submit({ description: '垃圾桶满了两天没人清运，味道很大。' }, { openid: LI.openid }));
      expect(r).toMatchObject({ saved: true, ticket: { status: 'pending', ticketNo: null, notice: '已保存，平台恢复后自动提交', nextDeadline: { step: 'accept' } } });
      // Rating and reopening need the platform: refused with its availability, nothing changed.
      const rate = await stack.call('tickets', { action: 'rate', ticketId, rating: '满意' }, { now: TUE_10 });
      expect(rate.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE' } });
    } finally {
      await fault('ok');
    }
    expect((await job('2026-03-10T10:30:00+08:00')).data.outbox).toEqual({ submitted: 1, retrying: 0 });
    expect((await list(LI.openid))[0]).toMatchObject({ status: 'submitted', ticketNo: expect.any(String), notice: null });
  });
});

describe.each(STORE_KINDS)('never losing a submission on %s', (kind) => {
  it('saves 20 submissions while the platform is down; after it is back and a restart, exactly 20 tickets exist on the platform, each once', async () => {
    const database = await openTestDatabase(kind);
    const platform = createHotlinePlatform();
    const T0 = '2026-03-10T10:00:00+08:00';
    const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString();
    let first: TestStack | undefined = await startTestStack(kind, { database, hotline: platform });
    let second: TestStack | undefined;
    try {
      await fetch(`${first.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: '{"mode":"down"}' });
      const residents = [ZHANG, LI, WANG, CHEN];
      const answers = [];
      for (let i = 0; i < 20; i++) {
        answers.push(
          await first.call<{ ticket: TicketDetail; saved: boolean }>(
            'tickets',
            { action: 'submit', kind: '投诉', category: '环境保护', description: `第 ${i + 1} 条：工地夜间施工噪声扰民，影响休息。`, public: false, requestId: `outage-${String(i).padStart(4, '0')}` },
            { openid: residents[i % 4].openid, now: at(i) },
          ),
        );
      }
      for (const a of answers) expect(data<{ saved: boolean; ticket: TicketDetail }>(a)).toMatchObject({ saved: true, ticket: { status: 'pending', notice: '已保存，平台恢复后自动提交' } });
      // The worker runs while the platform is still down: everything stays pending.
      const down = await fetch(`${first.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': at(60) } }).then((r) => r.json());
      expect(down.data.outbox).toEqual({ submitted: 0, retrying: 20 });
      expect(platform.tickets.size).toBe(0);
      // A worker claims five and dies before filing them: its lease holds them for a minute.
      await database.db.execute(
        `update tickets set attempts = attempts + 1, next_attempt_at = '${at(200 + 60)}' where id in (select id from tickets where status = 'pending' order by request_id limit 5)`,
      );
      await first.stop();
      first = undefined;

      // The restart: a new stack on the same database; the platform (not ours) kept running and is back.
      second = await startTestStack(kind, { database, hotline: platform });
      const run = (s: number) => fetch(`${second!.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': at(s) } }).then((r) => r.json());
      // Earlier than every backoff: nothing is due yet, nothing is sent.
      expect((await run(61)).data.outbox).toEqual({ submitted: 0, retrying: 0 });
      expect((await run(200)).data.outbox).toEqual({ submitted: 15, retrying: 0 });
      expect((await run(230)).data.outbox).toEqual({ submitted: 0, retrying: 0 });
      expect((await run(261)).data.outbox).toEqual({ submitted: 5, retrying: 0 });
      expect((await run(400)).data.outbox).toEqual({ submitted: 0, retrying: 0 });

      expect(platform.tickets.size).toBe(20);
      const requestIds = [...platform.tickets.values()].map((t) => t.requestId);
      expect(new Set(requestIds).size).toBe(20);
      const ours = (await database.db.execute(`select id, ticket_no, status from tickets`)) as unknown as { rows: Array<{ id: string; ticket_no: string; status: string }> };
      expect(ours.rows).toHaveLength(20);
      expect(new Set(ours.rows.map((r) => r.id))).toEqual(new Set(requestIds));
      for (const r of ours.rows) expect(platform.tickets.get(r.ticket_no)!.requestId).toBe(r.id);
      expect(platform.createRequests).toBe(20);
    } finally {
      await first?.stop();
      await second?.stop();
      await database.close();
    }
  });

  it('does not file twice a ticket the platform received when its answer was lost', async () => {
    const database = await openTestDatabase(kind);
    const platform = createHotlinePlatform();
    const stack = await startTestStack(kind, { database, hotline: platform });
    try {
      await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: '{"mode":"down"}' });
      const saved = data<{ ticket: TicketDetail }>(
        await stack.call('tickets', { action: 'submit', kind: '咨询', category: '其他', description: '请问居住证续签需要哪些材料？', public: false, requestId: 'lost-answer-01' }, { now: TUE_10 }),
      ).ticket;
      await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: '{"mode":"ok"}' });
      // The platform got the create (our request id is our ticket id) but we never heard back.
      const res = await fetch(`${stack.sandboxes.hotline.url}/tickets?asOf=${encodeURIComponent(TUE_10)}`, {
        method: 'POST',
        headers: { 'x-api-key': stack.sandboxes.hotline.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: saved.ticketId, kind: '咨询', category: '其他', description: saved.description, public: false }),
      });
      const { ticketNo } = (await res.json()) as { ticketNo: string };
      // The event feed gets there before the outbox retries: it finds our ticket by the request id
      // the platform reports and gives it the number, so the outbox has nothing left to file.
      const job = (now: string) => fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': now } }).then((x) => x.json());
      const early = await job('2026-03-10T10:00:05+08:00');
      expect(early.data).toMatchObject({ outbox: { submitted: 0, retrying: 0 }, sync: { applied: 1, skipped: 0 } });
      const t = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: saved.ticketId }, { now: '2026-03-10T10:00:06+08:00' })).ticket;
      expect(t).toMatchObject({ ticketNo, status: 'submitted', notice: null });
      expect((await job('2026-03-10T10:05:00+08:00')).data.outbox).toEqual({ submitted: 0, retrying: 0 });
      expect(platform.tickets.size).toBe(1);
      expect(platform.createRequests).toBe(1);
    } finally {
      await stack.stop();
      await database.close();
    }
  });
});
