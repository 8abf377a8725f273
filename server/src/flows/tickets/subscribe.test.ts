import type { InboxMessage, TicketDetail } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { CHEN, LI, startTestStack, type TestStack, WANG } from '@bianmin/dev/testing/stack';

/**
 * 12345 status messages through WeChat, counted: the client reports what the resident answered
 * WeChat's prompt when filing (`tickets.subscribed`), the server keeps the grants, and the ticket
 * sync spends one per WeChat message — none left, no WeChat call; every step still reaches the
 * message centre.
 */
const TUE_10 = '2026-03-10T10:00:00+08:00';
const TEMPLATE = 'dev-ticket-template';

type Env<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Env<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message} ${JSON.stringify(b.error.fields ?? {})}`);
  return b.data;
}

describe.each(STORE_KINDS)('12345 subscribe grants through the local gateway on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const as = (openid: string, now = TUE_10) => ({ openid, now });
  const subscribed = (openid: string, result: string, templateId = TEMPLATE) => stack.call<{ granted: number }>('tickets', { action: 'subscribed', templateId, result }, as(openid));
  const granted = async (openid: string) => data<{ granted: number }>(await subscribed(openid, 'reject')).granted;
  const file = async (openid: string, requestId: string) =>
    data<{ ticket: TicketDetail }>(
      await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId }, as(openid)),
    ).ticket;
  const advance = (ticketNo: string, to: string, now: string, text?: string) =>
    fetch(`${stack.url}/api/__dev/departments/hotline/tickets/${ticketNo}/advance`, { method: 'POST', headers: { 'x-dev-now': now }, body: JSON.stringify({ to, text }) }).then((r) => r.json());
  const job = (now: string) => fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json());
  const wechatTo = (openid: string) => stack.subscribeMessages.filter((m) => m.touser === openid && m.templateId === TEMPLATE).map((m) => m.data.phrase2!.value);
  const inbox = async (openid: string) => data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, as(openid, '2026-03-12T10:00:00+08:00'))).messages.filter((m) => m.kind === 'ticket');

  it('counts each accepted prompt for the template this deployment sends; reject counts nothing, ban voids them', async () => {
    expect(data(await subscribed(LI.openid, 'accept'))).toEqual({ granted: 1 });
    expect(data(await subscribed(LI.openid, 'accept'))).toEqual({ granted: 2 });
    expect(data(await subscribed(LI.openid, 'reject'))).toEqual({ granted: 2 });
    expect(data(await subscribed(LI.openid, 'ban'))).toEqual({ granted: 0 });
  });

  it('refuses, by name, a report for another template or an answer WeChat never gives, and counts nothing', async () => {
    await subscribed(CHEN.openid, 'accept');
    expect((await subscribed(CHEN.openid, 'accept', 'someone-elses-template')).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { templateId: '不是 12345 进度通知的模板' } } });
    expect((await subscribed(CHEN.openid, 'maybe')).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { result: expect.stringContaining('accept') } } });
    expect((await subscribed(CHEN.openid, 'accept', 'x'.repeat(65))).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { templateId: expect.any(String) } } });
    expect(await granted(CHEN.openid)).toBe(1);
    expect((await stack.call('tickets', { action: 'subscribed', templateId: TEMPLATE, result: 'accept' }, { openid: null, now: TUE_10 })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('spends one grant on the answer; a later answer without a grant reaches the message centre and not WeChat', async () => {
    await subscribed(CHEN.openid, 'ban');
    const first = await file(CHEN.openid, 'sub-chen-first-0001');
    await subscribed(CHEN.openid, 'accept');
    await advance(first.ticketNo!, 'replied', '2026-03-10T15:00:00+08:00', '已安排补装井盖。');
    await job('2026-03-10T15:01:00+08:00');
    expect(wechatTo(CHEN.openid)).toEqual(['已答复']);
    expect(await granted(CHEN.openid)).toBe(0);

    const second = await file(CHEN.openid, 'sub-chen-second-001');
    await advance(second.ticketNo!, 'replied', '2026-03-11T15:00:00+08:00', '已转交物业处理。');
    await job('2026-03-11T15:01:00+08:00');
    expect(wechatTo(CHEN.openid)).toEqual(['已答复']);
    const answers = (await inbox(CHEN.openid)).filter((m) => m.title === '12345 工单已答复');
    expect(answers.map((m) => m.body)).toEqual(expect.arrayContaining([expect.stringContaining('已安排补装井盖'), expect.stringContaining('已转交物业处理')]));
  });

  it('zeroes the count when WeChat answers 43101 (no grant left): our count was wrong', async () => {
    const t = await file(WANG.openid, 'sub-wang-first-0001');
    for (let i = 0; i < 3; i++) await subscribed(WANG.openid, 'accept');
    stack.subscribeRefusals.push(43101);
    await advance(t.ticketNo!, 'replied', '2026-03-10T16:00:00+08:00');
    await job('2026-03-10T16:01:00+08:00');
    expect(wechatTo(WANG.openid)).toEqual([]);
    expect(await granted(WANG.openid)).toBe(0);
    expect((await inbox(WANG.openid)).map((m) => m.title)).toContain('12345 工单已答复');
  });
});
