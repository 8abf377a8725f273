import { RESIDENTS } from '../fixtures';
import { readAsset } from '../assets';
import { type RunningSandbox, startSandbox } from './http';
import { SEEDED_RECORDS_UPDATED_AT, type TrafficDepartment, trafficDepartment } from './traffic';

const CAR = { plate: '粤B12345', plateKind: '02', engineNoSuffix: 'A61234' };
const CAPPED = '44030126000001';
const CONFIRMABLE = '44030126000003';
const APPEAL = '44030226000002';

describe('the traffic police sandbox', () => {
  let dept: TrafficDepartment;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    dept = trafficDepartment(RESIDENTS, { readAsset });
    sandbox = await startSandbox({ id: 'traffic', apiKey: 'sk_traffic_test_key', routes: dept.routes, postings: dept.postings });
  });
  afterAll(() => sandbox.stop());

  const post = (path: string, body: unknown, key = sandbox.apiKey) =>
    fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const get = (path: string, key = sandbox.apiKey) => fetch(`${sandbox.url}${path}`, { headers: { 'x-api-key': key } }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const q = new URLSearchParams({ plateKind: CAR.plateKind, engineNoSuffix: CAR.engineNoSuffix }).toString();

  it('refuses a caller without its API key, but serves evidence photos publicly', async () => {
    expect((await get(`/vehicles/${encodeURIComponent(CAR.plate)}/violations?${q}`, 'wrong')).status).toBe(401);
    const photo = await fetch(`${sandbox.url}/evidence/${CAPPED}.jpg`);
    expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect((await fetch(`${sandbox.url}/evidence/99999999999999.jpg`)).status).toBe(404);
  });

  it('fixes the demo records: decided 2026-01-09 and 2026-02-21, one under appeal', () => {
    const byId = new Map(dept.violations().map((v) => [v.violationId, v]));
    expect(byId.get(CAPPED)).toMatchObject({ status: 'decided', decisionDate: '2026-01-09', fine: 20000 });
    expect(byId.get('44030126000002')).toMatchObject({ status: 'decided', decisionDate: '2026-02-21' });
    expect(byId.get(APPEAL)).toMatchObject({ status: 'under_appeal' });
    expect(dept.violations('粤BD12345')).toEqual([]);
  });

  it('issues one decision for a repeated confirm (same request id), dated on the confirmation day in Shanghai', async () => {
    const body = { ...CAR, requestId: 'req-1', confirmedAt: '2026-03-10T23:30:00+08:00' };
    const first = await post(`/violations/${CONFIRMABLE}/confirm`, body);
    const again = await post(`/violations/${CONFIRMABLE}/confirm`, body);
    expect(first).toMatchObject({ status: 200, body: { status: 'decided', decisionDate: '2026-03-10', duplicate: false } });
    expect(again).toMatchObject({ status: 200, body: { decisionNo: first.body.decisionNo, duplicate: true } });
    expect((await post(`/violations/${CONFIRMABLE}/confirm`, { ...body, requestId: 'req-2' })).status).toBe(409);
  });

  it('posts a payment once per order id, checks the amount as of the payment time, and refuses what cannot be paid', async () => {
    const payment = { orderId: 'BM1', violationId: CAPPED, plate: CAR.plate, decisionNo: '440304100012345678', paidAt: '2026-03-10T12:00:00+08:00' };
    expect(await post('/payments', { ...payment, amount: 39999 })).toMatchObject({ status: 422, body: { code: 'AMOUNT_MISMATCH' } });
    const first = await post('/payments', { ...payment, amount: 40000 });
    const again = await post('/payments', { ...payment, amount: 40000 });
    expect(first).toMatchObject({ status: 200, body: { duplicate: false, paymentRef: expect.stringMatching(/^JJPAY/) } });
    expect(again.body).toMatchObject({ duplicate: true, paymentRef: first.body.paymentRef });
    expect(await post('/payments', { ...payment, orderId: 'BM2', amount: 40000 })).toMatchObject({ status: 409, body: { code: 'ALREADY_PAID' } });
    expect(await post('/payments', { ...payment, orderId: 'BM3', violationId: APPEAL, plate: '粤B6D7K8', amount: 40000 })).toMatchObject({ status: 409, body: { code: 'UNDER_APPEAL' } });
    expect(sandbox.postings!()).toEqual([expect.objectContaining({ orderId: 'BM1', billId: CAPPED, accountNo: CAR.plate, amount: 40000, repeats: 1 })]);
    expect(dept.violations(CAR.plate).find((v) => v.violationId === CAPPED)).toMatchObject({ status: 'paid', paymentRef: first.body.paymentRef });
    // The vehicle's records changed at the traffic police when the payment was booked.
    expect((await get(`/vehicles/${encodeURIComponent(CAR.plate)}/violations?${q}`)).body.recordsUpdatedAt).toBe('2026-03-10T12:00:00+08:00');
  });

  it('says when it last changed a vehicle’s records: the overnight import the demo records came with', async () => {
    const other = new URLSearchParams({ plateKind: '02', engineNoSuffix: RESIDENTS[2].vehicles[0].engineNoSuffix }).toString();
    const r = await get(`/vehicles/${encodeURIComponent(RESIDENTS[2].vehicles[0].plate)}/violations?${other}`);
    expect(r).toMatchObject({ status: 200, body: { recordsUpdatedAt: SEEDED_RECORDS_UPDATED_AT } });
  });

  it('answers an unknown plate, a wrong kind and a wrong engine suffix alike', async () => {
    const answers = await Promise.all([
      get(`/vehicles/${encodeURIComponent('粤B99999')}?${q}`),
      get(`/vehicles/${encodeURIComponent(CAR.plate)}?plateKind=01&engineNoSuffix=A61234`),
      get(`/vehicles/${encodeURIComponent(CAR.plate)}?plateKind=02&engineNoSuffix=000000`),
    ]);
    for (const a of answers) expect(a).toEqual({ status: 404, body: { code: 'VEHICLE_NOT_MATCHED', message: '号牌号码、号牌种类与发动机号后六位不匹配' } });
  });
});
