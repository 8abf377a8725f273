/**
 * Filing a 12345 ticket on WeChat asks for the status template from the 提交诉求 tap (WeChat shows
 * its prompt only then), files the ticket, and tells the server what the resident answered, so
 * that the ticket sync has a grant to spend on the answer.
 */
import { mountPage, type MountedPage } from './harness/mini-program';
import { MORNING, RESIDENTS } from './harness/residents';

const [, LI, WANG] = RESIDENTS;
const TEMPLATE = process.env.TICKET_TEMPLATE_ID ?? 'dev-ticket-template';
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

/** A filled-in draft, as the form keeps it on the phone: the page opens with it restored. */
const draft = (requestId: string) =>
  JSON.stringify({
    requestId,
    kind: '投诉',
    category: '城市管理',
    urgent: false,
    description: '小区门口的井盖缺失已经三天了，晚上很危险，请尽快处理。',
    photos: [],
    video: null,
    placeText: '景田北路 18 号门口',
    place: null,
    contactPhone: '',
    public: false,
  });

it('asks for the status template from the 提交诉求 tap, before the ticket is sent, then reports the accept to be counted', async () => {
  const p = (page = await mountPage('tickets/pages/new/index', { openid: LI.openid, now: MORNING, privacyAgreed: true, storage: { 'bianmin.tickets.draft': draft('weapp_subscribe_li_0001') } }));
  await p.tap('提交诉求');
  expect(p.record.requestSubscribeMessage).toEqual([{ tmplIds: [TEMPLATE] }]);
  const order = p.record.sequence.filter((s) => s === 'requestSubscribeMessage' || s.startsWith('cloud:tickets.s'));
  expect(order).toEqual(['requestSubscribeMessage', 'cloud:tickets.submit', 'cloud:tickets.subscribed']);
  const reported = p.record.calls.find((c) => c.data.action === 'subscribed');
  expect(reported?.data).toEqual({ action: 'subscribed', templateId: TEMPLATE, result: 'accept' });
  expect(reported?.result).toEqual({ ok: true, data: { granted: expect.any(Number) } });
  expect(p.text()).toContain('诉求已提交到 12345');
  expect(p.text()).toContain('12345 答复后会通过微信服务通知告诉你');
  expect(p.errors).toEqual([]);
});

it('files the ticket all the same when the resident says no, and reports the no (nothing counted)', async () => {
  const p = (page = await mountPage('tickets/pages/new/index', { openid: WANG.openid, now: MORNING, privacyAgreed: true, storage: { 'bianmin.tickets.draft': draft('weapp_subscribe_wang_001') } }));
  p.record.subscribeAnswer = 'reject';
  await p.tap('提交诉求');
  expect(p.record.calls.find((c) => c.data.action === 'submit')?.result?.ok).toBe(true);
  expect(p.record.calls.find((c) => c.data.action === 'subscribed')?.data).toEqual({ action: 'subscribed', templateId: TEMPLATE, result: 'reject' });
  expect(p.text()).toContain('办理进度都会在“消息”里告诉你');
  expect(p.text()).not.toContain('微信服务通知');
});

it('asks nothing when the form is not ready to send: WeChat’s prompt is for a ticket being filed', async () => {
  const p = (page = await mountPage('tickets/pages/new/index', { openid: WANG.openid, now: MORNING }));
  await p.tap('提交诉求');
  expect(p.text()).toContain('请选择诉求类型');
  expect(p.record.requestSubscribeMessage).toEqual([]);
  expect(p.record.calls.filter((c) => c.data.action === 'submit' || c.data.action === 'subscribed')).toEqual([]);
});
