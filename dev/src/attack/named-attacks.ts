import type { Envelope, PayResult, TicketDetail, TrafficOrderView, TrafficPayResult, VehicleView, VerificationView, VerifyResult, ViolationsResult, OrderListEntry } from '@bianmin/core';
import { FLAGGED_TEST_PHRASE } from '@bianmin/server/content/sandbox';
import { readAsset } from '../assets';
import { RESIDENTS } from '../fixtures';
import { CHEN, LI, WANG, ZHANG, type TestStack } from '../testing/stack';

/**
 * Named attacks: each one an attacker's finding, replayed against the whole local stack exactly
 * as it was reported, and what must hold instead. They run in order on one stack per store
 * (named-attacks.test.ts); each uses callers of its own, so that one attack's limits and rows
 * never decide another's outcome.
 */
export interface NamedAttack {
  /** Short, stable: what the closing notes count and cite. */
  name: string;
  /** What the attacker did and what must hold. */
  claim: string;
  run(stack: TestStack): Promise<void>;
}

type Call = { status: number; body: Envelope<unknown> };

export function data<T>(r: { body: Envelope<unknown> }, what = 'call'): T {
  const b = r.body;
  if (!b.ok) throw new Error(`${what}: ${b.error.code} ${b.error.message}`);
  return b.data as T;
}

const json = async (res: Response) => (await res.json()) as unknown;

async function dev(stack: TestStack, path: string, now: string, body?: unknown): Promise<unknown> {
  return json(await fetch(`${stack.url}/api/__dev/${path}`, { method: 'POST', headers: { 'x-dev-now': now, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }));
}

function expectThat(ok: boolean, what: string, seen?: unknown): void {
  if (!ok) throw new Error(`${what}${seen === undefined ? '' : `; got ${JSON.stringify(seen).slice(0, 600)}`}`);
}

const SEVENTEEN_DAYS = '44030126000002';

/** A fine priced at 23:50, paid 30 s after midnight (the late fee grew), refused by the traffic police and refunded in full. */
async function refundedFine(stack: TestStack): Promise<void> {
  const openid = 'oAttackRefundedFine001';
  const car = ZHANG.vehicles[0];
  const call = (body: Record<string, unknown>, now: string) => stack.call('traffic', body, { openid, now });
  const receipt = async (orderId: string, now: string) => data<{ order: { order: TrafficOrderView } }>(await stack.call('payments', { action: 'order', orderId }, { openid, now }), 'order').order.order;
  const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, '2026-03-10T23:40:00+08:00'), 'addVehicle');
  const { order } = data<TrafficPayResult>(await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: SEVENTEEN_DAYS, idempotencyKey: 'attack-refund-fine-1' }, '2026-03-10T23:50:00+08:00'), 'pay');
  expectThat(order.amount === 10600, 'priced on 10 March: fine ¥100 + 2 days × 3%', order);
  expectThat((await dev(stack, `payments/${order.orderId}/confirm`, '2026-03-11T00:00:30+08:00')) !== null, 'paid');
  await dev(stack, 'jobs/outbox', '2026-03-11T00:01:00+08:00');

  const violations = async (now: string) => data<ViolationsResult>(await call({ action: 'violations', vehicleId: vehicle.vehicleId }, now), 'violations');
  const owedAgain = async (now: string, state: string) => {
    const r = await violations(now);
    const v = r.groups.flatMap((g) => g.violations).find((x) => x.violationId === SEVENTEEN_DAYS)!;
    expectThat(v.status === 'decided' && v.group === 'payable', `${state}: the fine is owed again (待缴款, decided), never paid or paying`, v);
    expectThat(v.orderId === undefined && v.paidAt === undefined, `${state}: no order id and no paid time on a fine whose money went back`, v);
    expectThat(v.today?.amountDue === 10900, `${state}: owed with today's amount (3 overdue days on 11 March)`, v.today);
    const done = r.groups.find((g) => g.key === 'done')!;
    const payable = r.groups.find((g) => g.key === 'payable')!;
    expectThat(!done.violations.some((x) => x.violationId === SEVENTEEN_DAYS) && done.total === done.violations.reduce((s, x) => s + x.fine, 0), `${state}: 已完成 neither lists it nor counts it`, done);
    expectThat(payable.violations.some((x) => x.violationId === SEVENTEEN_DAYS) && payable.total >= 10900, `${state}: 待缴款 counts it at today's amount`, payable.total);
  };
  const first = await receipt(order.orderId, '2026-03-11T00:02:00+08:00');
  expectThat(first.status === 'refund_pending', 'the traffic police refused the posting: refunding', first);
  await owedAgain('2026-03-11T09:00:00+08:00', 'refund pending');

  await dev(stack, 'jobs/refunds', '2026-03-11T00:05:00+08:00');
  await stack.pay!.idle();
  const refunded = await receipt(order.orderId, '2026-03-11T09:00:00+08:00');
  expectThat(refunded.status === 'refunded' && refunded.refund?.status === 'refunded' && refunded.refund.amount === 10600 && Boolean(refunded.refundedAt), 'the fine’s receipt answers for the refunded order: refunded, ¥106.00 returned, when', refunded);
  await owedAgain('2026-03-11T09:00:00+08:00', 'refunded');

  // The message centre: every refund message opens the fine's receipt, worded as a fine.
  const inbox = data<{ messages: Array<{ kind: string; title: string; body: string; path: string | null }> }>(await stack.call('messages', { action: 'list' }, { openid, now: '2026-03-11T09:00:00+08:00' }), 'messages');
  const refundMessages = inbox.messages.filter((m) => m.kind === 'refund');
  expectThat(refundMessages.length === 2, 'one message when the refund is queued, one when it is done', inbox.messages);
  for (const m of refundMessages) {
    expectThat(m.path === `/traffic/pages/receipt/index?orderId=${order.orderId}`, 'the refund message opens the fine’s receipt', m);
    expectThat(!/户号/.test(m.body) && m.body.includes(order.decisionNo) && m.body.includes(order.plateMasked), 'worded as a fine: plate and decision number, never 户号', m);
  }
  // And it can be paid again, at today's price.
  const again = data<TrafficPayResult>(await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: SEVENTEEN_DAYS, idempotencyKey: 'attack-refund-fine-2' }, '2026-03-11T09:00:00+08:00'), 'pay again');
  expectThat(again.order.amount === 10900 && again.order.orderId !== order.orderId, 'a new order at today’s amount', again.order);
}

