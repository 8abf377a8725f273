import type { AccessLogEntry, InsuranceRecords, InsuranceSummary, VerificationView, VerifyResult } from '@bianmin/core';
import { idCheckDigit } from '@bianmin/core';
import { eq } from 'drizzle-orm';
import { insuranceVerifications } from '../../db/schema';
import { STORE_KINDS } from '../../db/testing/index';
import { CHEN, LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

/** A FaceID (慧眼) start: bizToken and the h5 page. */
type FaceIdStart = Extract<VerifyResult, { method: 'faceid' }>;

const NOON = '2026-03-10T12:00:00+08:00';
const at = (minutes: number) => new Date(new Date(NOON).getTime() + minutes * 60_000).toISOString();

type Body<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string>; retryAt?: string; availability?: { opensAt?: string } } };

function data<T>(r: { body: unknown }): T {
  const b = r.body as Body<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('social insurance on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const call = <T>(body: Record<string, unknown>, openid: string, now = NOON) => stack.call<T>('insurance', body, { openid, now });
  const decide = (bizToken: string, result: string) =>
    fetch(`${stack.url}/api/__dev/faceid/${bizToken}/result`, { method: 'POST', body: JSON.stringify({ result }) }).then(async (r) => ({ status: r.status, body: await r.json() }));

  /** verify → the sandbox face check decided → the server asks FaceID (the `verification` action). */
  async function verifyAs(openid: string, person: { name: string; idNumber: string }, outcome: 'pass' | 'fail' | 'abandon', now = NOON) {
    const started = data<FaceIdStart>(await call({ action: 'verify', name: person.name, idNumber: person.idNumber }, openid, now));
    expect((await decide(started.bizToken, outcome)).status).toBe(200);
    const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification', verificationId: started.verificationId }, openid, now));
    return { started, verification };
  }

  describe('the long-insured worker', () => {
    let verificationId: string;
    const reads: string[] = [];

    it('cannot read anything before verifying: every data action asks for verification', async () => {
      for (const action of ['summary', 'accessLog']) {
        const r = await call({ action }, ZHANG.openid);
        expect(r).toMatchObject({ status: 403, body: { ok: false, error: { code: 'VERIFICATION_REQUIRED', reason: 'verification_required', message: expect.stringContaining('实名认证') } } });
      }
      expect((await call({ action: 'records', insurance: 'pension' }, ZHANG.openid)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      expect(data(await call({ action: 'verification' }, ZHANG.openid))).toEqual({ verification: null });
    });

    it('starts a verification: FaceID’s token and the face-check page, the person masked, nothing linked yet', async () => {
      const started = data<FaceIdStart>(await call({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber.toLowerCase() }, ZHANG.openid));
      expect(started).toEqual({ verificationId: expect.any(String), method: 'faceid', bizToken: expect.stringMatching(/^[0-9A-F-]{36}$/), url: `${stack.tencentCloud.url}/faceid/h5/${started.bizToken}`, expiresAt: '2026-03-10T12:30:00+08:00' });
      verificationId = started.verificationId;
      const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification' }, ZHANG.openid));
      expect(verification).toMatchObject({ verificationId, status: 'pending', nameMasked: '张*明', idNumberMasked: '4403**********1236' });
      expect((await call({ action: 'summary' }, ZHANG.openid)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });

      const page = await fetch(started.url).then((r) => r.text());
      expect(page).toContain('核验通过');
      expect(page).toContain('人脸与身份证不符');
      expect(page).toContain('放弃核身');
      expect(page).not.toContain(ZHANG.idNumber);

      // The tester taps "pass" on the sandbox page; the server learns it only by asking FaceID.
      const tapped = await fetch(started.url + '/result', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'result=pass' });
      expect(tapped.status).toBe(200);
      const after = data<{ verification: VerificationView }>(await call({ action: 'verification', verificationId }, ZHANG.openid, at(2))).verification;
      expect(after).toMatchObject({ status: 'passed', decidedAt: '2026-03-10T12:02:00+08:00', expiresAt: '2026-03-10T12:32:00+08:00' });
      // A decided check is final: a later "fail" from the page changes nothing.
      expect((await decide(started.bizToken, 'fail')).status).toBe(409);
    });

    it('went through the real FaceID SDK: signed requests that reached the sandbox', () => {
      const faceCalls = stack.tencentCloud.requests.filter((r) => r.action === 'DetectAuth' || r.action === 'GetDetectInfoEnhanced');
      const detect = faceCalls.find((r) => r.action === 'DetectAuth' && r.params.IdCard === ZHANG.idNumber);
      expect(detect).toMatchObject({ version: '2018-03-01', region: 'ap-guangzhou', signatureValid: true, params: { RuleId: '1', Name: ZHANG.name, Extra: 'insurance' } });
      expect(faceCalls.some((r) => r.action === 'GetDetectInfoEnhanced' && r.signatureValid && r.params.InfoType === '1')).toBe(true);
      expect(faceCalls.every((r) => r.signatureValid)).toBe(true);
    });

    it('reads the summary: five insurances, balances, total months, data up to January (posted around the 20th)', async () => {
      const s = data<InsuranceSummary>(await call({ action: 'summary' }, ZHANG.openid, at(3)));
      reads.push('summary');
      expect(s).toMatchObject({
        insured: true,
        city: '深圳',
        dataUpTo: '2026-01',
        stale: false,
        fetchedAt: expect.stringMatching(/\+08:00$/),
        holder: { nameMasked: '张*明', idNumberMasked: '4403**********1236', idNumber: ZHANG.idNumber },
        currentEmployer: '深圳市景田科技有限公司',
        verification: { verificationId, expiresAt: '2026-03-10T12:32:00+08:00' },
      });
      expect(s.insurances.map((i) => [i.type, i.statusName, i.startMonth])).toEqual([
        ['pension', '参保缴费', '2012-07'],
        ['medical', '参保缴费', '2012-07'],
        ['unemployment', '参保缴费', '2012-07'],
        ['injury', '参保缴费', '2012-07'],
        ['maternity', '参保缴费', '2012-07'],
      ]);
      // 2012-07 .. 2026-01, every month paid.
      expect(s.totalMonths).toBe(163);
      expect(Number.isInteger(s.balances.pension) && s.balances.pension > 0).toBe(true);
      expect(Number.isInteger(s.balances.medical)).toBe(true);
    });

    it('reads whole calendar years by default (January two years back to the newest month), newest first, whose personal parts total the bureau’s', async () => {
      const r = data<InsuranceRecords>(await call({ action: 'records', insurance: 'pension' }, ZHANG.openid, at(4)));
      reads.push('records');
      // Not the last 36 months (2023-02 onwards): that made 2023 read "已缴 11 个月" as if a month were missing.
      expect(r).toMatchObject({ insurance: 'pension', name: '养老保险', from: '2024-01', to: '2026-01', startMonth: '2012-07', dataUpTo: '2026-01', stale: false });
      expect(r.months).toHaveLength(25);
      expect(r.months[0].month).toBe('2026-01');
      expect(r.months[24].month).toBe('2024-01');
      for (const m of r.months) {
        expect(m).toMatchObject({ status: 'paid', payer: 'employer', employerName: expect.any(String), paidOn: expect.stringMatching(/^\d{4}-\d{2}-15$/) });
        // 8% and 16% of the base, in whole fen.
        expect(m.personal).toBe(Math.round((m.base! * 8) / 100));
        expect(m.employer).toBe(Math.round((m.base! * 16) / 100));
      }
      expect(r.months.reduce((s, m) => s + m.personal!, 0)).toBe(r.totals.personal);
      expect(r.months.reduce((s, m) => s + m.employer!, 0)).toBe(r.totals.employer);
      expect(r.totals.paidMonths).toBe(25);
    });

    it('reaches earlier years a window at a time, back to the first month of contributions', async () => {
      const r = data<InsuranceRecords>(await call({ action: 'records', insurance: 'pension', from: '2012-01', to: '2014-12' }, ZHANG.openid, at(4)));
      reads.push('records');
      // Contributions began in 2012-07: the months before are not gaps, they were never due.
      expect(r).toMatchObject({ from: '2012-01', to: '2014-12', startMonth: '2012-07' });
      expect(r.months.map((m) => m.month)[0]).toBe('2014-12');
      expect(r.months.at(-1)!.month).toBe('2012-07');
      expect(r.months).toHaveLength(30);
      expect(r.months.every((m) => m.status === 'paid')).toBe(true);
      const tooWide = await call({ action: 'records', insurance: 'pension', from: '2012-01', to: '2015-01' }, ZHANG.openid, at(4));
      expect(tooWide.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { from: '一次最多查询 36 个月' } } });
    });

    it('reads a chosen range of another insurance; the range is checked', async () => {
      const r = data<InsuranceRecords>(await call({ action: 'records', insurance: 'medical', from: '2025-01', to: '2025-06' }, ZHANG.openid, at(5)));
      reads.push('records');
      expect(r.months.map((m) => m.month)).toEqual(['2025-06', '2025-05', '2025-04', '2025-03', '2025-02', '2025-01']);
      const bad = await call({ action: 'records', insurance: 'medical', from: '2025-06', to: '2025-01' }, ZHANG.openid, at(5));
      expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { from: '起始月份不能晚于截止月份' } } });
      const unknown = await call({ action: 'records', insurance: 'housing' }, ZHANG.openid, at(5));
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { insurance: expect.stringContaining('pension') } } });
    });

    it('does not let a second resident read the first one’s data with the first one’s verification id', async () => {
      for (const body of [{ action: 'summary', verificationId }, { action: 'records', insurance: 'pension', verificationId }, { action: 'verification', verificationId }]) {
        expect((await call(body, LI.openid, at(6))).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
      expect((await call({ action: 'summary' }, LI.openid, at(6))).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      expect((await call({ action: 'accessLog' }, LI.openid, at(6))).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
    });

    it('lists every read made, newest first, and nothing else', async () => {
      const { entries } = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, ZHANG.openid, at(7)));
      expect(entries.map((e) => e.action)).toEqual([...reads].reverse());
      expect(entries.map((e) => e.at)).toEqual(['2026-03-10T12:05:00+08:00', '2026-03-10T12:04:00+08:00', '2026-03-10T12:04:00+08:00', '2026-03-10T12:03:00+08:00']);
      expect(entries[0]).toEqual({ at: '2026-03-10T12:05:00+08:00', action: 'records', description: '查看医疗保险缴费记录（2025年1月至2025年6月）', verificationId, thisAccount: true });
      expect(entries[3].description).toBe('查看参保概况');
    });

    it('asks to verify again once the 30 minutes are over on the call’s clock', async () => {
      expect((await call({ action: 'summary' }, ZHANG.openid, at(31))).body).toMatchObject({ ok: true });
      reads.push('summary');
      const late = await call({ action: 'summary' }, ZHANG.openid, at(32));
      expect(late).toMatchObject({ status: 403, body: { ok: false, error: { code: 'VERIFICATION_REQUIRED', reason: 'verification_expired', message: expect.stringContaining('30 分钟') } } });
      expect((await call({ action: 'records', insurance: 'pension', verificationId }, ZHANG.openid, at(32))).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification' }, ZHANG.openid, at(32)));
      expect(verification).toMatchObject({ verificationId, status: 'expired', message: expect.stringContaining('重新认证') });
    });

    it('after verifying again, the access log shows the reads of both verifications', async () => {
      const again = await verifyAs(ZHANG.openid, ZHANG, 'pass', at(40));
      expect(again.verification.status).toBe('passed');
      const { entries } = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, ZHANG.openid, at(41)));
      expect(entries.map((e) => e.action)).toEqual([...reads].reverse());
      expect(new Set(entries.map((e) => e.verificationId))).toEqual(new Set([verificationId]));
    });
  });

  describe('refusals', () => {
    const OPENID = 'oTestRefusals00000001';
    it.each([
      ['a wrong check character', { idNumber: '11010119900307123X' }, 'idNumber', '校验位'],
      ['30 February', { idNumber: '440305199002301234' }, 'idNumber', '出生日期不存在'],
      ['a 15-digit number', { idNumber: '440305900307123' }, 'idNumber', '请使用 18 位身份证号'],
      ['a future birth date', { idNumber: (() => { const f = '44030520260311123'; return f + idCheckDigit(f); })() }, 'idNumber', '晚于今天'],
      ['a birth year before 1900', { idNumber: (() => { const f = '44030518991231123'; return f + idCheckDigit(f); })() }, 'idNumber', '早于 1900'],
      ['a province code nobody uses', { idNumber: (() => { const f = '99030519900307123'; return f + idCheckDigit(f); })() }, 'idNumber', '行政区划'],
      ["the name Robert'); DROP TABLE", { name: "Robert'); DROP TABLE" }, 'name', '汉字'],
    ])('refuses %s with INVALID_INPUT naming the reason, and starts no face check', async (_label, over, field, reason) => {
      const before = stack.tencentCloud.requests.length;
      const r = await call({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber, ...over }, OPENID);
      expect(r).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.stringContaining(reason) } } } });
      expect(stack.tencentCloud.requests.length).toBe(before);
      expect(data(await call({ action: 'verification' }, OPENID))).toEqual({ verification: null });
    });
  });

  describe('face checks that do not pass', () => {
    it('a face that does not match: a clear message and no access', async () => {
      const openid = 'oTestFaceFail0000001';
      const { verification } = await verifyAs(openid, WANG, 'fail');
      expect(verification).toMatchObject({ status: 'failed', message: expect.stringContaining('人脸与身份证照片不一致') });
      expect((await call({ action: 'summary', verificationId: verification.verificationId }, openid)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      expect((await call({ action: 'summary' }, openid)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
    });

    it('abandoning the check links nothing', async () => {
      const openid = 'oTestAbandon00000001';
      const { verification } = await verifyAs(openid, WANG, 'abandon');
      expect(verification).toMatchObject({ status: 'abandoned', message: expect.stringContaining('退出') });
      expect((await call({ action: 'summary' }, openid)).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
    });

    it('a name that does not go with the ID number fails as FaceID says (2006), even when the face "passes"', async () => {
      const openid = 'oTestWrongName000001';
      const { verification } = await verifyAs(openid, { name: '王建军', idNumber: WANG.idNumber }, 'pass');
      expect(verification).toMatchObject({ status: 'failed', message: expect.stringContaining('姓名与身份证号不匹配') });
    });

    it('expires a check nobody finished within 30 minutes, without asking FaceID', async () => {
      const openid = 'oTestUnfinished00001';
      const started = data<FaceIdStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, openid));
      const before = stack.tencentCloud.requests.length;
      const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification' }, openid, at(31)));
      expect(verification).toMatchObject({ verificationId: started.verificationId, status: 'expired', message: expect.stringContaining('过期') });
      expect(stack.tencentCloud.requests.length).toBe(before);
      // Passing it on the page afterwards links nothing: the server already decided.
      expect((await decide(started.bizToken, 'pass')).status).toBe(200);
      expect((await call({ action: 'summary' }, openid, at(32))).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
    });

    it('decides a check once however many polls race to ask FaceID', async () => {
      const openid = 'oTestRacingPolls0001';
      const started = data<FaceIdStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, openid));
      await decide(started.bizToken, 'pass');
      const polls = await Promise.all(Array.from({ length: 10 }, (_, i) => call({ action: 'verification' }, openid, at(1 + i / 60))));
      const views = polls.map((p) => data<{ verification: VerificationView }>(p).verification);
      expect(new Set(views.map((v) => `${v.status} ${v.decidedAt} ${v.expiresAt}`)).size).toBe(1);
      expect(views[0]).toMatchObject({ status: 'passed' });
    });

    it('the face-check lever refuses an unknown outcome or token', async () => {
      const started = data<FaceIdStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, 'oTestLever0000000001'));
      expect(await decide(started.bizToken, 'maybe')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { result: expect.any(String) } } } });
      expect(await decide('00000000-0000-0000-0000-000000000000', 'pass')).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
    });

    it('refuses the sixth attempt after five failures in an hour, saying when it lifts', async () => {
      const openid = 'oTestRateLimit000001';
      for (let i = 0; i < 5; i++) expect((await verifyAs(openid, WANG, 'fail', at(i))).verification.status).toBe('failed');
      const sixth = await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber }, openid, at(10));
      expect(sixth).toMatchObject({ status: 429, body: { ok: false, error: { code: 'RATE_LIMITED', retryAt: '2026-03-10T13:00:00+08:00', message: expect.stringContaining('13:00') } } });
      // Once the first failure is an hour old, one more attempt is allowed.
      expect((await verifyAs(openid, WANG, 'pass', at(61))).verification.status).toBe('passed');
    });
  });

  describe('with WeChat 人脸核身 (the mini-program’s method)', () => {
    type WeChatStart = Extract<VerifyResult, { method: 'wechat' }>;
    const faceStep = (verifyId: string, result: string, openid?: string) =>
      fetch(`${stack.url}/api/__dev/wxface/${verifyId}/result`, { method: 'POST', headers: openid ? { 'x-dev-openid': openid } : {}, body: JSON.stringify({ result }) }).then(async (r) => ({ status: r.status, body: await r.json() }));

    it('answers a verify_id for the phone, reads the result from WeChat (queryVerifyInfo) only, then serves and logs reads as with FaceID', async () => {
      const openid = 'oTestWeChatFace00001';
      const started = data<WeChatStart>(await call({ action: 'verify', name: LI.name, idNumber: LI.idNumber, method: 'wechat' }, openid));
      expect(started).toEqual({ verificationId: expect.any(String), method: 'wechat', verifyId: expect.stringMatching(/^[A-Za-z0-9_-]{16,256}$/), expiresAt: '2026-03-10T12:30:00+08:00' });
      const session = stack.wxFace.sessions.get(started.verifyId)!;
      // getVerifyId got the person and the resident's openid; the row keeps neither the number nor the cert_hash in the clear.
      expect(session).toMatchObject({ openid, certName: LI.name, certNo: LI.idNumber, outSeqNo: started.verificationId.replace(/-/g, '') });
      const { database } = stack;
      const rows = await database.db.select().from(insuranceVerifications).where(eq(insuranceVerifications.id, started.verificationId));
      expect(rows[0]).toMatchObject({ method: 'wechat', bizToken: started.verifyId });
      expect(JSON.stringify(rows[0])).not.toContain(session.certHash);
      expect(JSON.stringify(rows[0])).not.toContain(LI.idNumber);

      expect(data<{ verification: VerificationView }>(await call({ action: 'verification', verificationId: started.verificationId }, openid)).verification).toMatchObject({ method: 'wechat', status: 'pending' });
      expect((await faceStep(started.verifyId, 'pass')).status).toBe(200);
      const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification', verificationId: started.verificationId }, openid, at(1)));
      expect(verification).toMatchObject({ method: 'wechat', status: 'passed', expiresAt: '2026-03-10T12:31:00+08:00' });
      const summary = data<InsuranceSummary>(await call({ action: 'summary' }, openid, at(2)));
      expect(summary.holder).toMatchObject({ nameMasked: `${LI.name[0]}*${LI.name.slice(-1)}`, idNumber: LI.idNumber });
      const log = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, openid, at(3)));
      expect(log.entries[0]).toMatchObject({ action: 'summary', verificationId: started.verificationId, thisAccount: true });
    });

    it('a failed WeChat check keeps VERIFICATION_REQUIRED, says why, and counts towards the failure limit', async () => {
      const openid = 'oTestWeChatFail00001';
      const started = data<WeChatStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'wechat' }, openid));
      await faceStep(started.verifyId, 'fail');
      const { verification } = data<{ verification: VerificationView }>(await call({ action: 'verification' }, openid, at(1)));
      expect(verification).toMatchObject({ method: 'wechat', status: 'failed', message: expect.stringContaining('人脸') });
      expect((await call({ action: 'summary' }, openid, at(2))).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      for (let i = 0; i < 4; i++) {
        const s = data<WeChatStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'wechat' }, openid, at(3 + i)));
        await faceStep(s.verifyId, 'fail');
        await call({ action: 'verification' }, openid, at(3 + i));
      }
      expect((await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'wechat' }, openid, at(10))).body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    });

    it('refuses a method it does not know, naming the field', async () => {
      const r = await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'alipay' }, 'oTestWeChatBadMethod');
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { method: expect.stringContaining('wechat') } } });
    });

    it('the face-step lever refuses an unknown outcome, an unknown verify_id, and another WeChat user', async () => {
      const started = data<WeChatStart>(await call({ action: 'verify', name: WANG.name, idNumber: WANG.idNumber, method: 'wechat' }, 'oTestWeChatLever0001'));
      expect(await faceStep(started.verifyId, 'maybe')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT', fields: { result: expect.any(String) } } } });
      expect(await faceStep('no-such-verify-id-0000', 'pass')).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
      expect(await faceStep(started.verifyId, 'pass', 'oSomeoneElse00000001')).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
      expect((await faceStep(started.verifyId, 'pass', 'oTestWeChatLever0001')).status).toBe(200);
    });
  });

  describe('the other fixture people', () => {
    it('shows the gap months as gaps, back-paid months as 补缴, an owed month as owed; totals count what was paid', async () => {
      await verifyAs(WANG.openid, WANG, 'pass');
      const unemployment = data<InsuranceRecords>(await call({ action: 'records', insurance: 'unemployment' }, WANG.openid));
      expect(unemployment.months).toHaveLength(25);
      const byMonth = new Map(unemployment.months.map((m) => [m.month, m]));
      for (const m of ['2025-01', '2025-02', '2025-03']) expect(byMonth.get(m)).toEqual({ month: m, status: 'gap' });
      expect(byMonth.get('2026-01')).toMatchObject({ status: 'unpaid' });
      expect(byMonth.get('2026-01')!.paidOn).toBeUndefined();

      const pension = data<InsuranceRecords>(await call({ action: 'records', insurance: 'pension' }, WANG.openid));
      const p = new Map(pension.months.map((m) => [m.month, m]));
      for (const m of ['2025-01', '2025-02', '2025-03']) {
        // Flexible employment: the person paid it all — 24% of the base — and none of it is 单位 money.
        expect(p.get(m)).toMatchObject({ status: 'backpaid', paidOn: '2025-08-12', employerName: '个人补缴（灵活就业）', payer: 'self', employer: 0, personal: Math.round((p.get(m)!.base! * 24) / 100) });
      }
      const paid = pension.months.filter((m) => m.status === 'paid' || m.status === 'backpaid');
      expect(paid.reduce((s, m) => s + m.personal!, 0)).toBe(pension.totals.personal);
      expect(paid.reduce((s, m) => s + m.employer!, 0)).toBe(pension.totals.employer);
      expect(pension.totals.paidMonths).toBe(24);
    });

    it('states arrears and gaps in the summary, insurance by insurance, never "参保缴费" alone over them', async () => {
      const s = data<InsuranceSummary>(await call({ action: 'summary' }, WANG.openid));
      const by = new Map(s.insurances.map((i) => [i.type, i]));
      expect(by.get('pension')).toMatchObject({ owedMonths: ['2026-01'], gapMonths: [] });
      expect(by.get('medical')).toMatchObject({ owedMonths: ['2026-01'], gapMonths: [] });
      expect(by.get('unemployment')).toMatchObject({ owedMonths: ['2026-01'], gapMonths: ['2025-01', '2025-02', '2025-03'] });
      const zhang = data<InsuranceSummary>(await call({ action: 'summary' }, ZHANG.openid));
      expect(zhang.insurances.every((i) => i.owedMonths.length === 0 && i.gapMonths.length === 0)).toBe(true);
    });

    it('shows a retiree the pension paid to them instead of contributions', async () => {
      await verifyAs(LI.openid, LI, 'pass');
      const s = data<InsuranceSummary>(await call({ action: 'summary' }, LI.openid));
      expect(s.retirement).toEqual({ retiredOn: '2008-10', monthlyPension: expect.any(Number) });
      // Drawing a pension, not "终止"; medical cover kept without contributions, not "参保缴费".
      expect(s.insurances.find((i) => i.type === 'pension')).toMatchObject({ status: 'terminated', statusName: '已退休，领取养老金', contributionsEndMonth: '2008-09', owedMonths: [], gapMonths: [] });
      expect(s.insurances.find((i) => i.type === 'medical')).toMatchObject({ status: 'active', statusName: '参保，退休后不再缴费', contributionsEndMonth: '2008-09' });
      const r = data<InsuranceRecords>(await call({ action: 'records', insurance: 'pension' }, LI.openid));
      // No contributions are due after retirement: no months, and no gaps either.
      expect(r.months).toEqual([]);
      expect(r).toMatchObject({ contributionsEndMonth: '2008-09' });
      expect(r.payments).toHaveLength(25);
      expect(r.payments![0]).toEqual({ month: '2026-01', amount: s.retirement!.monthlyPension, paidOn: '2026-01-10' });
    });

    it('answers a bureau that no longer knows the person in plain words, not as an internal error', async () => {
      const openid = 'oTestBureauForgot001';
      const { verification } = await verifyAs(openid, ZHANG, 'pass');
      // As if the bureau had merged or withdrawn the record since the verification.
      await stack.database.db.execute(`update insurance_verifications set person_ref = 'SZ0000000000000000' where id = '${verification.verificationId}'`);
      const r = await call({ action: 'records', insurance: 'pension' }, openid);
      expect(r).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('没有查到您的参保记录') } } });
      const { entries } = data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, openid));
      expect(entries.filter((e) => e.verificationId === verification.verificationId)).toEqual([]);
    });

    it('tells a person the bureau does not know so, in plain words', async () => {
      await verifyAs(CHEN.openid, CHEN, 'pass');
      const r = await call({ action: 'summary' }, CHEN.openid);
      expect(r).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('没有查到您的参保记录') } } });
    });
  });

  describe('a year later', () => {
    it('the daily job forgets reads older than a year; the access log shows only the year since', async () => {
      const yearOn = '2027-03-11T12:00:00+08:00';
      const job = await fetch(`${stack.url}/api/__dev/jobs/accesslog`, { method: 'POST', headers: { 'x-dev-now': yearOn } }).then((r) => r.json());
      expect(job).toMatchObject({ ok: true, data: { purged: expect.any(Number) } });
      expect(job.data.purged).toBeGreaterThan(0);
      await verifyAs(ZHANG.openid, ZHANG, 'pass', yearOn);
      expect(data<{ entries: AccessLogEntry[] }>(await call({ action: 'accessLog' }, ZHANG.openid, yearOn)).entries).toEqual([]);
    });
  });

  describe('hours and a bureau that is down', () => {
    it('refuses at 23:30 with the reopening time, before asking FaceID or the bureau', async () => {
      const before = stack.tencentCloud.requests.length;
      const r = await call({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }, 'oTestLateNight000001', '2026-03-10T23:30:00+08:00');
      expect(r.body).toMatchObject({ ok: false, error: { code: 'SERVICE_CLOSED', availability: { opensAt: '2026-03-11T06:00:00+08:00' } } });
      expect(stack.tencentCloud.requests.length).toBe(before);
    });

    it('starts nothing while the bureau is too slow to answer: no face check, no verification, a clear message', async () => {
      const openid = 'oTestSlowBureau00001';
      const before = stack.tencentCloud.requests.length;
      await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"slow","ms":5000}' });
      try {
        const r = await call({ action: 'verify', name: LI.name, idNumber: LI.idNumber }, openid);
        expect(r).toMatchObject({ status: 503, body: { ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', retryable: true, message: expect.stringContaining('社会保障局') } } });
      } finally {
        await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"ok"}' });
      }
      expect(stack.tencentCloud.requests.length).toBe(before);
      expect(data(await call({ action: 'verification' }, openid))).toEqual({ verification: null });
    });

    it('serves the summary read a moment ago marked stale while the bureau is down, and refuses what it never fetched', async () => {
      const openid = 'oTestBureauDown00001';
      await verifyAs(openid, ZHANG, 'pass');
      const fresh = data<InsuranceSummary>(await call({ action: 'summary' }, openid));
      await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"down"}' });
      try {
        const s = data<InsuranceSummary>(await call({ action: 'summary' }, openid));
        expect(s).toMatchObject({ stale: true, fetchedAt: fresh.fetchedAt, dataUpTo: '2026-01' });
        const r = await call({ action: 'records', insurance: 'maternity', from: '2024-01', to: '2024-03' }, openid);
        expect(r.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('社会保障局') } });
      } finally {
        await fetch(`${stack.url}/api/__dev/departments/insurance/faults`, { method: 'POST', body: '{"mode":"ok"}' });
      }
    });
  });
});
