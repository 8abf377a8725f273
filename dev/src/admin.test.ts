import type { BillResult, BindingView, PayResult, ServicesListResult, ServiceStatusResult, StatusPageResult } from '@bianmin/core';
import type { AdminOutputs } from '@bianmin/core/admin/contract';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { LI, startTestStack, type TestStack, ZHANG } from './testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const POWER_QUERY = 'bills.electricity.query';

type Answer<T> = { status: number; body: { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } } };

function data<T>(r: Answer<T>): T {
  if (!r.body.ok) throw new Error(`${r.body.error.code}: ${r.body.error.message}`);
  return r.body.data;
}

describe.each(STORE_KINDS)('the operator console’s API on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind, process.env.ADMIN_TEST_LOG ? { log: (await import('@bianmin/server/log')).createLogger({ level: 'error' }) } : {});
  });
  afterAll(() => stack.stop());

  /** A session begun at `now`: sessions expire, and the tests move through days. */
  async function tokenOf(operatorId: string, now: string): Promise<string> {
    const r = await fetch(`${stack.url}/api/__dev/operators/${operatorId}/session`, { method: 'POST', headers: { 'x-dev-now': now } });
    const b = (await r.json()) as { ok: boolean; data: { token: string } };
    expect(b.ok).toBe(true);
    return b.data.token;
  }
  async function admin<A extends keyof AdminOutputs>(operatorId: string | null, action: A, params: Record<string, unknown> = {}, now = NOON): Promise<Answer<AdminOutputs[A]>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dev-now': now };
    if (operatorId) headers.authorization = `Bearer ${await tokenOf(operatorId, now)}`;
    const res = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers, body: JSON.stringify({ action, ...params }) });
    return { status: res.status, body: (await res.json()) as Answer<AdminOutputs[A]>['body'] };
  }
  const jobs = (name: string, now: string) => fetch(`${stack.url}/api/__dev/jobs/${name}`, { method: 'POST', headers: { 'x-dev-now': now } }).then((r) => r.json() as Promise<{ ok: boolean; data: Record<string, unknown> }>);

  it('lists operators of every role in the fixtures, a power and a water department operator among them', async () => {
    const f = (await (await fetch(`${stack.url}/api/__dev/fixtures`)).json()) as { operators: Array<{ operatorId: string; role: string; departmentId?: string }> };
    expect(f.operators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'department_operator', departmentId: 'power' }),
        expect.objectContaining({ role: 'department_operator', departmentId: 'water' }),
        expect.objectContaining({ role: 'city_admin' }),
        expect.objectContaining({ role: 'auditor' }),
      ]),
    );
    for (const o of f.operators) expect(o).not.toHaveProperty('wecomUserId');
  });

  it('answers a resident’s openid with nothing: no bearer token is 401, whatever X-Dev-OpenId says', async () => {
    const r = await stack.call('admin', { action: 'notices.list' }, { openid: ZHANG.openid, now: NOON });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(r.body)).not.toContain('notices');
    const forged = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: `Bearer ${ZHANG.openid}`, 'content-type': 'application/json' }, body: '{"action":"me"}' });
    expect(forged.status).toBe(401);
  });

  it('signs an operator in with WeChat Work: the sign-in page, a code once, a session; a member who is no operator and a used code are refused', async () => {
    const { url } = data(await admin(null, 'signInUrl', { state: 'state-0123456789' }));
    expect(url.startsWith(`${stack.wecom.url}/wwlogin/sso/login?`)).toBe(true);
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(`${stack.url}/admin/`);
    const code = stack.wecom.issueCode('LiuGongDian');
    const signed = data(await admin(null, 'signIn', { code }));
    expect(signed.operator).toMatchObject({ operatorId: 'op-power-01', role: 'department_operator', departmentId: 'power' });
    const me = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: `Bearer ${signed.token}`, 'x-dev-now': NOON }, body: '{"action":"me"}' });
    expect(((await me.json()) as { data: { operator: { name: string } } }).data.operator.name).toBe('刘供电');
    // The same code again: WeChat Work says 40029, we say sign in again.
    expect((await admin(null, 'signIn', { code })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await admin(null, 'signIn', { code: stack.wecom.issueCode('SunWeiKaiTong') })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('还没有开通') } });
    // Signed out, the token is nothing.
    await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: `Bearer ${signed.token}`, 'x-dev-now': NOON }, body: '{"action":"signOut"}' });
    const after = await fetch(`${stack.url}/api/admin`, { method: 'POST', headers: { authorization: `Bearer ${signed.token}`, 'x-dev-now': NOON }, body: '{"action":"me"}' });
    expect(after.status).toBe(401);
  });

  it('tells a resident holding a reminder for the service when a maintenance is published for it', async () => {
    // 水费缴纳 closes at 22:00: LI asks to be reminded when it opens at 06:00.
    const late = '2026-03-16T23:50:00+08:00';
    data(await stack.call('services', { action: 'remind', serviceId: 'bills.water.pay' }, { openid: LI.openid, now: late }));
    const published = data(await admin('op-water-01', 'notices.publish', { serviceIds: ['bills.water.pay'], kind: 'maintenance', startsAt: '2026-03-17T06:00:00+08:00', endsAt: '2026-03-17T10:00:00+08:00', reason: '管网数据迁移' }, late));
    expect(published.told).toBe(1);
    const inbox = data(await stack.call<{ messages: Array<{ title: string; body: string }> }>('messages', { action: 'list' }, { openid: LI.openid, now: late }));
    expect(inbox.messages.some((m) => `${m.title}${m.body}`.includes('管网数据迁移'))).toBe(true);
  });

  it('takes new opening hours from their effective day, says the change ahead, and withdraws them', async () => {
    const schedule = { timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '09:00', end: '17:00' }], closedOnHolidays: false };
    const { version } = data(await admin('op-water-01', 'schedules.set', { serviceId: 'bills.water.query', effectiveFrom: '2026-03-25', schedule, note: '夏季作息' }, '2026-03-22T12:00:00+08:00'));
    expect(version).toMatchObject({ serviceId: 'bills.water.query', effectiveFrom: '2026-03-25', status: 'scheduled' });
    const before = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: 'bills.water.query' }, { openid: null, now: '2026-03-24T20:00:00+08:00' }));
    expect(before.schedule.lines.join('\n')).toContain('自 2026年3月25日起');
    const on = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: 'bills.water.query' }, { openid: null, now: '2026-03-25T20:00:00+08:00' }));
    expect(on.availability.state).toBe('closed');
    expect((await admin('op-power-01', 'schedules.withdraw', { versionId: version.versionId }, '2026-03-22T12:05:00+08:00')).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const withdrawn = data(await admin('op-water-01', 'schedules.withdraw', { versionId: version.versionId, note: '取消' }, '2026-03-22T12:10:00+08:00'));
    expect(withdrawn.version.status).toBe('withdrawn');
    const back = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: 'bills.water.query' }, { openid: null, now: '2026-03-25T20:00:00+08:00' }));
    expect(back.availability.state).toBe('open');
    expect(back.schedule.lines.join('\n')).not.toContain('2026年3月25日');
  });

  it('records a department’s outage from the health probes, with start, end and cause, and the status page counts it against uptime', async () => {
    const fault = (mode: 'down' | 'ok') => fetch(`${stack.url}/api/__dev/departments/gas/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
    expect((await jobs('health', '2026-03-26T09:00:00+08:00')).ok).toBe(true);
    await fault('down');
    await jobs('health', '2026-03-26T09:01:00+08:00');
    await jobs('health', '2026-03-26T09:02:00+08:00');
    await fault('ok');
    await jobs('health', '2026-03-26T09:03:00+08:00');
    const h = data(await admin('op-admin-01', 'health.history', { departmentId: 'gas', days: 7 }, '2026-03-26T09:05:00+08:00'));
    const gas = h.departments.find((d) => d.departmentId === 'gas')!;
    expect(gas.state).toBe('up');
    expect(gas.outages[0]).toMatchObject({ startedAt: '2026-03-26T09:01:00+08:00', endedAt: '2026-03-26T09:03:00+08:00', minutes: 2 });
    expect(gas.outages[0].cause.length).toBeGreaterThan(0);
    expect(gas.uptime.share).toBeGreaterThan(0);
    expect(gas.uptime.share).toBeLessThan(1);
    const page = data(await stack.call<StatusPageResult>('services', { action: 'statusPage' }, { openid: null, now: '2026-03-26T09:05:00+08:00' }));
    const gasUptime = page.departments.find((d) => d.departmentId === 'gas')!.uptime.days30;
    expect(gasUptime).not.toBeNull();
    expect(gasUptime!).toBeLessThan(1);
    expect(page.services.find((s) => s.departmentId === 'gas')!.incidents).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'outage', startedAt: '2026-03-26T09:01:00+08:00' })]));
  });

  it('power publishes tomorrow’s 01:00–03:00 maintenance: closed at 02:00 with the reason, reopening at 03:00, on the hub, the status page and in the audit log', async () => {
    const published = data(
      await admin('op-power-01', 'notices.publish', {
        serviceIds: [POWER_QUERY],
        kind: 'maintenance',
        startsAt: '2026-03-11T01:00:00+08:00',
        endsAt: '2026-03-11T03:00:00+08:00',
        reason: '电费系统升级',
        stillWorks: '已提交的缴费照常到账',
        alternative: '拨打 95598（24 小时）',
      }),
    );
    expect(published.notice).toMatchObject({ kind: 'maintenance', status: 'upcoming', serviceIds: [POWER_QUERY], createdBy: 'op-power-01' });

    const at2 = '2026-03-11T02:00:00+08:00';
    const status = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: at2 }));
    expect(status.availability).toMatchObject({ state: 'maintenance', opensAt: '2026-03-11T03:00:00+08:00', notice: { reason: '电费系统升级', alternative: '拨打 95598（24 小时）' } });
    expect(status.availability.message).toContain('电费系统升级');
    expect(status.availability.message).toContain('03:00');
    // The pay service of the same department is not named: it stays open.
    const hub = data(await stack.call<ServicesListResult>('services', { action: 'list' }, { openid: null, now: at2 }));
    expect(hub.services.find((s) => s.id === POWER_QUERY)!.availability.state).toBe('maintenance');
    expect(hub.notices.find((n) => n.serviceId === POWER_QUERY)).toMatchObject({ kind: 'maintenance', routine: false });
    // A call into the closed service is refused by the guard with the same words.
    const { binding } = data(await stack.call<{ binding: BindingView }>('bills', { action: 'bind', providerId: 'power', accountNo: ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!.accountNo, holderName: ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!.holderName }, { now: NOON }));
    const refused = await stack.call<BillResult>('bills', { action: 'bill', bindingId: binding.bindingId }, { now: at2 });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'SERVICE_MAINTENANCE' } });
    // The day before, the hub's week ahead and the status page know it.
    const ahead = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: NOON }));
    expect(ahead.upcoming.some((c) => c.startsAt === '2026-03-11T01:00:00+08:00' && c.endsAt === '2026-03-11T03:00:00+08:00')).toBe(true);
    const page = data(await stack.call<StatusPageResult>('services', { action: 'statusPage' }, { openid: null, now: NOON }));
    const row = page.services.find((s) => s.serviceId === POWER_QUERY)!;
    expect(row.notices).toEqual([expect.objectContaining({ noticeId: published.notice.noticeId, reason: '电费系统升级', status: 'upcoming' })]);
    // At 03:00 it is open again.
    const at3 = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: '2026-03-11T03:00:00+08:00' }));
    expect(at3.availability.state).not.toBe('maintenance');

    const audit = data(await admin('op-auditor-01', 'audit.list', { ofAction: 'notices.publish' }));
    expect(audit.entries[0]).toMatchObject({ operatorId: 'op-power-01', operatorName: '刘供电', action: 'notices.publish', subjectId: published.notice.noticeId, before: null });
  });

  it('refuses a water operator publishing for power (FORBIDDEN) and changes nothing', async () => {
    const before = data(await admin('op-admin-01', 'notices.list', { status: 'all' })).notices.length;
    const r = await admin('op-water-01', 'notices.publish', { serviceIds: [POWER_QUERY], kind: 'incident', startsAt: NOON, reason: '不是我们的服务' });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(data(await admin('op-admin-01', 'notices.list', { status: 'all' })).notices.length).toBe(before);
  });

  it('keeps auditors read-only and the audit log from department operators', async () => {
    const w = await admin('op-auditor-01', 'notices.publish', { serviceIds: [POWER_QUERY], kind: 'notice', startsAt: NOON, reason: '审计不能发' });
    expect(w.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const a = await admin('op-water-01', 'audit.list', {});
    expect(a.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('withdraws a notice that has not begun: it is ended at once and never closes the service', async () => {
    const { notice } = data(await admin('op-power-01', 'notices.publish', { serviceIds: [POWER_QUERY], kind: 'maintenance', startsAt: '2026-03-20T01:00:00+08:00', endsAt: '2026-03-20T03:00:00+08:00', reason: '计划取消的维护' }));
    const ended = data(await admin('op-power-01', 'notices.end', { noticeId: notice.noticeId, note: '改期' }));
    expect(ended.notice.status).toBe('ended');
    expect(data(await admin('op-power-01', 'notices.list', { status: 'current' })).notices.map((n) => n.noticeId)).not.toContain(notice.noticeId);
    const then = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: '2026-03-20T02:00:00+08:00' }));
    expect(then.availability.state).not.toBe('maintenance');
  });

  it('ends a notice early: the service opens at once, the end is audited with before → after', async () => {
    const { notice } = data(await admin('op-power-01', 'notices.publish', { serviceIds: [POWER_QUERY], kind: 'incident', startsAt: '2026-03-12T09:00:00+08:00', reason: '抄表数据异常' }, '2026-03-12T09:00:00+08:00'));
    const during = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: '2026-03-12T09:30:00+08:00' }));
    expect(during.availability).toMatchObject({ state: 'down', reason: 'incident' });
    const ended = data(await admin('op-power-01', 'notices.end', { noticeId: notice.noticeId }, '2026-03-12T10:00:00+08:00'));
    expect(ended.notice.status).toBe('ended');
    const after = data(await stack.call<ServiceStatusResult>('services', { action: 'status', serviceId: POWER_QUERY }, { openid: null, now: '2026-03-12T10:05:00+08:00' }));
    expect(after.availability.state).toBe('open');
    const audit = data(await admin('op-admin-01', 'audit.list', { ofAction: 'notices.end' }));
    expect(audit.entries[0]).toMatchObject({ operatorId: 'op-power-01', subjectId: notice.noticeId, before: expect.objectContaining({ reason: '抄表数据异常', endedAt: null }), after: expect.objectContaining({ endedAt: '2026-03-12T02:00:00.000Z' }) });
  });

  it('lists a payment WeChat settled that our ledger lacks after the daily reconciliation', async () => {
    // Planted in WeChat Pay's books only: no order of ours carries it.
    stack.pay!.orders.set('BMPLANTED000000000001', { outTradeNo: 'BMPLANTED000000000001', totalFee: 4321, state: 'SUCCESS', transactionId: '4200000000000000000000000001', timeEnd: '20260313101500', refunds: new Map() });
    const run = await jobs('reconcile', '2026-03-14T11:00:00+08:00');
    if (!run.ok) throw new Error(JSON.stringify(run));
    expect(run).toMatchObject({ ok: true, data: { day: '2026-03-13', ran: true } });
    const q = data(await admin('op-admin-01', 'queues.differences', {}, '2026-03-14T11:05:00+08:00'));
    expect(q.differences).toEqual(expect.arrayContaining([expect.objectContaining({ day: '2026-03-13', orderId: 'BMPLANTED000000000001', wechatAmount: 4321, ledgerAmount: null, status: 'open' })]));
    expect(q.lastRun).toMatchObject({ day: '2026-03-13', status: 'done' });
  });

  it('puts a refund WeChat refused three times in the refunds queue, and a retry from there succeeds once WeChat accepts', async () => {
    const liPower = LI.utilityAccounts.find((a) => a.kind === 'electricity')!;
    const t = '2026-03-15T12:00:00+08:00';
    const { binding } = data(await stack.call<{ binding: BindingView }>('bills', { action: 'bind', providerId: 'power', accountNo: liPower.accountNo, holderName: liPower.holderName }, { openid: LI.openid, now: t }));
    const b = data(await stack.call<BillResult>('bills', { action: 'bill', bindingId: binding.bindingId }, { openid: LI.openid, now: t }));
    const bill = b.arrears.bills[0];
    const { order } = data(await stack.call<PayResult>('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.billId, idempotencyKey: 'queue-refund-01' }, { openid: LI.openid, now: t }));
    const power = stack.sandboxes.power;
    // Paid at the counter meanwhile: the department refuses our posting and the money must go back.
    await fetch(`${power.url}/payments?asOf=2026-03-15`, { method: 'POST', headers: { 'x-api-key': power.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ orderId: 'COUNTER-Q1', accountNo: liPower.accountNo, billId: bill.billId, amount: bill.amountDue, paidAt: t }) });
    await fetch(`${stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': t } });
    await jobs('outbox', '2026-03-15T12:01:00+08:00');
    stack.pay!.refuseRefunds('NOTENOUGH');
    // Each run asks once the refund's next attempt is due; a day apart is past every backoff.
    for (const day of ['16', '17', '18']) await jobs('refunds', `2026-03-${day}T12:00:00+08:00`);
    const q = data(await admin('op-power-01', 'queues.refunds', {}, '2026-03-18T12:05:00+08:00'));
    const stuck = q.refunds.find((r) => r.orderId === order.orderId);
    expect(stuck).toMatchObject({ departmentId: 'power', amount: order.amount, status: 'pending' });
    expect(stuck!.attempts).toBeGreaterThanOrEqual(3);
    expect(stuck!.lastError).toContain('NOTENOUGH');
    expect(stuck!.lastError).toContain('余额不足');
    // Water sees none of power's money.
    expect(data(await admin('op-water-01', 'queues.refunds', {}, '2026-03-18T12:05:00+08:00')).refunds.find((r) => r.orderId === order.orderId)).toBeUndefined();
    expect((await admin('op-water-01', 'queues.retryRefund', { refundId: stuck!.refundId }, '2026-03-18T12:06:00+08:00')).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    stack.pay!.refuseRefunds(null);
    const retried = data(await admin('op-power-01', 'queues.retryRefund', { refundId: stuck!.refundId, note: '商户账户已充值' }, '2026-03-18T12:10:00+08:00'));
    expect(retried.outcome).not.toBe('refused');
    const audit = data(await admin('op-auditor-01', 'audit.list', { ofAction: 'queues.retryRefund' }));
    expect(audit.entries[0]).toMatchObject({ operatorId: 'op-power-01', subjectId: stuck!.refundId, note: '商户账户已充值' });
  });
});
