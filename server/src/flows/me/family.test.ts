import type { BillResult, BindingView, FamilyListResult, FamilyOutputs, InboxMessage, OrderListEntry, PayResult } from '@bianmin/core';
import { handlePayNotify } from '../../payments/notify';
import { INVITE_CODE_LENGTH, MAX_HELPERS_PER_HOLDER } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { CHEN, LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';
import { holdersHelpedBy } from './family-links';

const NOON = '2026-03-10T12:00:00+08:00';
const LI_WATER = LI.utilityAccounts.find((a) => a.kind === 'water')!;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

describe.each(STORE_KINDS)('the family circle (亲友代办) on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const me = <T>(openid: string, body: Record<string, unknown>, now = NOON) => stack.call<T>('me', body, { openid, now });
  const invite = async (holder: string, scopes: string[], label = '妈妈', now = NOON) => data<FamilyOutputs['familyInvite']>(await me(holder, { action: 'familyInvite', scopes, label }, now));
  const accept = (helper: string, inviteCode: string, now = NOON, label?: string) => me<FamilyOutputs['familyAccept']>(helper, { action: 'familyAccept', inviteCode, ...(label ? { label } : {}) }, now);
  const list = async (openid: string) => data<FamilyListResult>(await me(openid, { action: 'familyList' }));
  const rows = async (q: string) => ((await stack.database.db.execute(q)) as unknown as { rows: Array<Record<string, unknown>> }).rows;

  describe('a relative with the bills scope pays the holder’s water bill', () => {
    let linkId: string;
    let bindingId: string;
    let orderId: string;

    it('links 陈静 to 李秀英 with the bills scope through a one-time code of 16 characters, good for 24 hours', async () => {
      const made = await invite(LI.openid, ['bills'], '妈妈');
      expect(made.inviteCode).toMatch(new RegExp(`^[2-9A-HJKMNP-Z]{${INVITE_CODE_LENGTH}}$`));
      expect(made.expiresAt).toBe('2026-03-11T12:00:00+08:00');
      // Kept hashed: the database holds nothing that could be accepted.
      expect(JSON.stringify(await rows('select * from family_invites'))).not.toContain(made.inviteCode);
      // Read aloud in fours and typed in lower case, it is the same code.
      const spaced = made.inviteCode.toLowerCase().replace(/(.{4})/g, '$1 ');
      const { link } = data<FamilyOutputs['familyAccept']>(await accept(CHEN.openid, spaced, NOON, '儿子'));
      expect(link).toMatchObject({ label: '妈妈', scopes: ['bills'] });
      linkId = link.linkId;
      expect(await holdersHelpedBy(stack.database.db, CHEN.openid)).toEqual([{ linkId, holderOpenid: LI.openid, label: '妈妈', scopes: ['bills'] }]);
      const holder = await list(LI.openid);
      expect(holder.helpers).toEqual([expect.objectContaining({ linkId, label: '儿子', scopes: ['bills'], payments: [] })]);
      expect((await list(CHEN.openid)).helping).toEqual([expect.objectContaining({ linkId, label: '妈妈' })]);
    });

    it('reads the holder’s own household as the holder, and pays its water bill with the helper’s WeChat', async () => {
      bindingId = data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: 'water', accountNo: LI_WATER.accountNo, holderName: LI_WATER.holderName }, { openid: LI.openid, now: NOON })).binding.bindingId;
      const acting = { openid: CHEN.openid, now: NOON };
      // Without actingFor the helper is only themselves: the holder's household is unknown to them.
      expect((await stack.call('bills', { action: 'bill', bindingId }, acting)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId, actingFor: linkId }, acting));
      const first = bill.arrears.bills[0];
      const paid = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId, billId: first.billId, idempotencyKey: 'family-pay-0001', actingFor: linkId }, acting));
      orderId = paid.order.orderId;
      expect(paid.payment).not.toBeNull();
      const [row] = await rows(`select openid, payer_openid, family_link_id from orders where id = '${orderId}'`);
      expect(row).toEqual({ openid: LI.openid, payer_openid: CHEN.openid, family_link_id: linkId });
      // WeChat Pay's sheet is paid; the notification books it as for any order.
      expect((await fetch(`${stack.url}/api/__dev/payments/${orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).status).toBe(200);
      const holderOrders = data<{ orders: OrderListEntry[] }>(await stack.call('payments', { action: 'orders' }, { openid: LI.openid, now: NOON })).orders;
      expect(holderOrders.find((o) => o.order.orderId === orderId)).toMatchObject({ family: { role: 'for_me', label: '儿子' }, order: { status: 'paid' } });
      const helperOrders = data<{ orders: OrderListEntry[] }>(await stack.call('payments', { action: 'orders' }, { openid: CHEN.openid, now: NOON })).orders;
      expect(helperOrders.find((o) => o.order.orderId === orderId)).toMatchObject({ family: { role: 'by_me', label: '妈妈' } });
      // The payer follows the receipt without acting for anyone; a third resident still cannot.
      expect(data<{ order: OrderListEntry }>(await stack.call('payments', { action: 'order', orderId }, { openid: CHEN.openid, now: NOON })).order).toMatchObject({ family: { role: 'by_me' } });
      expect((await stack.call('payments', { action: 'order', orderId }, { openid: WANG.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('tells the relative who paid that a second payment goes back to their WeChat, and the holder that it goes back to the relative', async () => {
      const [order] = await rows(`select amount from orders where id = '${orderId}'`);
      const second = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: orderId, transactionId: '4200000000000000000000000888', totalFee: order.amount, timeEnd: '20260310120300' };
      expect(await handlePayNotify(stack.deps, second, 'wx_paycallback', new Date(NOON))).toEqual({ errcode: 0, errmsg: 'OK' });
      const inbox = async (openid: string) => data<{ messages: InboxMessage[] }>(await stack.call('messages', { action: 'list' }, { openid, now: NOON })).messages.filter((m) => m.kind === 'refund');
      const [payer] = await inbox(CHEN.openid);
      expect(payer).toMatchObject({ title: '重复付款将原路退回' });
      expect(payer.body).toContain('退回您的微信支付账户');
      const [holder] = await inbox(LI.openid);
      expect(holder.body).toContain('正在原路退回代缴人的微信支付账户');
      expect(holder.body).not.toContain('退回您的微信支付账户');
    });

    it('shows the holder the payment made for them and every action taken, by whom and when', async () => {
      const holder = await list(LI.openid);
      expect(holder.helpers[0].payments).toEqual([expect.objectContaining({ orderId, what: expect.stringMatching(/^水费 /), status: 'paid' })]);
      expect(holder.actions.map((a) => [a.who, a.fn, a.action])).toEqual([
        ['儿子', 'bills', 'pay'],
        ['儿子', 'bills', 'bill'],
      ]);
      expect(holder.actions[0].what).toMatch(/^发起缴纳水费 ¥[\d,]+\.\d\d$/);
      expect(holder.actions[1].what).toBe('查看账单');
      expect(holder.actions[0].at).toBe('2026-03-10T12:00:00+08:00');
      // The helper's own list records nothing done for them.
      expect((await list(CHEN.openid)).actions).toEqual([]);
    });

    it('refuses the same helper reading traffic, outside the scope, with FORBIDDEN naming the scope', async () => {
      const r = await stack.call('traffic', { action: 'vehicles', actingFor: linkId }, { openid: CHEN.openid, now: NOON });
      expect(r).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('交通违法查询缴款') } } });
    });

    it('refuses every call from the very next one once the holder revokes, and keeps the record of what was done', async () => {
      expect(data(await me(LI.openid, { action: 'familyRevoke', linkId }))).toEqual({ revoked: true });
      for (const body of [{ action: 'bill', bindingId }, { action: 'bindings' }, { action: 'pay', bindingId, billId: 'x', idempotencyKey: 'family-pay-0002' }]) {
        expect((await stack.call('bills', { ...body, actingFor: linkId }, { openid: CHEN.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await holdersHelpedBy(stack.database.db, CHEN.openid)).toEqual([]);
      const holder = await list(LI.openid);
      expect(holder.helpers).toEqual([]);
      expect(holder.actions).toHaveLength(2);
      // Revoking again is a no-op; a stranger's revoke of it is NOT_FOUND.
      expect(data(await me(LI.openid, { action: 'familyRevoke', linkId }))).toEqual({ revoked: true });
      expect((await me(WANG.openid, { action: 'familyRevoke', linkId })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });

  it('reads the holder’s vehicle and its violations through a traffic link, and never reveals the full plate', async () => {
    const car = ZHANG.vehicles[0];
    const { vehicle } = data<{ vehicle: { vehicleId: string } }>(await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, { openid: ZHANG.openid, now: NOON }));
    const { link } = data<FamilyOutputs['familyAccept']>(await accept(LI.openid, (await invite(ZHANG.openid, ['traffic'], '爸爸')).inviteCode));
    const acting = { openid: LI.openid, now: NOON };
    expect(data<{ vehicles: Array<{ vehicleId: string }> }>(await stack.call('traffic', { action: 'vehicles', actingFor: link.linkId }, acting)).vehicles.map((v) => v.vehicleId)).toEqual([vehicle.vehicleId]);
    expect((await stack.call('traffic', { action: 'violations', vehicleId: vehicle.vehicleId, actingFor: link.linkId }, acting)).body).toMatchObject({ ok: true });
    expect((await stack.call('traffic', { action: 'revealVehicle', vehicleId: vehicle.vehicleId, actingFor: link.linkId }, acting)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The traffic link opens nothing of the holder's bills.
    expect((await stack.call('bills', { action: 'bindings', actingFor: link.linkId }, acting)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await list(ZHANG.openid)).actions.map((a) => a.what)).toEqual(['查询违法记录', '查看车辆']);
  });

  it('lets the helper end the link from their side too', async () => {
    const { link } = data<FamilyOutputs['familyAccept']>(await accept(WANG.openid, (await invite(CHEN.openid, ['tickets'])).inviteCode));
    data(await me(WANG.openid, { action: 'familyRevoke', linkId: link.linkId }));
    expect((await list(CHEN.openid)).helpers).toEqual([]);
    expect((await stack.call('tickets', { action: 'tickets', actingFor: link.linkId }, { openid: WANG.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  describe('invitations', () => {
    it.each([
      ['no scope', { scopes: [] }, 'scopes'],
      ['an unknown scope', { scopes: ['bank'] }, 'scopes.0'],
      ['a scope twice', { scopes: ['bills', 'bills'] }, 'scopes'],
      ['a label with a bidi override', { scopes: ['bills'], label: '\u202e妈妈' }, 'label'],
      ['a label of 13 characters', { scopes: ['bills'], label: '妈'.repeat(13) }, 'label'],
    ])('refuses %s naming the field, and makes no invitation', async (_, body, field) => {
      const before = (await rows('select count(*)::int as n from family_invites'))[0].n;
      const r = await me(ZHANG.openid, { action: 'familyInvite', ...body });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } } });
      expect((await rows('select count(*)::int as n from family_invites'))[0].n).toBe(before);
    });

    it('asks for the holder’s own face verification before the insurance scope, and takes it while it is live', async () => {
      const holder = 'oBmFamilyInsuranceHolder0001';
      expect((await me(holder, { action: 'familyInvite', scopes: ['bills', 'insurance'] })).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED', fields: { scopes: expect.any(String) } } });
      const as = { openid: holder, now: NOON };
      const started = data<{ verificationId: string; bizToken: string }>(await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }, as));
      await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
      data(await stack.call('insurance', { action: 'verification', verificationId: started.verificationId }, as));
      const made = await invite(holder, ['insurance'], '爸爸');
      const { link } = data<FamilyOutputs['familyAccept']>(await accept(WANG.openid, made.inviteCode));
      const [row] = await rows(`select consent_verification_id from family_links where id = '${link.linkId}'`);
      expect(row.consent_verification_id).toBe(started.verificationId);
      // The verification's 30 minutes over: no new insurance invitation until the holder verifies again.
      expect((await me(holder, { action: 'familyInvite', scopes: ['insurance'] }, '2026-03-10T12:31:00+08:00')).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      // The helper reads within the holder's live verification only, as the holder would.
      expect((await stack.call('insurance', { action: 'summary', actingFor: link.linkId }, { openid: WANG.openid, now: '2026-03-10T12:05:00+08:00' })).body).toMatchObject({ ok: true });
      expect((await stack.call('insurance', { action: 'summary', actingFor: link.linkId }, { openid: WANG.openid, now: '2026-03-10T12:31:00+08:00' })).body).toMatchObject({ ok: false, error: { code: 'VERIFICATION_REQUIRED' } });
      // Nor may a helper start a face check for the holder.
      expect((await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber, actingFor: link.linkId }, { openid: WANG.openid, now: NOON })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('accepting', () => {
    const holder = 'oBmFamilyAcceptHolder0000001';

    it('refuses one’s own code, an unknown code and a malformed one without spending a real code', async () => {
      const { inviteCode } = await invite(holder, ['bills']);
      expect((await accept(holder, inviteCode)).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { inviteCode: expect.any(String) } } });
      expect((await accept(LI.openid, 'AAAABBBBCCCCDDDD')).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await accept(LI.openid, 'short')).body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { inviteCode: expect.any(String) } } });
      expect((await accept(LI.openid, inviteCode)).body).toMatchObject({ ok: true });
    });

    it('refuses an expired code after 24 hours', async () => {
      const { inviteCode } = await invite(holder, ['bills'], '妈妈', NOON);
      expect((await accept(WANG.openid, inviteCode, '2026-03-11T12:00:01+08:00')).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('过期') } });
    });

    it('makes one link of two accepts of one code racing, and refuses the loser with CONFLICT', async () => {
      const { inviteCode } = await invite(holder, ['bills']);
      const answers = await Promise.all([accept(WANG.openid, inviteCode), accept(CHEN.openid, inviteCode)]);
      expect(answers.map((a) => (a.body.ok ? 'ok' : a.body.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
      expect((await rows(`select count(*)::int as n from family_links l join family_invites i on i.id = l.invite_id where i.holder_openid = '${holder}'`))[0].n).toBe(2);
    });

    it('refuses a second live link between the same two residents', async () => {
      const { inviteCode } = await invite(holder, ['traffic']);
      expect((await accept(LI.openid, inviteCode)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it(`stops at ${MAX_HELPERS_PER_HOLDER} helpers per holder, even when the last invitations are accepted at once`, async () => {
      const full = 'oBmFamilyFullHolder000000001';
      const helpers = Array.from({ length: MAX_HELPERS_PER_HOLDER + 2 }, (_, i) => `oBmFamilyHelper${String(i).padStart(13, '0')}`);
      const codes: string[] = [];
      for (let i = 0; i < MAX_HELPERS_PER_HOLDER; i++) codes.push((await invite(full, ['bills'])).inviteCode);
      // As many open invitations as places: a ninth waits for one to be used or to expire.
      expect((await me(full, { action: 'familyInvite', scopes: ['bills'] })).body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      for (let i = 0; i < MAX_HELPERS_PER_HOLDER - 2; i++) data(await accept(helpers[i], codes[i]));
      codes.push((await invite(full, ['bills'])).inviteCode, (await invite(full, ['bills'])).inviteCode);
      // Four open codes for the last two places, accepted at once by four relatives.
      const last = await Promise.all([6, 7, 8, 9].map((i) => accept(helpers[i], codes[i])));
      expect(last.map((a) => (a.body.ok ? 'ok' : a.body.error.code)).sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok', 'ok']);
      expect((await list(full)).helpers).toHaveLength(MAX_HELPERS_PER_HOLDER);
      expect((await me(full, { action: 'familyInvite', scopes: ['bills'] })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已达上限') } });
    });
  });
});
