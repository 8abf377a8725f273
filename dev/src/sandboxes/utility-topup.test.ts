import { DepartmentRejection, createDepartmentClient } from '@bianmin/server/departments/client';
import { utilityApi } from '@bianmin/server/departments/utility';
import { silentLogger } from '@bianmin/server/log';
import { RESIDENTS } from '../fixtures';
import { type RunningSandbox, startSandbox } from './http';
import { PROFILES, utilityRoutes } from './utility';

/**
 * The power grid sandbox's prepay top-up, through our department client: the rules come from the
 * department's account answer, the posting is idempotent on our order id, and the balance moves once.
 */
const LI_POWER = RESIDENTS[1].utilityAccounts.find((a) => a.kind === 'electricity')!;
const ZHANG_POWER = RESIDENTS[0].utilityAccounts.find((a) => a.kind === 'electricity')!;
const PAID_AT = '2026-03-10T12:00:00+08:00';

describe('the power grid sandbox: prepay top-ups', () => {
  let sandbox: RunningSandbox;
  let api: ReturnType<typeof utilityApi>;
  beforeAll(async () => {
    sandbox = await startSandbox({ id: 'power', apiKey: 'sk_power_test_key', routes: utilityRoutes(PROFILES.power, RESIDENTS) });
    api = utilityApi('power', createDepartmentClient({ id: 'power', baseUrl: sandbox.url, apiKey: sandbox.apiKey, timeoutMs: 2000, cacheTtlMs: 0, log: silentLogger }));
  });
  afterAll(() => sandbox.stop());

  it('states its minimum and step, and the balance, for a prepay meter only', async () => {
    expect(LI_POWER.prepaidBalance).toBe(1250);
    expect((await api.account(LI_POWER.accountNo)).data).toMatchObject({ prepaidBalance: 1250, topup: { minimum: 1000, step: 100 } });
    const postpaid = (await api.account(ZHANG_POWER.accountNo)).data;
    expect(postpaid.prepaidBalance).toBeUndefined();
    expect(postpaid.topup).toBeUndefined();
  });

  it('books a top-up once: asked again with the same order id it answers the first booking', async () => {
    const t = { orderId: 'BM20260310120000TOPUP001', accountNo: LI_POWER.accountNo, amount: 5000, paidAt: PAID_AT };
    const first = await api.postTopup(t);
    expect(first).toMatchObject({ amount: 5000, balanceBefore: 1250, balanceAfter: 6250, duplicate: false, paymentRef: expect.stringMatching(/^POWERTOP\d{8}$/) });
    const again = await api.postTopup(t);
    expect(again).toMatchObject({ balanceBefore: 1250, balanceAfter: 6250, paymentRef: first.paymentRef, duplicate: true });
    expect((await api.account(LI_POWER.accountNo)).data.prepaidBalance).toBe(6250);
    expect((await api.topup(t.orderId)).data).toMatchObject({ balanceBefore: 1250, balanceAfter: 6250, paymentRef: first.paymentRef });
  });

  it.each([
    ['below the minimum', 900],
    ['not a multiple of the step', 1050],
  ])('refuses a top-up %s and moves nothing', async (_l, amount) => {
    const before = (await api.account(LI_POWER.accountNo)).data.prepaidBalance;
    const e = await api.postTopup({ orderId: `BM20260310120000BAD${amount}`, accountNo: LI_POWER.accountNo, amount, paidAt: PAID_AT }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DepartmentRejection);
    expect(e).toMatchObject({ status: 422, departmentCode: 'BAD_TOPUP_AMOUNT' });
    expect((await api.account(LI_POWER.accountNo)).data.prepaidBalance).toBe(before);
  });

  it('refuses a top-up for a household without a prepay meter', async () => {
    const e = await api.postTopup({ orderId: 'BM20260310120000NOTPRE01', accountNo: ZHANG_POWER.accountNo, amount: 5000, paidAt: PAID_AT }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 422, departmentCode: 'NOT_PREPAID' });
  });

  it('answers 404 for a top-up it never booked', async () => {
    await expect(api.topup('BM20260310120000NOSUCH01')).rejects.toMatchObject({ status: 404 });
  });
});
