import type { AccessLogEntry, AgendaResult, EligibilityResult, InboxMessage, VerificationView, VerifyResult } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';

/**
 * The pension eligibility radar (待遇资格认证) through the local gateway: the retiree 李秀英 was
 * last checked on 2025-04-24 (the bureau sandbox's record), so the check is due by 2026-04-24 —
 * 60 days before is 2026-02-23, 45 days before 2026-03-10, 30 days before 2026-03-25.
 */
type FaceIdStart = Extract<VerifyResult, { method: 'faceid' }>;
type Body<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function data<T>(r: { body: unknown }): T {
  const b = r.body as Body<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

const SIXTY_BEFORE = '2026-02-23T09:30:00+08:00';

describe.each(STORE_KINDS)('the pension eligibility radar on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const call = <T>(body: Record<string, unknown>, openid: string, now: string) => stack.call<T>('insurance', body, { openid, now });
  const job = async (at: string) =>
    (await (await fetch(`${stack.url}/api/__dev/jobs/eligibility`, { method: 'POST', headers: { 'x-dev-now': at } })).json()) as { ok: boolean; data: { checked: number; sent: number; deferred: number } };
  const fault = (mode: string) => fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
  const inbox = async (openid: string, now: string) => data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, { openid, now })).messages.filter((m) => m.kind === 'pension_eligibility');

  async function verify(person: { openid: string; name: string; idNumber: string }, now: string): Promise<string> {
    const started = data<FaceIdStart>(await call({ action: 'verify', name: person.name, idNumber: person.idNumber }, person.openid, now));
    await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
    const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification', verificationId: started.verificationId }, person.openid, now));
    expect(verification.status).toBe('passed');
    return started.verificationId;
  }

  it('asks for a face verification before it can say anything about a person', async () => {
    expect((await call({ action: 'eligibility' }, LI.openid, SIXTY_BEFORE)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
  });

  it('tells a retiree 60 days before the deadline that the check is due, from the bureau’s last check date', async () => {
    await verify(LI, SIXTY_BEFORE);
    const e = data<EligibilityResult>(await call({ action: 'eligibility' }, LI.openid, SIXTY_BEFORE));
    expect(e).toEqual({
      required: true,
      status: 'due',
      statusName: '即将到期',
      lastCheckedOn: '2025-04-24',
      lastCheckedBy: '社区上门认证',
      dueBy: '2026-04-24',
      daysLeft: 60,
      fetchedAt: expect.stringMatching(/\+08:00$/),
      stale: false,
    });
    const log = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, LI.openid, SIXTY_BEFORE)).entries;
    expect(log[0]).toMatchObject({ action: 'eligibility', description: '查看养老金待遇资格认证状态' });
  });

  it('says a worker needs no check', async () => {
    await verify(ZHANG, SIXTY_BEFORE);
    expect(data(await call({ action: 'eligibility' }, ZHANG.openid, SIXTY_BEFORE))).toEqual({ required: false, message: expect.stringContaining('无需进行待遇资格认证') });
    expect((await call({ action: 'eligibilityCheck', verificationId: await verify(ZHANG, SIXTY_BEFORE) }, ZHANG.openid, SIXTY_BEFORE)).body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('未领取养老保险待遇') },
    });
  });

  it('sends no reminder at night, then the 60-day reminder once however often the job runs', async () => {
    expect((await job('2026-02-23T03:00:00+08:00')).data).toEqual({ checked: 0, sent: 0, deferred: 0 });
    expect((await job('2026-02-23T10:00:00+08:00')).data).toMatchObject({ sent: 1 });
    expect((await job('2026-02-23T10:05:00+08:00')).data).toMatchObject({ sent: 0 });
    // The next morning it is read again (59 days): the 60-day reminder is not sent twice.
    expect((await job('2026-02-24T10:00:00+08:00')).data).toMatchObject({ checked: 2, sent: 0 });
    const sent = await inbox(LI.openid, '2026-02-24T10:00:00+08:00');
    expect(sent.map((m) => m.title)).toEqual(['养老金待遇资格认证还有 60 天到期']);
    expect(sent[0]).toMatchObject({ path: '/insurance/pages/eligibility/index', body: expect.stringContaining('2026年4月24日 前完成') });
    // The worker's row is on the radar too, and is never reminded.
    expect(await inbox(ZHANG.openid, '2026-02-24T10:00:00+08:00')).toEqual([]);
  });

  it('shows the retiree 45 days before the deadline on the agenda, without verifying again', async () => {
    const agenda = data<AgendaResult>(await stack.call('me', { action: 'agenda' }, { openid: LI.openid, now: '2026-03-10T12:00:00+08:00' }));
    const item = agenda.items.find((i) => i.kind === 'pension_eligibility');
    expect(item).toMatchObject({
      title: '养老金待遇资格认证即将到期',
      dueAt: '2026-04-24',
      forWhom: '我',
      path: '/insurance/pages/eligibility/index',
      detail: expect.stringContaining('还有 45 天'),
    });
    expect(item?.stale).toBeUndefined();
    // At night the bureau's online services are closed: the radar's last answer, said to be closed until 06:00.
    const night = data<AgendaResult>(await stack.call('me', { action: 'agenda' }, { openid: LI.openid, now: '2026-03-10T23:30:00+08:00' }));
    expect(night.items.find((i) => i.kind === 'pension_eligibility')).toMatchObject({
      dueAt: '2026-04-24',
      stale: { since: '2026-03-10T12:00:00+08:00' },
      closed: { reopensAt: '2026-03-11T06:00:00+08:00', reason: expect.stringContaining('06:00') },
    });
    // A worker's radar row says nothing at night either.
    expect(data<AgendaResult>(await stack.call('me', { action: 'agenda' }, { openid: ZHANG.openid, now: '2026-03-10T23:30:00+08:00' })).items).toEqual([]);
    // Nothing between the thresholds.
    expect((await job('2026-03-10T10:00:00+08:00')).data).toMatchObject({ sent: 0 });
  });

  it('sends the 30-day reminder once, then the 7-day one', async () => {
    expect((await job('2026-03-25T10:00:00+08:00')).data).toMatchObject({ sent: 1 });
    expect((await job('2026-03-26T10:00:00+08:00')).data).toMatchObject({ sent: 0 });
    expect((await job('2026-04-17T10:00:00+08:00')).data).toMatchObject({ sent: 1 });
    const titles = (await inbox(LI.openid, '2026-04-17T10:00:00+08:00')).map((m) => m.title).sort();
    expect(titles).toEqual(['养老金待遇资格认证还有 30 天到期', '养老金待遇资格认证还有 60 天到期', '养老金待遇资格认证还有 7 天到期']);
  });

  it('posts the check done in the app after the face verification, once per verification, and starts a new cycle', async () => {
    const at = '2026-04-20T15:00:00+08:00';
    const verificationId = await verify(LI, at);
    const done = data<{ eligibility: EligibilityResult; checkNo: string }>(await call({ action: 'eligibilityCheck', verificationId }, LI.openid, at));
    expect(done).toEqual({
      checkNo: expect.stringMatching(/^RZ20260420\d{6}$/),
      eligibility: expect.objectContaining({ required: true, status: 'ok', lastCheckedOn: '2026-04-20', lastCheckedBy: '便民刷脸认证', dueBy: '2027-04-20', daysLeft: 365 }),
    });
    // A double tap: the same check at the bureau, not a second.
    const again = data<{ checkNo: string }>(await call({ action: 'eligibilityCheck', verificationId }, LI.openid, at));
    expect(again.checkNo).toBe(done.checkNo);
    // The bureau says so too, and the agenda no longer lists it.
    expect(data(await call({ action: 'eligibility' }, LI.openid, at))).toMatchObject({ status: 'ok', lastCheckedOn: '2026-04-20' });
    const agenda = data<AgendaResult>(await stack.call('me', { action: 'agenda' }, { openid: LI.openid, now: at }));
    expect(agenda.items.filter((i) => i.kind === 'pension_eligibility')).toEqual([]);
    const log = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, LI.openid, at)).entries;
    expect(log.map((e) => e.description)).toContainEqual(`完成养老金待遇资格认证（2026年4月20日，回执号 ${done.checkNo}）`);
  });

  it('refuses the check with a verification past its window: a new face check is needed', async () => {
    const verificationId = await verify(LI, '2026-04-21T09:00:00+08:00');
    const r = await call({ action: 'eligibilityCheck', verificationId }, LI.openid, '2026-04-21T11:00:00+08:00');
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
  });
  // Last: a department down opens its client's circuit breaker for the rest of the stack's life.
  it('serves the last answer marked stale while the bureau is down, and defers the job without losing the row', async () => {
    await fault('down');
    try {
      const e = data<EligibilityResult>(await call({ action: 'eligibility' }, LI.openid, '2026-04-22T10:00:00+08:00'));
      expect(e).toMatchObject({ required: true, status: 'ok', lastCheckedOn: '2026-04-20', stale: true, fetchedAt: expect.stringMatching(/^2026-04-2/) });
      expect((await job('2026-04-22T10:00:00+08:00')).data).toMatchObject({ checked: 0, deferred: 2, sent: 0 });
      // Not asked again before the hour is over; then again, nothing lost.
      expect((await job('2026-04-22T10:30:00+08:00')).data).toMatchObject({ checked: 0, deferred: 0 });
      expect((await job('2026-04-22T11:05:00+08:00')).data).toMatchObject({ deferred: 2 });
    } finally {
      await fault('ok');
    }
  });
});
