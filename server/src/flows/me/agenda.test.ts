import type { AgendaItem, AgendaResult, BillResult, BindingView, TicketDetail, VehicleView, ViolationsResult } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';
import { AGENDA_SOURCE_BUDGET_MS } from './agenda';

/**
 * 我的待办 through the local gateway: 张晓明 with two households (water: two months owed,
 * electricity: one) and a car with fines, compared with what the flows' own actions say; then the
 * power company down, a slow water company, a closed service and the 12345 replies.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const TOMORROW_NOON = '2026-03-11T12:00:00+08:00';

type Body<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Body<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

const account = (r: typeof ZHANG, kind: string) => r.utilityAccounts.find((a) => a.kind === kind)!;

describe.each(STORE_KINDS)('the agenda on %s', (kind) => {
  let stack: TestStack;
  let water: BindingView;
  let power: BindingView;
  let car: VehicleView;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    const as = { openid: ZHANG.openid, now: NOON };
    const bind = async (k: string) => {
      const a = account(ZHANG, k);
      return data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId: a.providerId, accountNo: a.accountNo, holderName: a.holderName }, as)).binding;
    };
    water = await bind('water');
    power = await bind('electricity');
    const v = ZHANG.vehicles[0];
    car = data<{ vehicle: VehicleView }>(await stack.call('traffic', { action: 'addVehicle', plate: v.plate, plateKind: v.plateKind, engineNoSuffix: v.engineNoSuffix }, as)).vehicle;
  });
  afterAll(() => stack?.stop());

  const agenda = async (openid = ZHANG.openid, now = NOON) => data<AgendaResult>(await stack.call('me', { action: 'agenda' }, { openid, now }));
  const bill = async (b: BindingView, now = NOON) => data<BillResult>(await stack.call('bills', { action: 'bill', bindingId: b.bindingId }, { openid: ZHANG.openid, now }));
  const violations = async (now = NOON) => data<ViolationsResult>(await stack.call('traffic', { action: 'violations', vehicleId: car.vehicleId }, { openid: ZHANG.openid, now }));
  const fault = (dept: string, mode: string, ms?: number) =>
    fetch(`${stack.url}/api/__dev/departments/${dept}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode, ms }) });
  const itemOf = (a: AgendaResult, id: string) => {
    const found = a.items.find((i) => i.id === id);
    if (!found) throw new Error(`no agenda item ${id} among ${a.items.map((i) => i.id).join(', ')}`);
    return found;
  };

  it('lists each household’s owed bills with today’s and tomorrow’s amounts, equal to bills.bill', async () => {
    const a = await agenda();
    for (const b of [water, power]) {
      const own = await bill(b);
      const owed = own.arrears.bills.filter((x) => x.status === 'unpaid');
      expect(owed.length).toBeGreaterThan(0);
      const item = itemOf(a, `bill:${b.bindingId}`);
      expect(item).toMatchObject({
        kind: 'bill',
        forWhom: '我',
        amountDue: own.arrears.total,
        amountTomorrow: owed.reduce((s, x) => s + x.amountTomorrow, 0),
        dueAt: owed.map((x) => x.dueDate).sort()[0],
        path: `/bills/pages/bill/index?bindingId=${b.bindingId}&kind=${b.kind}`,
        pay: { fn: 'bills', bindingId: b.bindingId, billIds: owed.map((x) => x.billId) },
      });
      expect(item.bills).toEqual(owed.map((x) => ({ billId: x.billId, period: x.period, amountDue: x.amountDue, amountTomorrow: x.amountTomorrow, dueDate: x.dueDate })));
      expect(item.stale).toBeUndefined();
      // Tomorrow's amount is what bills.bill says tomorrow.
      const next = await bill(b, TOMORROW_NOON);
      expect(next.arrears.bills.map((x) => x.amountDue)).toEqual(owed.map((x) => x.amountTomorrow));
    }
    // The water bills are overdue: tomorrow costs more than today.
    const w = itemOf(a, `bill:${water.bindingId}`);
    expect(w.amountTomorrow!).toBeGreaterThan(w.amountDue!);
    expect(w.detail).toMatch(/^市自来水公司 户号 \*+\d{4}，共 2 期，已逾期 \d+ 天$/);
  });

  it('lists each fine with today’s and tomorrow’s amounts and the day its late fee caps, equal to traffic.violations', async () => {
    const a = await agenda();
    const own = await violations();
    const decided = own.groups.flatMap((g) => g.violations).filter((v) => v.status === 'decided');
    expect(decided).toHaveLength(2);
    for (const v of decided) {
      expect(itemOf(a, `fine:${v.violationId}`)).toMatchObject({
        kind: 'fine',
        title: '交通违法罚款待缴',
        amountDue: v.today!.amountDue,
        amountTomorrow: v.tomorrow!.amountDue,
        dueAt: v.dueDate,
        capReachedAt: v.capReachedOn,
        path: `/traffic/pages/violation/index?vehicleId=${car.vehicleId}&violationId=${v.violationId}`,
      });
    }
    // The cap day is the day traffic.violations first says the late fee is capped.
    const growing = decided.find((v) => !v.today!.capped)!;
    const day = growing.capReachedOn!;
    const before = new Date(new Date(`${day}T12:00:00+08:00`).getTime() - 24 * 3600_000).toISOString();
    const find = (r: ViolationsResult) => r.groups.flatMap((g) => g.violations).find((v) => v.violationId === growing.violationId)!;
    expect(find(await violations(before)).today!.capped).toBe(false);
    expect(find(await violations(`${day}T12:00:00+08:00`)).today!.capped).toBe(true);
    // The violation still to accept costs the fine itself, today and tomorrow.
    const todo = own.groups.find((g) => g.key === 'todo')!.violations.filter((v) => v.status === 'unhandled');
    for (const v of todo) expect(itemOf(a, `violation:${v.violationId}`)).toMatchObject({ amountDue: v.fine, amountTomorrow: v.fine });
  });

  it('puts the nearest deadline first and carries nothing of another resident', async () => {
    const a = await agenda();
    const dated = a.items.filter((i) => i.dueAt).map((i) => i.dueAt!);
    expect(dated).toEqual([...dated].sort());
    const other = await agenda(WANG.openid);
    expect(JSON.stringify(other)).not.toContain(water.bindingId);
    expect(JSON.stringify(other)).not.toContain(car.vehicleId);
  });

  it('says a service closed now is closed and when it reopens, with the amounts still shown', async () => {
    // Electricity payments pause for settlement 23:30–00:30; its bills can still be read.
    const a = await agenda(ZHANG.openid, '2026-03-10T23:45:00+08:00');
    const p = itemOf(a, `bill:${power.bindingId}`);
    expect(p.closed).toEqual({ reason: expect.stringContaining('00:30'), reopensAt: '2026-03-11T00:30:00+08:00' });
    expect(p.amountDue).toBeGreaterThan(0);
    // Water payments keep office hours (06:00–22:00): closed too, until the morning.
    expect(itemOf(a, `bill:${water.bindingId}`).closed).toEqual({ reason: expect.stringContaining('06:00'), reopensAt: '2026-03-11T06:00:00+08:00' });
    // At noon both are open.
    expect((await agenda()).items.filter((i) => i.closed)).toEqual([]);
  });

  it('lists a 12345 reply waiting for a rating, and the reopen window when it is about to close', async () => {
    const filed = data<{ ticket: TicketDetail }>(
      await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId: 'agenda-ticket-0001' }, { openid: ZHANG.openid, now: '2026-03-10T10:00:00+08:00' }),
    ).ticket;
    const advance = (to: string, now: string, text?: string) =>
      fetch(`${stack.url}/api/__dev/departments/hotline/tickets/${filed.ticketNo}/advance`, { method: 'POST', headers: { 'x-dev-now': now }, body: JSON.stringify({ to, text }) });
    await advance('replied', '2026-03-10T15:00:00+08:00', '经现场核查，井盖已于今日补装。');
    await fetch(`${stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T15:01:00+08:00' } });
    const a = await agenda(ZHANG.openid, '2026-03-10T15:05:00+08:00');
    expect(itemOf(a, `rate:${filed.ticketId}`)).toMatchObject({ kind: 'ticket_rating', title: '12345 答复待评价', path: `/tickets/pages/detail/index?ticketId=${filed.ticketId}` });
    expect(a.items.find((i) => i.id === `reopen:${filed.ticketId}`)).toBeUndefined();
    // A day before the 7 days run out, the reopen window shows with its end.
    const late = await agenda(ZHANG.openid, '2026-03-16T16:00:00+08:00');
    expect(itemOf(late, `reopen:${filed.ticketId}`)).toMatchObject({ kind: 'ticket_reopen', dueAt: '2026-03-17T15:00:00+08:00', detail: expect.stringContaining('15:00 截止') });
    // Rated: the rating item is gone.
    data(await stack.call('tickets', { action: 'rate', ticketId: filed.ticketId, rating: '满意' }, { openid: ZHANG.openid, now: '2026-03-16T16:01:00+08:00' }));
    expect((await agenda(ZHANG.openid, '2026-03-16T16:02:00+08:00')).items.find((i) => i.id === `rate:${filed.ticketId}`)).toBeUndefined();
  });

  it('does not wait for a slow department: the other items come within the source budget', async () => {
    await fault('water', 'slow', 8000);
    try {
      const started = Date.now();
      const a = await agenda();
      expect(Date.now() - started).toBeLessThan(AGENDA_SOURCE_BUDGET_MS + 1500);
      expect(a.items.filter((i) => i.kind === 'fine')).toHaveLength(2);
      expect(itemOf(a, `bill:${power.bindingId}`).stale).toBeUndefined();
      // The water household is shown from its last answer, or said to be unreadable — never missing.
      const w = a.items.find((i) => i.id === `bill:${water.bindingId}` || i.id === `unavailable:bill:${water.bindingId}`);
      expect(w?.stale?.since).toMatch(/\+08:00$/);
    } finally {
      await fault('water', 'ok');
    }
  });

  // Last: a department down opens its client's breaker for the rest of the stack's life.
  it('with the power company down, still lists everything else and says since when the power item is stale', async () => {
    const fresh = await bill(power);
    await fault('power', 'down');
    try {
      const a = await agenda();
      const p = itemOf(a, `bill:${power.bindingId}`);
      expect(p.stale).toEqual({ since: fresh.fetchedAt });
      expect(p.amountDue).toBe(fresh.arrears.total);
      expect(itemOf(a, `bill:${water.bindingId}`).stale).toBeUndefined();
      expect(a.items.filter((i: AgendaItem) => i.kind === 'fine')).toHaveLength(2);

      // A household the power company never answered for: one item says so, the rest still come.
      const wangPower = account(WANG, 'electricity');
      await fault('power', 'ok');
      const wangBinding = data<{ binding: BindingView }>(
        await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: wangPower.accountNo, holderName: wangPower.holderName }, { openid: WANG.openid, now: NOON }),
      ).binding;
      await fault('power', 'down');
      const w = await agenda(WANG.openid);
      expect(itemOf(w, `unavailable:bill:${wangBinding.bindingId}`)).toMatchObject({ kind: 'unavailable', title: '电费：暂时查不到', forWhom: '我', path: `/bills/pages/bill/index?bindingId=${wangBinding.bindingId}&kind=electricity` });
    } finally {
      await fault('power', 'ok');
    }
  });
});