type Refusal = { code: string; message: string; retryAt?: string; retryable?: boolean };
const errorOf = (r: Call) => (r.body.ok ? null : (r.body.error as Refusal));
const countBy = (rs: Call[]) => rs.reduce<Record<string, number>>((m, r) => ((m[errorOf(r)?.code ?? 'OK'] = (m[errorOf(r)?.code ?? 'OK'] ?? 0) + 1), m), {});

/** 925 guesses at someone else's engine-number suffix: ten wrong ones in 10 minutes, then nothing reaches the traffic police — not even the right one. */
async function engineNumberGuessing(stack: TestStack): Promise<void> {
  const openid = 'oAttackEngineGuess0001';
  const car = ZHANG.vehicles[0];
  const now = '2026-03-10T14:00:00+08:00';
  const before = stack.sandboxes.traffic.hits;
  const guesses = Array.from({ length: 925 }, (_, i) => `A6${String(i + 700).padStart(4, '0')}`);
  expectThat(guesses.includes(car.engineNoSuffix), 'the right suffix is among the guesses');
  const answers: Call[] = [];
  for (let i = 0; i < guesses.length; i += 25) {
    answers.push(...(await Promise.all(guesses.slice(i, i + 25).map((g) => stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: g }, { openid, now })))));
  }
  const codes = countBy(answers);
  expectThat(!codes.OK, 'the right suffix, guessed after the limit, adds nothing', codes);
  expectThat((codes.NOT_FOUND ?? 0) <= 10 && codes.RATE_LIMITED === 925 - (codes.NOT_FOUND ?? 0), 'at most 10 failed proofs per 10 minutes, every other guess RATE_LIMITED', codes);
  expectThat(stack.sandboxes.traffic.hits - before <= 10, 'no more than 10 lookups reached the traffic police', stack.sandboxes.traffic.hits - before);
  const limited = answers.map(errorOf).find((e) => e?.code === 'RATE_LIMITED')!;
  expectThat(limited.retryAt === '2026-03-10T14:10:00+08:00' && limited.message.includes('14:10'), 'RATE_LIMITED says when to try again', limited);
  expectThat(data<{ vehicles: unknown[] }>(await stack.call('traffic', { action: 'vehicles' }, { openid, now })).vehicles.length === 0, 'no vehicle added');
  // Ten minutes later the right proof works again, and another caller was never limited.
  data(await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, { openid, now: '2026-03-10T14:10:00+08:00' }), 'the right proof after the window');
  const other = await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: 'ZZZZZZ' }, { openid: 'oAttackEngineGuess0002', now });
  expectThat(errorOf(other)?.code === 'NOT_FOUND', 'another caller has limits of their own', other.body);
}

