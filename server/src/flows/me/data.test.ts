import type { BillResult, BindingView, DeletePlan, DeleteResult, FamilyListResult, FamilyOutputs, MyDataExport, PayResult } from '@bianmin/core';
import { LI, startTestStack, type TestStack, ZHANG } from '@bianmin/dev/testing/stack';
import { STORE_KINDS } from '../../db/testing/index';

const NOON = '2026-03-10T12:00:00+08:00';
/** Past every order's 30 minutes and the longest rate-limit window (1 hour): nothing of noon still counts. */
const LATER = '2026-03-10T14:00:00+08:00';
const at = (hhmm: string) => `2026-03-10T${hhmm}:00+08:00`;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

type Rows = { rows: Array<Record<string, unknown>> };

describe.each(STORE_KINDS)('my data (export and deletion) on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const me = <T>(body: Record<string, unknown>, openid = ZHANG.openid, now = LATER) => stack.call<T>('me', body, { openid, now });
  const query = async (text: string): Promise<Array<Record<string, unknown>>> => ((await stack.database.db.execute(text)) as unknown as Rows).rows;
  const job = (name: string, now: string) => fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json());
  const as = { openid: ZHANG.openid, now: NOON };
  const water = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
  const power = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const car = ZHANG.vehicles[0];
  let settledOrderId: string;
  let openOrderId: string;

  /** Two households, a vehicle, a passed face verification, a 12345 ticket, a settled payment and an unpaid order. */
  beforeAll(async () => {
    const bindings: string[] = [];
    for (const a of [water, power]) {
      bindings.push(data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: a.providerId, accountNo: a.accountNo, holderName: a.holderName, label: '我家' }, as)).binding.bindingId);
    }
    data(await stack.call('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as));
    const started = data<{ verificationId: string; bizToken: string }>(await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }, as));
    await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
    data(await stack.call('insurance', { action: 'verification', verificationId: started.verificationId }, as));
    data(await stack.call('insurance', { action: 'summary', verificationId: started.verificationId }, as));
    data(await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, contactPhone: ZHANG.phone, requestId: 'my-data-ticket-0001' }, as));
    // The water bill paid and posted (settled); the power bill's order left unpaid.
    const waterBill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: bindings[0] }, as));
    settledOrderId = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: bindings[0], billId: waterBill.arrears.bills[0].billId, idempotencyKey: 'my-data-pay-0001' }, as)).order.orderId;
    expect(await (await fetch(`${stack.url}/api/__dev/payments/${settledOrderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'OK' });
    expect(await job('outbox', at('12:01'))).toMatchObject({ ok: true, data: { settled: 1 } });
    const powerBill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: bindings[1] }, as));
    openOrderId = data<PayResult>(await stack.call('bills', { action: 'pay', bindingId: bindings[1], billId: powerBill.arrears.bills[0].billId, idempotencyKey: 'my-data-pay-0002' }, as)).order.orderId;
  });

  it('exports everything held about the resident in full — households, vehicle, verification, ticket, orders — and nothing of anyone else', async () => {
    const doc = data<MyDataExport>(await me({ action: 'export' }, ZHANG.openid, at('12:05')));
    expect(doc).toMatchObject({ format: 'bianmin.my-data/1', openid: ZHANG.openid, exportedAt: at('12:05') });
    const rows = (key: string) => doc.sections.find((s) => s.key === key)!.rows;
    expect(rows('bindings').map((r) => r.accountNo).sort()).toEqual([power.accountNo, water.accountNo].sort());
    expect(rows('bindings')[0]).toMatchObject({ address: water.address, label: '我家' });
    expect(rows('vehicles')).toEqual([expect.objectContaining({ plate: car.plate, engineNoSuffix: car.engineNoSuffix })]);
    expect(rows('insurance_verifications')).toEqual([expect.objectContaining({ status: 'passed', nameMasked: '张*明' })]);
    expect(rows('insurance_access_log').length).toBeGreaterThan(0);
    expect(rows('tickets')).toEqual([expect.objectContaining({ description: '小区门口的井盖缺失已经三天了，晚上很危险。', contactPhone: ZHANG.phone })]);
    expect(rows('orders').map((r) => [r.id, r.status])).toEqual([[settledOrderId, 'settled'], [openOrderId, 'pending']]);
    expect(rows('orders')[0]).toMatchObject({ accountRef: water.accountNo, paidAt: expect.stringMatching(/\+08:00$/) });
    for (const s of doc.sections) {
      expect(s.title && s.retention && s.onDelete).toBeTruthy();
      for (const r of s.rows) expect(Object.keys(r)).toEqual(s.fields.map((f) => f.key));
    }
    // The sealed provider secret and the ID number's keyed hash are not the resident's to read.
    expect(JSON.stringify(doc)).not.toMatch(/idHash|providerSecret|bizToken/);
    expect(doc.audit).toEqual([{ at: at('12:05'), event: 'export', summary: expect.stringContaining('查看或导出了全部数据') }]);

    const theirs = JSON.stringify(data<MyDataExport>(await me({ action: 'export' }, LI.openid, at('12:05'))));
    for (const s of [ZHANG.openid, water.accountNo, power.accountNo, car.plate, settledOrderId, '井盖']) expect(theirs).not.toContain(s);
  });

  it('names an order being paid as what blocks deletion, and refuses to delete under it, erasing nothing', async () => {
    const plan = data<DeletePlan>(await me({ action: 'deletePlan' }, ZHANG.openid, at('12:10')));
    expect(plan.blockedBy).toEqual([{ orderId: openOrderId, what: expect.stringContaining('正在等待支付'), until: at('12:30') }]);
    const r = await me({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除' }, ZHANG.openid, at('12:11'));
    expect(r).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(openOrderId) } } });
    expect((await query(`select count(*)::int as n from bindings where openid = '${ZHANG.openid}'`))[0].n).toBe(2);
  });

  describe('once the unpaid order has closed', () => {
    let plan: DeletePlan;
    beforeAll(async () => {
      await job('expire', LATER);
      plan = data<DeletePlan>(await me({ action: 'deletePlan' }));
    });

    it('plans the deletion: what is erased, the paid order kept and why, the ticket 12345 keeps, ten minutes to confirm — and erases nothing yet', async () => {
      expect(plan).toMatchObject({ confirmWord: '删除', blockedBy: [], expiresAt: '2026-03-10T14:10:00+08:00', confirmToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      const erase = Object.fromEntries(plan.erase.map((e) => [e.key, e.count]));
      expect(erase).toMatchObject({ bindings: 2, vehicles: 1, insurance_verifications: 1, tickets: 1, orders: 1 });
      expect(plan.keep).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'orders', count: 1, why: expect.stringContaining('30 年') })]));
      expect(plan.notes.join('')).toContain('12345');
      expect((await query(`select count(*)::int as n from vehicles where openid = '${ZHANG.openid}'`))[0].n).toBe(1);
    });

    it.each([
      ['a wrong word', { confirmWord: '确定' }, 'INVALID_INPUT', 'confirmWord'],
      ['no word', { confirmWord: undefined }, 'INVALID_INPUT', 'confirmWord'],
      ['a made-up confirmation', { confirmToken: 'A'.repeat(43) }, 'NOT_FOUND', 'confirmToken'],
    ])('refuses %s and erases nothing', async (_l, over, code, field) => {
      const r = await me({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除', ...over });
      expect(r.body).toMatchObject({ ok: false, error: { code, fields: { [field]: expect.any(String) } } });
      expect((await query(`select count(*)::int as n from bindings where openid = '${ZHANG.openid}'`))[0].n).toBe(2);
    });

    it('refuses another resident sending the first resident’s live confirmation with NOT_FOUND, erasing nothing of either', async () => {
      const r = await me({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除' }, LI.openid);
      expect(r).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
      expect((await query(`select count(*)::int as n from bindings where openid = '${ZHANG.openid}'`))[0].n).toBe(2);
    });

    it('refuses a confirmation past its ten minutes', async () => {
      const r = await me({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除' }, ZHANG.openid, '2026-03-10T14:10:00+08:00');
      expect(r.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('过期') } });
    });

    it('deletes once for two confirmations arriving together; after it the export holds nothing personal, the households, vehicle and verification are gone, and the paid order stays without openid', async () => {
      const both = await Promise.all([0, 1].map(() => me<DeleteResult>({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: ' 删除 ' }, ZHANG.openid, '2026-03-10T14:01:00+08:00')));
      const done = both.filter((r) => r.body.ok);
      expect(done).toHaveLength(1);
      expect(both.find((r) => !r.body.ok)?.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const result = data<DeleteResult>(done[0]);
      expect(Object.fromEntries(result.erased.map((e) => [e.key, e.count]))).toMatchObject({ bindings: 2, vehicles: 1, insurance_verifications: 1, tickets: 1, orders: 1 });
      expect(result.kept).toEqual([expect.objectContaining({ key: 'order_lines' }), expect.objectContaining({ key: 'orders', count: 1 })]);

      const doc = data<MyDataExport>(await me({ action: 'export' }, ZHANG.openid, '2026-03-10T14:02:00+08:00'));
      expect(doc.sections.filter((s) => s.rows.length).map((s) => s.key)).toEqual([]);
      const text = JSON.stringify({ ...doc, openid: '' });
      for (const s of [ZHANG.openid, ZHANG.name, ZHANG.idNumber, ZHANG.phone, water.accountNo, power.accountNo, car.plate, water.address, '井盖']) expect(text).not.toContain(s);
      expect(doc.audit.map((e) => e.event)).toEqual(['export', 'delete_requested', 'delete_requested', 'deleted', 'export']);
      expect(doc.audit[3].summary).toMatch(/^删除了 \d+ 条记录，保留 \d+ 条/);

      for (const t of ['bindings', 'vehicles', 'insurance_verifications', 'tickets', 'messages', 'insurance_access_log']) {
        expect([t, (await query(`select count(*)::int as n from ${t} where openid = '${ZHANG.openid}'`))[0].n]).toEqual([t, 0]);
      }
      // No text or JSON column of any table holds the openid, the name or the ID number any more.
      const columns = await query(`select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type in ('text', 'jsonb', 'ARRAY')`);
      for (const c of columns) {
        for (const s of [ZHANG.openid, ZHANG.name, ZHANG.idNumber]) {
          const [{ n }] = await query(`select count(*)::int as n from "${c.table_name}" where "${c.column_name}"::text like '%${s}%'`);
          expect([c.table_name, c.column_name, s, n]).toEqual([c.table_name, c.column_name, s, 0]);
        }
      }
      const [kept] = await query(`select openid, account_ref, binding_id, status, amount, transaction_id from orders where id = '${settledOrderId}'`);
      expect(kept).toMatchObject({ openid: `erased:${settledOrderId}`, account_ref: `*****${water.accountNo.slice(-4)}`, binding_id: null, status: 'settled', transaction_id: expect.any(String) });
      expect((await query(`select count(*)::int as n from orders where id = '${openOrderId}'`))[0].n).toBe(0);
      expect(data<{ orders: unknown[] }>(await stack.call('payments', { action: 'orders' }, { openid: ZHANG.openid, now: LATER })).orders).toEqual([]);
      // The audit outlives the openid: it holds its keyed hash, and no row of it can be rewritten.
      for (const change of [`update account_audit set event = 'export'`, `delete from account_audit`]) {
        const refused = await stack.database.db.execute(change).then(() => null, (e: { cause?: Error }) => e.cause?.message);
        expect(refused).toMatch(/account_audit is append-only/);
      }
    });
  });

  it('keeps a rate limit’s hits while they still count, so deleting cannot reset a limit on guessing', async () => {
    const openid = 'oMyDataLimit0000000000000001';
    const guess = (n: number) => stack.call('bills', { action: 'bind', providerId: 'power', accountNo: power.accountNo, holderName: `王${n}` }, { openid, now: NOON });
    for (let n = 0; n < 2; n++) expect((await guess(n)).body).toMatchObject({ ok: false });
    const plan = data<DeletePlan>(await me({ action: 'deletePlan' }, openid, at('12:05')));
    expect(plan.keep).toEqual([expect.objectContaining({ key: 'rate_limits', count: 1 })]);
    data(await me({ action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除' }, openid, at('12:06')));
    expect((await query(`select count(*)::int as n from rate_limits where caller = '${openid}'`))[0].n).toBe(1);
  });
});

describe.each(STORE_KINDS)('deleting a resident of a family circle (亲友代办) on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const call = <T>(fn: 'me' | 'bills', body: Record<string, unknown>, openid: string, now = NOON) => stack.call<T>(fn, body, { openid, now });
  const query = async (text: string): Promise<Array<Record<string, unknown>>> => ((await stack.database.db.execute(text)) as unknown as Rows).rows;
  const erase = async (openid: string, now: string) => {
    const plan = data<DeletePlan>(await call('me', { action: 'deletePlan' }, openid, now));
    return data<DeleteResult>(await call('me', { action: 'delete', confirmToken: plan.confirmToken, confirmWord: '删除' }, openid, now));
  };

  it('the helper’s deletion ends their links and keeps the holder’s record of what was done, without the helper’s openid; the holder’s deletion takes the circle with it', async () => {
    const { inviteCode } = data<FamilyOutputs['familyInvite']>(await call('me', { action: 'familyInvite', scopes: ['bills'], label: '妈妈' }, LI.openid));
    const { link } = data<FamilyOutputs['familyAccept']>(await call('me', { action: 'familyAccept', inviteCode }, ZHANG.openid));
    data(await call('bills', { action: 'bindings', actingFor: link.linkId }, ZHANG.openid));
    expect(data<FamilyListResult>(await call('me', { action: 'familyList' }, LI.openid)).actions).toHaveLength(1);

    await erase(ZHANG.openid, at('12:10'));
    // Nothing anywhere names the helper any more; the holder still sees what was done for her, and by whom (her word for him).
    for (const table of ['family_links', 'family_actions', 'family_invites', 'orders']) {
      expect(await query(`SELECT * FROM ${table} WHERE row_to_json(${table})::text LIKE '%${ZHANG.openid}%'`)).toEqual([]);
    }
    const holder = data<FamilyListResult>(await call('me', { action: 'familyList' }, LI.openid, at('12:11')));
    expect(holder.helpers).toEqual([]);
    expect(holder.actions).toHaveLength(1);
    expect(await call('bills', { action: 'bindings', actingFor: link.linkId }, ZHANG.openid, at('12:12'))).toMatchObject({ body: { ok: false, error: { code: 'FORBIDDEN' } } });

    await erase(LI.openid, at('12:20'));
    expect(await query(`SELECT id::text FROM family_links UNION ALL SELECT id::text FROM family_actions UNION ALL SELECT id::text FROM family_invites`)).toEqual([]);
  });
});
