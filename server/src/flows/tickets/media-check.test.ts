import type { InboxMessage, TicketDetail } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { mediaChecksByTrace, recordVerdict } from './media-checks';
import { pngBytes } from '../../storage/testing';
import { processTicketOutbox } from './outbox';
import { startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

const TUE_10 = '2026-03-10T10:00:00+08:00';

type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Env<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message} ${JSON.stringify(b.error.fields ?? {})}`);
  return b.data;
}
let seq = 0;
const requestId = () => `media-${Date.now().toString(36)}-${(seq++).toString().padStart(4, '0')}`;

/**
 * WeChat's verdicts on ticket photos (消息推送 wxa_media_check → mediaCheckNotify), delivered by the
 * local stack's lever as the push would deliver them, on both stores.
 */
describe.each(STORE_KINDS)('a photo WeChat judges risky is withdrawn from its 12345 ticket, on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const photo = (n: number) => stack.storage.put(pngBytes(2 + n, 2, [n * 20, 10, 10]), ZHANG.openid);
  const submit = async (photos: string[]) =>
    data<{ ticket: TicketDetail; saved: boolean }>(
      await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', public: false, requestId: requestId(), description: '路口的路灯坏了一个星期，晚上很黑，请尽快修理。', photos }, { now: TUE_10 }),
    );
  const lever = (path: string, init?: RequestInit) => fetch(`${stack.url}/api/__dev/media-checks${path}`, { headers: { 'x-dev-now': TUE_10 }, ...init }).then((r) => r.json() as Promise<Env<unknown>>);
  const verdict = (traceId: string, suggest: string, label?: number) => lever(`/${traceId}/verdict`, { method: 'POST', body: JSON.stringify({ suggest, label }) });
  const traceOf = (fileId: string) => stack.contentCheck.images.find((i) => i.url.endsWith(fileId.slice('local://'.length)))!.traceId;
  const inbox = async () => data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, { now: TUE_10 })).messages;
  const show = async (ticketId: string) => data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId }, { now: TUE_10 })).ticket;

  it('keeps each photo’s trace id when the ticket is submitted, and lists them on the lever', async () => {
    const photos = [await photo(1), await photo(2)];
    const { ticket } = await submit(photos);
    const listed = (await lever('')) as Env<{ images: Array<{ traceId: string; ticketId: string | null; suggest: string | null }> }>;
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    for (const p of photos) expect(listed.data.images.find((i) => i.traceId === traceOf(p))).toMatchObject({ ticketId: ticket.ticketId, suggest: null });
  });

  it('takes back a filed photo at the platform by its position, drops it from the resident’s ticket and tells the resident once', async () => {
    const photos = [await photo(3), await photo(4), await photo(5)];
    const { ticket } = await submit(photos);
    expect(ticket.status).toBe('submitted');
    expect(stack.hotline.tickets.get(ticket.ticketNo!)!.photos).toHaveLength(3);

    expect(await verdict(traceOf(photos[1]), 'pass', 100)).toMatchObject({ ok: true, data: { recorded: true, suggest: 'pass' } });
    expect(await verdict(traceOf(photos[2]), 'risky', 20002)).toMatchObject({ ok: true, data: { recorded: true, suggest: 'risky', handled: 'withdrawn' } });
    // WeChat pushing the same verdict again changes nothing.
    expect(await verdict(traceOf(photos[2]), 'risky', 20002)).toMatchObject({ ok: true, data: { handled: 'withdrawn' } });

    const onPlatform = stack.hotline.list().find((t) => t.ticketNo === ticket.ticketNo)!;
    expect(onPlatform.photos).toHaveLength(2);
    expect(onPlatform.withdrawnPhotos).toEqual([expect.objectContaining({ index: 2 })]);
    expect((await show(ticket.ticketId)).photos.map((p) => p.fileId)).toEqual([photos[0], photos[1]]);
    const told = (await inbox()).filter((m) => m.title === '诉求中的一张照片已撤下' && m.path?.includes(ticket.ticketId));
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('第 3 张照片未通过微信内容安全检查（色情）');
    expect((await mediaChecksByTrace(stack.deps, [traceOf(photos[2])]))[0]).toMatchObject({ outcome: 'withdrawn', suggest: 'risky', label: 20002 });
  });

  it('leaves a photo out of the filing when its verdict came before the submission finished (the push won the race), so the platform never has it', async () => {
    const traceId = `race-${requestId()}`;
    stack.contentCheck.presetTraceIds([traceId]);
    const risky = { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20006 }, detail: [] };
    // Kept without a ticket: the submission fills it in.
    expect(await recordVerdict(stack.deps, risky, new Date('2026-03-10T02:00:00Z'))).toEqual({ recorded: true, suggest: 'risky', handled: 'waiting' });
    const photos = [await photo(6), await photo(7)];
    const { ticket } = await submit(photos);
    expect(ticket.status).toBe('submitted');
    const filed = stack.hotline.list().find((t) => t.requestId === ticket.ticketId)!;
    expect(filed.photos).toHaveLength(1);
    expect(filed.withdrawnPhotos).toEqual([]);
    expect((await mediaChecksByTrace(stack.deps, [traceId]))[0]).toMatchObject({ ticketId: ticket.ticketId, fileId: photos[0], outcome: 'left_out' });
    expect((await show(ticket.ticketId)).photos.map((p) => p.fileId)).toEqual([photos[1]]);
    expect((await inbox()).filter((m) => m.path?.includes(ticket.ticketId) && m.title === '诉求中的一张照片已撤下')).toHaveLength(1);
  });

  it('withdraws a photo judged while the platform was down once the worker has filed the ticket', async () => {
    const photos = [await photo(9), await photo(10)];
    await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode: 'down' }) });
    try {
      const { ticket, saved } = await submit(photos);
      expect(saved).toBe(true);
      expect(await verdict(traceOf(photos[0]), 'risky', 20006)).toMatchObject({ ok: true, data: { handled: 'waiting' } });
      expect((await show(ticket.ticketId)).photos.map((p) => p.fileId)).toEqual([photos[1]]);
      await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode: 'ok' }) });
      await processTicketOutbox(stack.deps, new Date('2026-03-10T03:00:00Z'));
      // The first attempt may have reached the platform: the filing keeps its list, and the photo is taken back.
      const filed = stack.hotline.list().find((t) => t.requestId === ticket.ticketId)!;
      expect(filed.withdrawnPhotos).toEqual([expect.objectContaining({ index: 0 })]);
      expect(filed.photos).toHaveLength(1);
      expect((await mediaChecksByTrace(stack.deps, [traceOf(photos[0])]))[0]).toMatchObject({ outcome: 'withdrawn' });
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode: 'ok' }) });
    }
  });

  it('files nothing when the worker’s run has no time left for a filing: the ticket stays pending, unclaimed', async () => {
    await fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode: 'down' }) });
    const { ticket } = await submit([]).finally(() => fetch(`${stack.url}/api/__dev/departments/hotline/faults`, { method: 'POST', body: JSON.stringify({ mode: 'ok' }) }));
    const later = new Date('2026-03-10T04:00:00Z');
    expect(await processTicketOutbox(stack.deps, later, 20, () => false)).toEqual({ submitted: 0, retrying: 0 });
    expect((await show(ticket.ticketId)).status).toBe('pending');
    expect((await processTicketOutbox(stack.deps, later)).submitted).toBeGreaterThanOrEqual(1);
    expect(stack.hotline.list().some((t) => t.requestId === ticket.ticketId)).toBe(true);
  });

  it('refuses a photo over 10 MB from its size alone: no file of the submission is downloaded', async () => {
    const small = await photo(11);
    const big = await stack.storage.put(Buffer.concat([pngBytes(), Buffer.alloc(10 * 1024 * 1024)]), ZHANG.openid);
    const read = jest.spyOn(stack.storage, 'read');
    try {
      const r = await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', public: false, requestId: requestId(), description: '路口的路灯坏了一个星期，晚上很黑，请尽快修理。', photos: [small, big] }, { now: TUE_10 });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'photos.1': '第 2 张照片超过 10 MB，请压缩后重新上传' } } });
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  it('keeps a photo WeChat could not check, and one it passes, and refuses a verdict for a trace it never saw', async () => {
    const photos = [await photo(8)];
    const { ticket } = await submit(photos);
    expect(await lever(`/${traceOf(photos[0])}/verdict`, { method: 'POST', body: JSON.stringify({ suggest: 'risky', errcode: 43104 }) })).toMatchObject({ ok: true, data: { recorded: true, suggest: null } });
    expect((await show(ticket.ticketId)).photos).toHaveLength(1);
    expect(await verdict('no-such-trace', 'risky')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await lever(`/${traceOf(photos[0])}/verdict`, { method: 'POST', body: JSON.stringify({ suggest: 'bad' }) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
