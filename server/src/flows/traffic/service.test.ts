import { fileIdSchema } from '@bianmin/core/files';
import type { OrderListEntry, TrafficOrderView, TrafficPayResult, VehicleView, ViolationsResult, ViolationView } from '@bianmin/core';
import { openTestDatabase, STORE_KINDS } from '../../db/testing/index';
import { type Stack, startStack } from '@bianmin/dev/stack';
import type { TrafficPosting } from '@bianmin/dev/sandboxes/traffic';
import { CHEN, LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

/** The demo date: one fine decided 60 days before (2026-01-09), one 17 days before (2026-02-21). */
const NOON = '2026-03-10T12:00:00+08:00';
const ZHANG_CAR = ZHANG.vehicles[0];
const [WANG_CAR, WANG_EV] = WANG.vehicles;
const CAPPED = '44030126000001';
const SEVENTEEN = '44030126000002';
const CONFIRMABLE = '44030126000003';
const PAID_BEFORE = '44030126000004';
const POINTS = '44030226000001';
const APPEAL = '44030226000002';

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

const all = (r: ViolationsResult) => r.groups.flatMap((g) => g.violations);
const find = (r: ViolationsResult, id: string) => all(r).find((v) => v.violationId === id)!;

describe.each(STORE_KINDS)('traffic violations on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const call = <T>(body: Record<string, unknown>, opts: { openid?: string; now?: string } = {}) => stack.call<T>('traffic', body, { now: NOON, ...opts });
  // Orders and receipts of every kind are the payments function's.
  const payments = <T>(body: Record<string, unknown>, opts: { openid?: string; now?: string } = {}) => stack.call<T>('payments', body, { now: NOON, ...opts });
  const fines = (r: { body: unknown }) => data<{ orders: OrderListEntry[] }>(r as never).orders.flatMap((e) => (e.flow === 'traffic' ? [e.order] : []));
  const violations = (vehicleId: string, opts: { openid?: string; now?: string } = {}) => call<ViolationsResult>({ action: 'violations', vehicleId }, opts);
  const confirmPayment = (orderId: string, now = NOON) => fetch(`${stack.url}/api/__dev/payments/${orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': now } });
  const postings = () => stack.sandboxes.traffic.postings!() as TrafficPosting[];

  let vehicleId: string;

  it('stores a plate typed as “粤b 12345” as 粤B12345 once the traffic police match the engine suffix, and shows it masked', async () => {
    const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: '粤b 12345', plateKind: 'small_car', engineNoSuffix: ZHANG_CAR.engineNoSuffix.toLowerCase() }));
    expect(vehicle).toMatchObject({ plateMasked: '粤B·1**45', plateKind: 'small_car', plateKindName: '小型汽车', vehicleType: '小型轿车' });
    vehicleId = vehicle.vehicleId;
    expect(data(await call({ action: 'revealVehicle', vehicleId }))).toEqual({ plate: '粤B12345', plateFormatted: '粤B·12345' });
    const rows = await stack.database.db.execute(`select plate from vehicles where id = '${vehicleId}'`);
    expect((rows as unknown as { rows: Array<{ plate: string }> }).rows[0].plate).toBe('粤B12345');
    const again = await call({ action: 'addVehicle', plate: '粤B·12345', plateKind: 'small_car', engineNoSuffix: ZHANG_CAR.engineNoSuffix });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it.each([
    ['京A123456 (8 characters without D/F)', { plate: '京A123456' }, 'plate', /新能源小型车号牌第 3 位应为 D 或 F/],
    ['an O in the sequence', { plate: '粤B1O345', plateKind: 'small_car' }, 'plate', /号牌不使用字母 O，是否为数字 0？/],
    ['an ordinary plate without its kind', { plate: '粤B54321' }, 'plateKind', /请选择号牌种类/],
    ['a kind the plate contradicts', { plate: '粤BD12345', plateKind: 'large_car' }, 'plateKind', /是小型新能源汽车号牌/],
    ['a five-character engine suffix', { plate: '粤B12345', plateKind: 'small_car', engineNoSuffix: 'A6123' }, 'engineNoSuffix', /6 位字母或数字/],
  ])('refuses %s with INVALID_INPUT naming the reason on the field, and adds nothing', async (_l, over, field, reason) => {
    const r = await call({ action: 'addVehicle', engineNoSuffix: 'A61234', ...over }, { openid: CHEN.openid });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.stringMatching(reason) } } });
    expect(data<{ vehicles: VehicleView[] }>(await call({ action: 'vehicles' }, { openid: CHEN.openid })).vehicles).toEqual([]);
  });

  it('accepts 京AD1234 as an ordinary plate (a D at the front is just a letter there)', async () => {
    const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: '京ad1234', plateKind: 'small_car', engineNoSuffix: LI.vehicles[0].engineNoSuffix }, { openid: LI.openid }));
    expect(vehicle).toMatchObject({ plateKind: 'small_car', plateMasked: '京A·D**34' });
  });

  it('answers a wrong engine suffix and an unknown plate with the same NOT_FOUND, revealing nothing', async () => {
    const wrongSuffix = await call({ action: 'addVehicle', plate: WANG_CAR.plate, plateKind: 'small_car', engineNoSuffix: '000000' }, { openid: CHEN.openid });
    const unknown = await call({ action: 'addVehicle', plate: '粤B99999', plateKind: 'small_car', engineNoSuffix: '000000' }, { openid: CHEN.openid });
    const wrongKind = await call({ action: 'addVehicle', plate: WANG_CAR.plate, plateKind: 'large_car', engineNoSuffix: WANG_CAR.engineNoSuffix }, { openid: CHEN.openid });
    expect(wrongSuffix.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { engineNoSuffix: expect.any(String) } } });
    expect(unknown.body).toEqual(wrongSuffix.body);
    expect(wrongKind.body).toEqual(wrongSuffix.body);
    expect(data<{ vehicles: VehicleView[] }>(await call({ action: 'vehicles' }, { openid: CHEN.openid })).vehicles).toEqual([]);
  });

  it('groups the violations as 待处理 / 待缴款 / 已完成 with counts and totals, and the late fee as of today', async () => {
    const r = data<ViolationsResult>(await violations(vehicleId));
    expect(r).toMatchObject({ stale: false, fetchedAt: expect.stringMatching(/\+08:00$/), vehicle: { plateMasked: '粤B·1**45' } });
    // When the traffic police last changed this vehicle's records (their overnight import), apart from when we asked.
    expect(r.recordsUpdatedAt).toBe('2026-03-09T02:15:00+08:00');
    expect(r.groups.map((g) => [g.title, g.count])).toEqual([
      ['待处理', 1],
      ['待缴款', 2],
      ['已完成', 1],
    ]);
    const capped = find(r, CAPPED);
    // Decided 2026-01-09, 60 days before: 45 overdue days × 3% > 100%, so the late fee is the fine itself.
    expect(capped).toMatchObject({ status: 'decided', group: 'payable', fine: 20000, decisionDate: '2026-01-09', dueDate: '2026-01-24', today: { overdueDays: 45, lateFee: 20000, amountDue: 40000, capped: true } });
    expect(capped.today!.note).toBe('逾期 45 天，加处罚款 ¥200.00，已达上限（不超过罚款本金）');
    const seventeen = find(r, SEVENTEEN);
    // Decided 2026-02-21, 17 days before: 2 overdue days × 3% of ¥100.
    expect(seventeen).toMatchObject({ fine: 10000, points: 3, today: { overdueDays: 2, lateFee: 600, amountDue: 10600, note: '逾期 2 天，加处罚款 ¥6.00，最多不超过罚款本金' } });
    expect(seventeen.tomorrow).toMatchObject({ overdueDays: 3, lateFee: 900, amountDue: 10900 });
    expect(r.groups[1].total).toBe(40000 + 10600);
    expect(find(r, CONFIRMABLE)).toMatchObject({ status: 'unhandled', group: 'todo', confirmable: true, source: 'electronic', sourceName: '电子监控' });
    expect(find(r, PAID_BEFORE)).toMatchObject({ status: 'paid', group: 'done' });
    // Place, law and evidence as the resident reads them.
    expect(capped).toMatchObject({ place: expect.stringContaining('深南大道'), law: expect.stringContaining('第五十六条'), code: '1039', office: expect.stringContaining('交通警察局') });
    const photo = await fetch(capped.evidence[0]);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('says “today” on the Shanghai calendar: at 23:59 and at 00:01 the late fee differs by one day', async () => {
    const before = find(data<ViolationsResult>(await violations(vehicleId, { now: '2026-03-10T23:59:00+08:00' })), SEVENTEEN);
    const after = find(data<ViolationsResult>(await violations(vehicleId, { now: '2026-03-11T00:01:00+08:00' })), SEVENTEEN);
    expect([before.today!.overdueDays, after.today!.overdueDays]).toEqual([2, 3]);
  });

  it('does not let another resident see, pay, confirm or remove the vehicle', async () => {
    expect((await violations(vehicleId, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call({ action: 'violation', vehicleId, violationId: CAPPED }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call({ action: 'pay', vehicleId, violationId: CAPPED, idempotencyKey: 'li-tries-00001' }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call({ action: 'confirm', vehicleId, violationId: CONFIRMABLE }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call({ action: 'revealVehicle', vehicleId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call({ action: 'removeVehicle', vehicleId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data<ViolationsResult>(await violations(vehicleId)).vehicle.vehicleId).toBe(vehicleId);
  });

  it('at 03:00 refuses violations with SERVICE_MAINTENANCE reopening at 04:00, before calling the department', async () => {
    const hits = stack.sandboxes.traffic.hits;
    const r = await violations(vehicleId, { now: '2026-03-10T03:00:00+08:00' });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'SERVICE_MAINTENANCE', availability: { state: 'maintenance', opensAt: '2026-03-10T04:00:00+08:00' } } });
    const pay = await call({ action: 'pay', vehicleId, violationId: CAPPED, idempotencyKey: 'at-three-00001' }, { now: '2026-03-10T03:30:00+08:00' });
    expect(pay.body).toMatchObject({ ok: false, error: { code: 'SERVICE_MAINTENANCE' } });
    expect(stack.sandboxes.traffic.hits).toBe(hits);
  });

  it('refuses to pay a violation under appeal with CONFLICT and the reason, and one still unhandled', async () => {
    const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: WANG_CAR.plate, plateKind: 'small_car', engineNoSuffix: WANG_CAR.engineNoSuffix }, { openid: WANG.openid }));
    const r = data<ViolationsResult>(await violations(vehicle.vehicleId, { openid: WANG.openid }));
    expect(find(r, APPEAL)).toMatchObject({ status: 'under_appeal', group: 'todo', confirmable: false, appealNote: expect.stringContaining('申诉') });
    const appeal = await call({ action: 'pay', vehicleId: vehicle.vehicleId, violationId: APPEAL, idempotencyKey: 'appeal-pay-0001' }, { openid: WANG.openid });
    expect(appeal.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('申诉复核中') } });
    const undecided = await call({ action: 'pay', vehicleId, violationId: CONFIRMABLE, idempotencyKey: 'undecided-0001' });
    expect(undecided.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('请先确认') } });
    expect(fines(await payments({ action: 'orders' }, { openid: WANG.openid }))).toEqual([]);
  });

  it('refuses to confirm a points-bearing record online, saying the licence holder must and why', async () => {
    const { vehicles } = data<{ vehicles: VehicleView[] }>(await call({ action: 'vehicles' }, { openid: WANG.openid }));
    const r = data<ViolationsResult>(await violations(vehicles[0].vehicleId, { openid: WANG.openid }));
    expect(find(r, POINTS)).toMatchObject({ points: 6, confirmable: false, confirmNote: expect.stringContaining('驾驶人本人') });
    const c = await call({ action: 'confirm', vehicleId: vehicles[0].vehicleId, violationId: POINTS }, { openid: WANG.openid });
    expect(c.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/记 6 分.*驾驶证/) } });
    expect(stack.sandboxes.traffic.postings!()).toEqual([]);
  });

  it('confirms an electronic record without points: the department issues a decision dated today, once however often it is confirmed', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => call<{ violation: ViolationView }>({ action: 'confirm', vehicleId, violationId: CONFIRMABLE })));
    const decided = answers.map((a) => data<{ violation: ViolationView }>(a).violation);
    expect(new Set(decided.map((d) => d.decisionNo)).size).toBe(1);
    expect(decided[0]).toMatchObject({ status: 'decided', group: 'payable', decisionDate: '2026-03-10', dueDate: '2026-03-25', today: { overdueDays: 0, lateFee: 0, amountDue: 20000 } });
    expect(decided[0].today!.note).toBe('请于 2026年3月25日 前缴纳；逾期每日按罚款的 3% 加处罚款，最多不超过罚款本金');
    // The department changed the vehicle's records: the list says so once it is read again.
    expect(data<ViolationsResult>(await violations(vehicleId)).recordsUpdatedAt).toBe(NOON);
  });

  let orderId: string;

  it('turns 30 simultaneous pays with one key into one order whose amount is exactly twice the capped fine', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () => call<TrafficPayResult>({ action: 'pay', vehicleId, violationId: CAPPED, idempotencyKey: 'fine-tap-tap-01' })),
    );
    const ids = new Set(results.map((r) => data<TrafficPayResult>(r).order.orderId));
    expect(ids.size).toBe(1);
    orderId = [...ids][0];
    const first = data<TrafficPayResult>(results[0]);
    expect(first.order).toMatchObject({ kind: 'traffic_fine', status: 'pending', violationId: CAPPED, decisionNo: '440304100012345678', fine: 20000, lateFee: 20000, amount: 40000, plateMasked: '粤B·1**45' });
    expect(first.payment).toMatchObject({ provider: 'sandbox', orderId, amount: 40000 });
    // Another key for the same violation gets the live order, not a second one.
    const other = data<TrafficPayResult>(await call({ action: 'pay', vehicleId, violationId: CAPPED, idempotencyKey: 'fine-other-key2' }));
    expect(other.order.orderId).toBe(orderId);
    expect(fines(await payments({ action: 'orders' }))).toHaveLength(1);
    expect(find(data<ViolationsResult>(await violations(vehicleId)), CAPPED)).toMatchObject({ status: 'paying', orderId });
    // 我的订单 presents it as a fine, for the traffic receipt, never as a bill.
    expect(data<{ orders: OrderListEntry[] }>(await payments({ action: 'orders', show: 'all' })).orders.map((e) => [e.flow, e.order.orderId])).toEqual([['traffic', orderId]]);
    expect(data<{ order: OrderListEntry }>(await payments({ action: 'order', orderId })).order).toMatchObject({ flow: 'traffic', order: { orderId, kind: 'traffic_fine' } });
  });

  it('takes the money once for 5 replayed payment confirmations, and the fine ends paid at the traffic police with the decision number', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => confirmPayment(orderId).then((r) => r.json())));
    for (const a of answers) expect(a).toEqual({ errcode: 0, errmsg: 'ok' });
    const paid = await stack.database.db.execute(`select count(*)::int as n from payments where order_id = '${orderId}'`);
    expect((paid as unknown as { rows: Array<{ n: number }> }).rows[0].n).toBe(1);
    // The outbox posts it to the traffic police (the paymentsWorker timer; here on demand), with the payment's time.
    expect(await (await fetch(`${stack.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:01:00+08:00' } })).json()).toMatchObject({ ok: true });
    const { order: { order } } = data<{ order: { order: TrafficOrderView } }>(await payments({ action: 'order', orderId }));
    expect(order).toMatchObject({ status: 'settled', departmentRef: expect.stringMatching(/^JJPAY/), decisionNo: '440304100012345678', amount: 40000 });
    expect(postings().filter((p) => p.orderId === orderId)).toEqual([expect.objectContaining({ billId: CAPPED, accountNo: '粤B12345', amount: 40000, decisionNo: '440304100012345678' })]);
    expect(find(data<ViolationsResult>(await violations(vehicleId, { now: '2026-03-10T12:05:00+08:00' })), CAPPED)).toMatchObject({ status: 'paid', group: 'done' });
    const again = await call({ action: 'pay', vehicleId, violationId: CAPPED, idempotencyKey: 'after-paid-0003' });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await payments({ action: 'order', orderId }, { openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("totals 已完成 by what was paid: the capped fine's ¥400.00 (fine and late fee), not its ¥200.00 fine", async () => {
    const r = data<ViolationsResult>(await violations(vehicleId, { now: '2026-03-10T12:06:00+08:00' }));
    const done = r.groups.find((g) => g.key === 'done')!;
    // Paid through us: the order's amount. Paid at the traffic police in 2025 within the 15 days: the fine.
    expect(find(r, CAPPED)).toMatchObject({ group: 'done', paidAmount: 40000 });
    expect(find(r, PAID_BEFORE)).toMatchObject({ group: 'done', paidAmount: 20000 });
    expect(done).toMatchObject({ count: 2, total: 40000 + 20000 });
  });

  it('charges the 17-day fine with 2 overdue days × 3%', async () => {
    const { order } = data<TrafficPayResult>(await call({ action: 'pay', vehicleId, violationId: SEVENTEEN, idempotencyKey: 'seventeen-00001' }));
    expect(order).toMatchObject({ fine: 10000, lateFee: 600, amount: 10600 });
    // After midnight the unpaid order is not handed out again at yesterday's price.
    const nextDay = data<TrafficPayResult>(await call({ action: 'pay', vehicleId, violationId: SEVENTEEN, idempotencyKey: 'seventeen-00002' }, { now: '2026-03-11T00:10:00+08:00' }));
    expect(nextDay.order).toMatchObject({ lateFee: 900, amount: 10900, status: 'pending' });
    expect(nextDay.order.orderId).not.toBe(order.orderId);
    expect(data<{ order: { order: TrafficOrderView } }>(await payments({ action: 'order', orderId: order.orderId })).order.order.status).toBe('closed');
    // Priced today, it expires by midnight, when the late fee grows.
    const late = data<TrafficPayResult>(await call({ action: 'pay', vehicleId, violationId: CONFIRMABLE, idempotencyKey: 'near-midnight-01' }, { now: '2026-03-10T23:50:00+08:00' }));
    expect(late.order.expiresAt).toBe('2026-03-11T00:00:00+08:00');
  });

  it('serves the last answer marked stale while the traffic police are down, and refuses to pay from it', async () => {
    await violations(vehicleId);
    stack.sandboxes.traffic.setFault({ mode: 'down' });
    try {
      const r = await violations(vehicleId);
      if (r.body.ok) expect(r.body.data).toMatchObject({ stale: true });
      else expect(r.body.error).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('交通管理局') });
      const pay = await call({ action: 'pay', vehicleId, violationId: SEVENTEEN, idempotencyKey: 'while-down-0004' });
      expect(pay.body).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNAVAILABLE' } });
    } finally {
      stack.sandboxes.traffic.setFault({ mode: 'ok' });
    }
  });

  it('names each caller their own upload folder for wx.cloud.uploadFile, one the storage port accepts only from them', async () => {
    const mine = data<{ folder: string }>(await call({ action: 'uploadFolder' }));
    const theirs = data<{ folder: string }>(await call({ action: 'uploadFolder' }, { openid: WANG.openid }));
    expect(mine.folder).toBe(`uploads/${ZHANG.openid}/`);
    expect(theirs.folder).toBe(`uploads/${WANG.openid}/`);
    expect(fileIdSchema.safeParse(`cloud://env-1.bucket/${mine.folder}licence-1.jpg`).success).toBe(true);
  });

  it('lists a vehicle with none (粤BD12345) as three empty groups, and forgets a removed vehicle', async () => {
    const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: WANG_EV.plate, engineNoSuffix: WANG_EV.engineNoSuffix }, { openid: WANG.openid }));
    expect(vehicle).toMatchObject({ plateKind: 'small_nev', plateMasked: '粤B·D***45' });
    const r = data<ViolationsResult>(await violations(vehicle.vehicleId, { openid: WANG.openid }));
    expect(r.groups.map((g) => [g.count, g.total])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(data(await call({ action: 'removeVehicle', vehicleId: vehicle.vehicleId }, { openid: WANG.openid }))).toEqual({ removed: true });
    expect((await violations(vehicle.vehicleId, { openid: WANG.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(data<{ vehicles: VehicleView[] }>(await call({ action: 'vehicles' }, { openid: WANG.openid })).vehicles.map((v) => v.plateMasked)).toEqual(['粤B·6**K8']);
  });
});

describe('the traffic fine outbox', () => {
  it('posts a paid fine after a restart with the traffic police down during the first posting, and the violation ends paid', async () => {
    const database = await openTestDatabase();
    const opts = { port: 0, database, log: 'silent' as const, reminderIntervalMs: 0, paymentsIntervalMs: 0, probeIntervalMs: 0, departmentTimeoutMs: 500 };
    const call = async <T>(url: string, body: unknown, fn = 'traffic') =>
      data<T>({ body: await (await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'x-dev-openid': ZHANG.openid, 'x-dev-now': NOON }, body: JSON.stringify(body) })).json() });
    let first: Stack | undefined;
    let second: Stack | undefined;
    try {
      first = await startStack(opts);
      const { vehicle } = await call<{ vehicle: VehicleView }>(first.url, { action: 'addVehicle', plate: ZHANG_CAR.plate, plateKind: 'small_car', engineNoSuffix: ZHANG_CAR.engineNoSuffix });
      const { order } = await call<TrafficPayResult>(first.url, { action: 'pay', vehicleId: vehicle.vehicleId, violationId: SEVENTEEN, idempotencyKey: 'restart-fine-01' });
      first.sandboxes.traffic.setFault({ mode: 'down' });
      expect(await (await fetch(`${first.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'x-dev-now': NOON } })).json()).toEqual({ errcode: 0, errmsg: 'ok' });
      expect((await call<{ order: { order: TrafficOrderView } }>(first.url, { action: 'order', orderId: order.orderId }, 'payments')).order.order.status).toBe('paid');
      expect(first.sandboxes.traffic.postings!()).toEqual([]);
      await first.stop();

      second = await startStack(opts);
      const run = await (await fetch(`${second.url}/api/__dev/jobs/outbox`, { method: 'POST', headers: { 'x-dev-now': '2026-03-10T12:10:00+08:00' } })).json();
      expect(run).toMatchObject({ ok: true, data: { settled: 1 } });
      expect((await call<{ order: { order: TrafficOrderView } }>(second.url, { action: 'order', orderId: order.orderId }, 'payments')).order.order).toMatchObject({ status: 'settled', departmentRef: expect.stringMatching(/^JJPAY/) });
      // Posted with the payment's time, so the department prices the late fee as of then.
      expect(second.sandboxes.traffic.postings!()).toEqual([expect.objectContaining({ orderId: order.orderId, billId: SEVENTEEN, amount: 10600, paidAt: NOON })]);
      const v = await call<ViolationsResult>(second.url, { action: 'violations', vehicleId: vehicle.vehicleId });
      expect(find(v, SEVENTEEN)).toMatchObject({ status: 'paid', group: 'done' });
    } finally {
      await first?.stop();
      await second?.stop();
      await database.close();
    }
  });
});

describe.each(STORE_KINDS)('a resident’s own confirm, read back through the department cache, on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    // The deployed cache: identical lookups within 30 s cost no department call.
    stack = await startTestStack(kind, { departmentCacheTtlMs: 30_000 });
  });
  afterAll(() => stack?.stop());
  const call = <T>(body: Record<string, unknown>) => stack.call<T>('traffic', body, { now: NOON });

  it('shows a record confirmed a moment ago as decided in the list and the record at once, not the cached answer from before', async () => {
    const { vehicle } = data<{ vehicle: VehicleView }>(await call({ action: 'addVehicle', plate: ZHANG_CAR.plate, plateKind: 'small_car', engineNoSuffix: ZHANG_CAR.engineNoSuffix }));
    const vehicleId = vehicle.vehicleId;
    // The list is read (and cached by the department client) before the confirm…
    expect(find(data<ViolationsResult>(await call({ action: 'violations', vehicleId })), CONFIRMABLE)).toMatchObject({ status: 'unhandled', group: 'todo' });
    const hits = stack.sandboxes.traffic.hits;
    expect(find(data<ViolationsResult>(await call({ action: 'violations', vehicleId })), CONFIRMABLE).status).toBe('unhandled');
    expect(stack.sandboxes.traffic.hits).toBe(hits);
    const { violation } = data<{ violation: ViolationView }>(await call({ action: 'confirm', vehicleId, violationId: CONFIRMABLE }));
    expect(violation.status).toBe('decided');
    // …and every read after it, inside the cache's 30 s, says what the resident just did.
    const after = data<ViolationsResult>(await call({ action: 'violations', vehicleId }));
    expect(find(after, CONFIRMABLE)).toMatchObject({ status: 'decided', group: 'payable', decisionNo: violation.decisionNo, today: { amountDue: 20000 } });
    expect(after.groups.map((g) => [g.key, g.count])).toEqual([
      ['todo', 0],
      ['payable', 3],
      ['done', 1],
    ]);
    expect(after.groups[1].total).toBe(40000 + 10600 + 20000);
    expect(data<{ violation: ViolationView }>(await call({ action: 'violation', vehicleId, violationId: CONFIRMABLE })).violation.status).toBe('decided');
  });
});