/** 30 face checks started at once by one resident: at most the limits' worth are started (billed), and no more than 5 can fail in the hour. */
async function parallelFaceChecks(stack: TestStack): Promise<void> {
  const openid = 'oAttackParallelVerify1';
  const now = '2026-03-10T15:00:00+08:00';
  const detectAuth = () => stack.tencentCloud.requests.filter((r) => r.action === 'DetectAuth').length;
  const before = detectAuth();
  const starts = await Promise.all(Array.from({ length: 30 }, () => stack.call('insurance', { action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, { openid, now })));
  const codes = countBy(starts);
  const started = starts.filter((r) => r.body.ok).map((r) => data<Extract<VerifyResult, { method: 'faceid' }>>(r));
  expectThat(started.length <= 5 && (codes.RATE_LIMITED ?? 0) === 30 - started.length, 'no more checks in flight than may fail (5), the rest RATE_LIMITED', codes);
  expectThat(detectAuth() - before === started.length, 'one billed FaceID call per started check, none for a refused one', detectAuth() - before);
  expectThat(starts.map(errorOf).every((e) => !e || (e.code === 'RATE_LIMITED' && e.retryAt && e.retryable)), 'every refusal says when to try again');
  // All of them fail: no more than 5 failures in the hour.
  for (const s of started) await fetch(`${stack.url}/api/__dev/faceid/${s.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'fail' }) });
  const decided = await Promise.all(started.map((s) => stack.call('insurance', { action: 'verification', verificationId: s.verificationId }, { openid, now: '2026-03-10T15:02:00+08:00' })));
  const failed = decided.filter((r) => data<{ verification: VerificationView }>(r).verification.status === 'failed').length;
  expectThat(failed <= 5, 'at most 5 failed face checks in an hour', failed);
  const again = await Promise.all(Array.from({ length: 10 }, () => stack.call('insurance', { action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, { openid, now: '2026-03-10T15:03:00+08:00' })));
  expectThat(again.every((r) => errorOf(r)?.code === 'RATE_LIMITED'), 'after 5 failures every further start is refused', countBy(again));
  expectThat(detectAuth() - before === started.length, 'and costs no FaceID call');
}

type WeChatStart = Extract<VerifyResult, { method: 'wechat' }>;

/** The phone's wx.requestFacialVerify through the dev lever, as the WeChat user `openid`. */
async function wxFaceStep(stack: TestStack, verifyId: string, result: 'pass' | 'fail' | 'abandon', openid: string): Promise<number> {
  const r = await fetch(`${stack.url}/api/__dev/wxface/${verifyId}/result`, { method: 'POST', headers: { 'x-dev-openid': openid, 'content-type': 'application/json' }, body: JSON.stringify({ result }) });
  return r.status;
}

const verificationOf = async (stack: TestStack, openid: string, now: string, verificationId?: string) =>
  stack.call('insurance', { action: 'verification', ...(verificationId ? { verificationId } : {}) }, { openid, now });

/** Another resident's verify_id, taken from a shared screen or a log: it runs no face step for them and reads nothing of the owner's. */
async function otherResidentsVerifyId(stack: TestStack): Promise<void> {
  const owner = 'oAttackWxFaceOwner0001';
  const thief = 'oAttackWxFaceThief0001';
  const now = '2026-03-10T16:00:00+08:00';
  const started = data<WeChatStart>(await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber, method: 'wechat' }, { openid: owner, now }), 'verify');
  // The thief runs the face step on the owner's verify_id on their own phone: WeChat refuses (bound to the owner's openid).
  expectThat((await wxFaceStep(stack, started.verifyId, 'pass', thief)) === 409, 'a face step by another WeChat user is refused');
  expectThat(stack.wxFace.sessions.get(started.verifyId)?.verifyRet === undefined, 'and leaves the check untouched at WeChat');
  const ownerView = data<{ verification: VerificationView }>(await verificationOf(stack, owner, now, started.verificationId), 'owner').verification;
  expectThat(ownerView.status === 'pending', "the owner's check is still pending", ownerView);
  // Naming the owner's verification is as good as naming nothing.
  for (const action of ['verification', 'summary']) {
    const r = await stack.call('insurance', { action, verificationId: started.verificationId }, { openid: thief, now });
    expectThat(errorOf(r)?.code === 'NOT_FOUND', `the thief's ${action} of the owner's verification is NOT_FOUND`, r.body);
  }
  // The owner passes; the thief still reads nothing.
  expectThat((await wxFaceStep(stack, started.verifyId, 'pass', owner)) === 200, 'the owner runs the face step');
  expectThat(data<{ verification: VerificationView }>(await verificationOf(stack, owner, now, started.verificationId)).verification.status === 'passed', 'the owner passes');
  const after = await stack.call('insurance', { action: 'summary' }, { openid: thief, now });
  expectThat(errorOf(after)?.code === 'VERIFICATION_REQUIRED', 'the thief still has no verification', after.body);
  const named = await stack.call('insurance', { action: 'summary', verificationId: started.verificationId }, { openid: thief, now });
  expectThat(errorOf(named)?.code === 'NOT_FOUND' && !JSON.stringify(named.body).includes(ZHANG.idNumber), "and naming the owner's passed verification is NOT_FOUND, nothing of the owner's in it", named.body);
}

/** A passed verify_id replayed: a second face step, then reads after the 30 minutes while WeChat still says 10000. */
async function replayedVerifyId(stack: TestStack): Promise<void> {
  const openid = 'oAttackWxFaceReplay001';
  const t0 = '2026-03-10T16:00:00+08:00';
  const started = data<WeChatStart>(await stack.call('insurance', { action: 'verify', name: LI.name, idNumber: LI.idNumber, method: 'wechat' }, { openid, now: t0 }), 'verify');
  await wxFaceStep(stack, started.verifyId, 'pass', openid);
  data(await stack.call('insurance', { action: 'summary' }, { openid, now: '2026-03-10T16:01:00+08:00' }), 'summary within the 30 minutes');
  expectThat((await wxFaceStep(stack, started.verifyId, 'pass', openid)) === 409, 'a second face step on the same verify_id is refused (one per verify_id)');
  // 31 minutes on: WeChat still answers 10000 for that verify_id, and it opens nothing.
  expectThat(stack.wxFace.sessions.get(started.verifyId)?.verifyRet === 10000, 'WeChat still reads it as passed');
  const late = '2026-03-10T16:32:00+08:00';
  for (const body of [{ action: 'summary' }, { action: 'summary', verificationId: started.verificationId }, { action: 'records', insurance: 'pension', verificationId: started.verificationId }]) {
    const r = await stack.call('insurance', body, { openid, now: late });
    expectThat(errorOf(r)?.code === 'VERIFICATION_REQUIRED', `${JSON.stringify(body)} after 30 minutes is VERIFICATION_REQUIRED`, r.body);
  }
  const view = data<{ verification: VerificationView }>(await verificationOf(stack, openid, late, started.verificationId)).verification;
  expectThat(view.status === 'expired', 'the verification reads as expired', view);
}

/** The result asked for before the face step ran (and by many polls at once): pending, never a pass. */
async function resultBeforeFaceStep(stack: TestStack): Promise<void> {
  const openid = 'oAttackWxFaceEarly0001';
  const now = '2026-03-10T16:00:00+08:00';
  const started = data<WeChatStart>(await stack.call('insurance', { action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'wechat' }, { openid, now }), 'verify');
  const polls = await Promise.all(Array.from({ length: 10 }, () => verificationOf(stack, openid, now, started.verificationId)));
  expectThat(polls.every((p) => data<{ verification: VerificationView }>(p).verification.status === 'pending'), 'every early read is pending', polls.map((p) => p.body));
  for (const body of [{ action: 'summary' }, { action: 'summary', verificationId: started.verificationId }]) {
    const r = await stack.call('insurance', body, { openid, now });
    expectThat(errorOf(r)?.code === 'VERIFICATION_REQUIRED', `${JSON.stringify(body)} before the face step is VERIFICATION_REQUIRED`, r.body);
  }
  await wxFaceStep(stack, started.verifyId, 'abandon', openid);
  const view = data<{ verification: VerificationView }>(await verificationOf(stack, openid, now, started.verificationId)).verification;
  expectThat(view.status === 'abandoned', 'a cancelled face step reads as abandoned', view);
  expectThat(errorOf(await stack.call('insurance', { action: 'summary' }, { openid, now }))?.code === 'VERIFICATION_REQUIRED', 'and still opens nothing');
}

/** A failed WeChat face check, then a "pass" tried on the same verify_id: still VERIFICATION_REQUIRED. */
async function failedWeChatCheck(stack: TestStack): Promise<void> {
  const openid = 'oAttackWxFaceFail00001';
  const now = '2026-03-10T16:00:00+08:00';
  const started = data<WeChatStart>(await stack.call('insurance', { action: 'verify', name: CHEN.name, idNumber: CHEN.idNumber, method: 'wechat' }, { openid, now }), 'verify');
  await wxFaceStep(stack, started.verifyId, 'fail', openid);
  const view = data<{ verification: VerificationView }>(await verificationOf(stack, openid, now, started.verificationId)).verification;
  expectThat(view.status === 'failed', 'the check failed', view);
  expectThat((await wxFaceStep(stack, started.verifyId, 'pass', openid)) === 409, 'a pass tried afterwards on the same verify_id is refused');
  for (const body of [{ action: 'summary' }, { action: 'records', insurance: 'medical' }, { action: 'summary', verificationId: started.verificationId }]) {
    const r = await stack.call('insurance', body, { openid, now: '2026-03-10T16:01:00+08:00' });
    expectThat(errorOf(r)?.code === 'VERIFICATION_REQUIRED', `${JSON.stringify(body)} after a failed check is VERIFICATION_REQUIRED`, r.body);
  }
}

/** 40 licence photos read at once: the billed OCR is called at most 20 times an hour per resident. */
async function parallelLicenceReads(stack: TestStack): Promise<void> {
  const openid = 'oAttackParallelOcr0001';
  const now = '2026-03-10T16:00:00+08:00';
  const photo = readAsset(ZHANG.vehicles[0].licencePhoto.replace(/^\/api\/__dev\/assets\//, ''));
  if (!photo) throw new Error('no licence photo fixture');
  const fileId = await stack.storage.put(photo, openid);
  const ocr = () => stack.tencentCloud.requests.filter((r) => r.action === 'VehicleLicenseOCR').length;
  const before = ocr();
  const reads = await Promise.all(Array.from({ length: 40 }, () => stack.call('traffic', { action: 'readLicence', fileId }, { openid, now })));
  const codes = countBy(reads);
  expectThat(ocr() - before <= 20, 'no more than 20 OCR calls', { ocr: ocr() - before, codes });
  expectThat(codes.OK === ocr() - before && codes.RATE_LIMITED === 40 - (codes.OK ?? 0), 'each call either read once or was RATE_LIMITED', codes);
  const limited = reads.map(errorOf).find((e) => e?.code === 'RATE_LIMITED');
  expectThat(limited?.retryAt === '2026-03-10T17:00:00+08:00', 'RATE_LIMITED says when to try again', limited);
}

/** 20 parallel guesses at household proofs through bills.bind: the same limiter, 5 failures in 10 minutes. */
async function parallelBindGuesses(stack: TestStack): Promise<void> {
  const openid = 'oAttackParallelBind001';
  const now = '2026-03-10T17:00:00+08:00';
  const power = stack.sandboxes.power;
  const before = power.hits;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => stack.call('bills', { action: 'bind', providerId: 'power', accountNo: `03007777777${String(i).padStart(2, '0')}`, holderName: '张晓明' }, { openid, now })),
  );
  const codes = countBy(answers);
  expectThat((codes.NOT_FOUND ?? 0) <= 5 && codes.RATE_LIMITED === 20 - (codes.NOT_FOUND ?? 0), 'at most 5 failed proofs reach an answer, the rest RATE_LIMITED', codes);
  expectThat(power.hits - before <= 5, 'at most 5 lookups reached the power company', power.hits - before);
}

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/**
 * The flagged phrase (GET /api/__dev/fixtures names it) in disguise: split by zero-width
 * characters, written in full-width letters and digits, or split between the description and the
 * place — each refused with the field to change, nothing filed, nothing sent to the platform.
 */
async function disguisedComplaint(stack: TestStack): Promise<void> {
  const openid = 'oAttackDisguisedText01';
  const now = '2026-03-10T10:00:00+08:00';
  const fixtures = (await (await fetch(`${stack.url}/api/__dev/fixtures`)).json()) as { contentCheck: { flaggedPhrase: string } };
  const phrase = fixtures.contentCheck.flaggedPhrase;
  expectThat(phrase === FLAGGED_TEST_PHRASE, 'the fixtures name the phrase the local check flags');
  const half = Math.floor(Array.from(phrase).length / 2);
  const disguises: Array<[string, Record<string, unknown>, string[]]> = [
    ['zero-width split', { description: `小区门口贴了这样的广告：${Array.from(phrase).join('​')}，请处理。` }, ['description']],
    ['word joiners and a BOM', { description: `小区门口贴了这样的广告：${Array.from(phrase).join('⁠')}﻿，请处理。` }, ['description']],
    ['full-width letters and digits', { description: `小区门口贴了这样的广告：${fullWidth(phrase)}，请处理。` }, ['description']],
    ['split between description and place', { description: `小区门口贴了这样的广告：${Array.from(phrase).slice(0, half).join('')}`, place: { address: `${Array.from(phrase).slice(half).join('')}` } }, ['description', 'place']],
  ];
  const platformBefore = stack.hotline.tickets.size;
  for (const [i, [name, fields, named]] of disguises.entries()) {
    const r = await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', public: true, requestId: `attack-disguise-${i}`, ...fields }, { openid, now });
    const e = errorOf(r) as (Refusal & { fields?: Record<string, string> }) | null;
    expectThat(e?.code === 'INVALID_INPUT', `${name}: refused`, r.body);
    expectThat(named.every((f) => e!.fields?.[f]?.includes('不宜发布')), `${name}: the refusal names ${named.join(' and ')}`, e);
  }
  const mine = data<{ tickets: unknown[] }>(await stack.call('tickets', { action: 'tickets' }, { openid, now }), 'tickets');
  expectThat(mine.tickets.length === 0 && stack.hotline.tickets.size === platformBefore, 'nothing filed, nothing sent to the platform', mine);
  // The check still lets an ordinary complaint through.
  data(await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', public: true, requestId: 'attack-disguise-plain', description: '小区门口的井盖缺失已经三天了，晚上很危险。', place: { address: '福田区景田北路 18 号门口' } }, { openid, now }), 'plain');
}

/** A replied ticket of a caller of its own, followed by our side: what rating and reopening need. */
async function repliedTicket(stack: TestStack, openid: string, requestId: string, now: string): Promise<TicketDetail> {
  const { ticket } = data<{ ticket: TicketDetail }>(
    await stack.call('tickets', { action: 'submit', kind: '咨询', category: '其他', description: '请问社区服务中心周末几点开门？', public: false, requestId }, { openid, now }),
    'submit',
  );
  stack.hotline.advance(ticket.ticketNo!, 'replied', new Date(now), '周末 9:00–17:00 开门。');
  await dev(stack, 'jobs/tickets', now);
  return data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: ticket.ticketId }, { openid, now }), 'ticket').ticket;
}

/** 10 parallel ratings of one reply (two different ones among them): exactly one reaches the platform, and ours is the platform's. */
async function ratingDoubleTap(stack: TestStack): Promise<void> {
  const openid = 'oAttackRatingTap00001';
  const now = '2026-03-10T11:00:00+08:00';
  const ticket = await repliedTicket(stack, openid, 'attack-rating-tap-01', now);
  expectThat(ticket.awaitingRating, 'the reply waits for a rating', ticket);
  const ratings = Array.from({ length: 10 }, (_, i) => (i % 2 ? '不满意' : '满意'));
  const answers = await Promise.all(ratings.map((rating) => stack.call('tickets', { action: 'rate', ticketId: ticket.ticketId, rating }, { openid, now })));
  const codes = countBy(answers);
  expectThat(codes.OK === 1 && codes.CONFLICT === 9, 'one rating per reply: one accepted, nine CONFLICT', codes);
  const onPlatform = stack.hotline.list().find((t) => t.ticketNo === ticket.ticketNo)!;
  const rated = onPlatform.events.filter((e) => e.type === 'rated');
  expectThat(rated.length === 1, 'exactly one rating reached the platform', rated);
  const ours = data<{ ticket: TicketDetail }>(await stack.call('tickets', { action: 'ticket', ticketId: ticket.ticketId }, { openid, now }), 'ticket').ticket;
  expectThat(ours.rating?.rating === onPlatform.rating?.rating && !ours.awaitingRating, 'our record is the platform’s', { ours: ours.rating, platform: onPlatform.rating });
}

/**
 * Ticket text through the one text schema: a lone surrogate is refused naming the field (not
 * stored as U+FFFD), NFD is stored as NFC, and a description of zero-width spaces is empty.
 */
async function ticketText(stack: TestStack): Promise<void> {
  const openid = 'oAttackTicketText0001';
  const now = '2026-03-10T10:30:00+08:00';
  const base = { action: 'submit', kind: '投诉', category: '城市管理', public: false };
  const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a lone surrogate in the description', { description: '小区门口的井盖缺失已经三天了\ud83d' }, 'description', /无法识别/],
    ['a lone surrogate in the place', { description: '小区门口的井盖缺失已经三天了。', place: { address: '景田北路\udc00 18 号' } }, 'place.address', /无法识别/],
    ['12 zero-width spaces as the description', { description: '\u200b'.repeat(12) }, 'description', /^请填写问题描述$/],
    ['zero-width spaces padding a short description', { description: `井盖缺失${'\u200b'.repeat(12)}` }, 'description', /至少 10 个字（现在 4 个）/],
  ];
  for (const [i, [name, fields, field, words]] of refusals.entries()) {
    const r = await stack.call('tickets', { ...base, ...fields, requestId: `attack-ticket-text-${i}` }, { openid, now });
    const e = errorOf(r) as (Refusal & { fields?: Record<string, string> }) | null;
    expectThat(e?.code === 'INVALID_INPUT' && words.test(e.fields?.[field] ?? ''), `${name}: INVALID_INPUT naming ${field}`, r.body);
  }
  expectThat(data<{ tickets: unknown[] }>(await stack.call('tickets', { action: 'tickets' }, { openid, now }), 'tickets').tickets.length === 0, 'nothing filed');
  // NFD in, NFC stored and sent to the platform.
  const nfd = '小区门口 Cafe\u0301 的招牌掉下来了，很危险。';
  const { ticket } = data<{ ticket: TicketDetail }>(await stack.call('tickets', { ...base, description: nfd, place: { address: 'Cafe\u0301 门口' }, requestId: 'attack-ticket-text-nfd' }, { openid, now }), 'submit NFD');
  expectThat(ticket.description === nfd.normalize('NFC') && ticket.place?.address === 'Caf\u00e9 门口', 'stored as NFC', ticket);
  expectThat(stack.hotline.tickets.get(ticket.ticketNo!)?.description === nfd.normalize('NFC'), 'sent to the platform as NFC');
  // The rating comment and the reopening reason go through the same schema.
  const replied = await repliedTicket(stack, openid, 'attack-ticket-text-reply', now);
  const comment = await stack.call('tickets', { action: 'rate', ticketId: replied.ticketId, rating: '满意', comment: '很好\ud800' }, { openid, now });
  const commentError = errorOf(comment) as (Refusal & { fields?: Record<string, string> }) | null;
  expectThat(commentError?.code === 'INVALID_INPUT' && /无法识别/.test(commentError.fields?.comment ?? ''), 'a lone surrogate in a rating comment: INVALID_INPUT naming comment', comment.body);
  const reason = await stack.call('tickets', { action: 'reopen', ticketId: replied.ticketId, reason: '\u200b'.repeat(8) }, { openid, now });
  const reasonError = errorOf(reason) as (Refusal & { fields?: Record<string, string> }) | null;
  expectThat(/^请填写重办理由$/.test(reasonError?.fields?.reason ?? ''), 'a reopening reason of zero-width spaces: empty', reason.body);
}

/** One top-up idempotency key reused on a second prepay meter: CONFLICT naming the key, never the first meter's order. */
async function topupKeyReuse(stack: TestStack): Promise<void> {
  const openid = 'oAttackTopupKeyReuse01';
  const now = '2026-03-10T12:30:00+08:00';
  const meters = RESIDENTS.flatMap((r) => r.utilityAccounts).filter((a) => a.prepaidBalance !== undefined);
  expectThat(meters.length >= 2, 'the fixtures have two prepay meters');
  const bindingIds: string[] = [];
  for (const m of meters.slice(0, 2)) {
    const { binding } = data<{ binding: { bindingId: string } }>(await stack.call('bills', { action: 'bind', providerId: m.providerId, accountNo: m.accountNo, holderName: m.holderName }, { openid, now }), 'bind');
    bindingIds.push(binding.bindingId);
  }
  const key = 'attack-topup-key-01';
  const first = data<PayResult>(await stack.call('bills', { action: 'topup', bindingId: bindingIds[0], amount: 5000, idempotencyKey: key }, { openid, now }), 'first top-up');
  const orders = async () => data<{ orders: OrderListEntry[] }>(await stack.call('payments', { action: 'orders' }, { openid, now }), 'orders').orders.filter((e) => e.flow === 'bills').length;
  const before = await orders();
  const second = await stack.call('bills', { action: 'topup', bindingId: bindingIds[1], amount: 5000, idempotencyKey: key }, { openid, now });
  const e = errorOf(second) as (Refusal & { fields?: Record<string, string> }) | null;
  expectThat(e?.code === 'CONFLICT' && Boolean(e.fields?.idempotencyKey), 'the second meter’s top-up with the same key is CONFLICT naming idempotencyKey', second.body);
  expectThat(!JSON.stringify(second.body).includes(first.order.orderId), 'and never carries the first meter’s order');
  expectThat((await orders()) === before, 'nothing created');
  // The same key on the same meter is still the same order (a repeated tap).
  const again = data<PayResult>(await stack.call('bills', { action: 'topup', bindingId: bindingIds[0], amount: 5000, idempotencyKey: key }, { openid, now }), 'repeat');
  expectThat(again.order.orderId === first.order.orderId, 'a repeated tap on the first meter gets its order', again.order);
}

/**
 * A fine on WeChat's 非税缴费: a storm of taps, the money taken with its notification held, the
 * expiry asking the channel first, the notification then replayed and forged. One order, one
 * payment, one posting, and the receipt carries the treasury's 财政电子票据.
 */
async function nontaxFine(stack: TestStack): Promise<void> {
  const openid = 'oAttackNontaxFine00001';
  const car = ZHANG.vehicles[0];
  const FINE = '44030126000001';
  const t0 = '2026-03-10T10:00:00+08:00';
  const call = (body: Record<string, unknown>, now: string) => stack.call('traffic', body, { openid, now });
  const show = async (orderId: string) => (await json(await fetch(`${stack.url}/api/__dev/payments/${orderId}`))) as { ok: boolean; data: Record<string, unknown> };
  const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, t0), 'addVehicle');

  // 24 taps at once, on four idempotency keys (two phones, retries): one order, one 非税 order.
  const taps = await Promise.all(Array.from({ length: 24 }, (_, i) => call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: FINE, idempotencyKey: `attack-nontax-storm-${i % 4}` }, t0)));
  const placed = taps.filter((r) => r.body.ok).map((r) => (r.body as { data: TrafficPayResult }).data);
  const ids = new Set(placed.map((p) => p.order.orderId));
  expectThat(placed.length >= 1 && ids.size === 1, 'one order for the whole storm', [...ids]);
  expectThat(taps.every((r) => r.body.ok || errorOf(r)?.code === 'CONFLICT'), 'every other tap is told the fine is being paid (CONFLICT), nothing else', countBy(taps));
  const order = placed[0].order;
  const held = [...stack.nontax!.orders.values()].filter((o) => o.paymentNoticeNo === order.decisionNo);
  expectThat(held.length === 1 && held[0].orderNo === order.orderId, 'WeChat’s 非税 platform holds one order for the decision', held);
  const before = await show(order.orderId);
  expectThat(before.data.channel === 'nontax' && before.data.payment_notice_no === order.decisionNo && before.data.fee === order.amount && before.data.status === 'unpaid', 'the channel holding it: nontax, the decision number as payment_notice_no, the fee in fen, unpaid', before);

  // The money is taken, the notification held; 31 minutes on, the expiry asks 非税 before closing: booked, never closed.
  await dev(stack, `payments/${order.orderId}/confirm?deliver=0`, '2026-03-10T10:01:00+08:00');
  const expiry = (await dev(stack, 'jobs/expire', '2026-03-10T10:31:00+08:00')) as { data: { booked: number; closed: number } };
  expectThat(expiry.data.booked >= 1, 'the expiry found the payment on the channel and booked it', expiry);
  const receipt = async (now: string) => data<{ order: { order: TrafficOrderView } }>(await stack.call('payments', { action: 'order', orderId: order.orderId }, { openid, now }), 'order').order.order;
  expectThat(['paid', 'settled'].includes((await receipt('2026-03-10T10:31:30+08:00')).status), 'paid, not closed');

  // The held notification arrives, then WeChat repeats it: each acknowledged, nothing booked twice.
  const event = stack.nontax!.pending[0]?.event;
  expectThat(Boolean(event), 'the held notification is queued');
  await dev(stack, 'payments/notifications/deliver', '2026-03-10T10:32:00+08:00');
  const replays = await Promise.all(Array.from({ length: 6 }, () => fetch(`${stack.url}/api/__dev/nontax/notify`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T10:33:00+08:00' }, body: JSON.stringify(event) }).then(json)));
  expectThat(replays.every((a) => (a as { errcode: number }).errcode === 0), 'replays acknowledged', replays);
  // Forged: the fee changed under the same signature, an unsigned copy, a signature made up.
  const forgeries = [{ ...event, fee: 1 }, { ...event, sign: undefined }, { ...event, sign: 'A'.repeat(64) }, { ...event, order_no: 'BM20260310100000FORGED0', sign: event!.sign }];
  for (const f of forgeries) {
    const a = (await json(await fetch(`${stack.url}/api/__dev/nontax/notify`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T10:33:00+08:00' }, body: JSON.stringify(f) }))) as { errcode: number; errmsg: string };
    expectThat(a.errcode !== 0 && a.errmsg === 'sign error', 'a notification whose signature does not hold is refused', { f, a });
  }
  await dev(stack, 'jobs/outbox', '2026-03-10T10:34:00+08:00');
  const postings = (await json(await fetch(`${stack.url}/api/__dev/departments/traffic/postings`))) as { data: { counts: Record<string, { booked: number }> } };
  expectThat(postings.data.counts[order.orderId]?.booked === 1, 'posted to the traffic police once', postings.data.counts[order.orderId]);
  const done = await receipt('2026-03-10T10:35:00+08:00');
  const after = await show(order.orderId);
  expectThat(done.status === 'settled' && done.channel === 'nontax', 'settled, on the nontax channel', done);
  expectThat(Boolean(after.data.bill_no) && done.eReceipt?.billNo === after.data.bill_no && done.eReceipt?.billTypeCode === after.data.bill_type_code, 'the receipt carries the treasury’s 财政电子票据 number', { done, after });
  // Paying the same decision again on the channel is refused by 非税 itself.
  const again = await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: FINE, idempotencyKey: 'attack-nontax-after' }, '2026-03-10T10:36:00+08:00');
  expectThat(!again.body.ok && errorOf(again)?.code === 'CONFLICT', 'a paid fine takes no second order', again.body);
}

export const NAMED_ATTACKS: readonly NamedAttack[] = [
  {
    name: 'refunded fine shown as paid',
    claim: 'a fine refused by the traffic police and refunded is owed again under 待缴款 with today’s amount, out of 已完成’s total; its refund messages open the fine’s receipt, which shows the refund',
    run: refundedFine,
  },
  {
    name: 'engine-number guessing',
    claim: '925 guesses at another plate’s engine suffix: no more than 10 failed proofs per caller per 10 minutes, the rest RATE_LIMITED with retryAt, the right guess included',
    run: engineNumberGuessing,
  },
  {
    name: 'parallel face-check starts',
    claim: '30 parallel insurance.verify starts by one resident never start more checks than may fail (5), each refusal RATE_LIMITED with retryAt, and never more than 5 failures an hour',
    run: parallelFaceChecks,
  },
  {
    name: "another resident's verify_id",
    claim: "a WeChat verify_id used by another WeChat user runs no face step (bound to the owner's openid), and naming the owner's verification reads NOT_FOUND before and after the owner passes",
    run: otherResidentsVerifyId,
  },
  {
    name: 'replayed verify_id',
    claim: 'a second face step on a used verify_id is refused, and 31 minutes after a pass every read is VERIFICATION_REQUIRED although WeChat still answers 10000 for it',
    run: replayedVerifyId,
  },
  {
    name: 'WeChat result read before the face step',
    claim: 'reads of a WeChat check before its face step (10 at once) are pending and open nothing; a cancelled step reads abandoned',
    run: resultBeforeFaceStep,
  },
  {
    name: 'failed WeChat face check',
    claim: 'a failed WeChat face check keeps VERIFICATION_REQUIRED for summary and records, and a pass tried afterwards on its verify_id is refused',
    run: failedWeChatCheck,
  },
  {
    name: 'parallel licence reads',
    claim: '40 parallel traffic.readLicence calls make at most 20 billed OCR calls an hour',
    run: parallelLicenceReads,
  },
  {
    name: 'parallel bind guesses',
    claim: '20 parallel bills.bind guesses: at most 5 failed proofs per 10 minutes reach the department',
    run: parallelBindGuesses,
  },
  {
    name: 'disguised flagged phrase in a complaint',
    claim: 'the flagged phrase split by zero-width characters, in full-width letters and digits, or split between description and place is refused (INVALID_INPUT naming the field) and nothing is filed',
    run: disguisedComplaint,
  },
  {
    name: 'rating double tap',
    claim: '10 parallel tickets.rate calls on one reply: one rating, decided in our database before the platform is called; the platform gets exactly one and our record equals it',
    run: ratingDoubleTap,
  },
  {
    name: 'ticket text outside the text schema',
    claim: 'ticket text goes through the shared text schema: a lone surrogate is INVALID_INPUT naming the field, NFD is stored as NFC, a description of zero-width spaces is empty',
    run: ticketText,
  },
  {
    name: 'top-up key reused on a second meter',
    claim: 'a top-up idempotencyKey reused on another prepay meter answers CONFLICT naming idempotencyKey, not the first meter’s order',
    run: topupKeyReuse,
  },
  // Last: it pays a fine of the shared traffic sandbox, which the refunded-fine attack counts.
  {
    name: 'fine paid on the 非税 channel',
    claim: 'a storm of taps makes one 非税 order whose payment_notice_no is the decision number; the expiry asks 非税 before closing and books the payment it finds; replayed notifications book nothing twice, forged ones are refused for their signature; one posting; the receipt shows the fiscal e-receipt number',
    run: nontaxFine,
  },
];

export type { Call };
