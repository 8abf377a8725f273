import type { BillResult, BindingView, UsageResult } from '@bianmin/core';
import { STORE_KINDS } from '../../db/testing/index';
import { tierThreshold } from './usage';
import { LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

const NOON = '2026-03-10T12:00:00+08:00';
const ZHANG_POWER = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;

function data<T>(r: { body: { ok: boolean } }): T {
  const b = r.body as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

const POWER_TIERS = [
  { name: '第一档', upTo: 260 },
  { name: '第二档', upTo: 600 },
  { name: '第三档', upTo: null },
];
const at = (usage: number) => tierThreshold({ accountNo: 'x', unit: 'kWh', tiers: POWER_TIERS, months: [{ period: '2026-02', usage, amount: 1 }] });

describe('tierThreshold', () => {
  it('marks the upper bound of the tier the latest month fell in: where the price rises next', () => {
    expect(at(120)).toEqual({ value: 260, tierName: '第一档', bound: 'upTo' });
    expect(at(260)).toEqual({ value: 260, tierName: '第一档', bound: 'upTo' });
    expect(at(261)).toEqual({ value: 600, tierName: '第二档', bound: 'upTo' });
  });

  it('in the top tier marks where that tier began', () => {
    expect(at(720)).toEqual({ value: 600, tierName: '第三档', bound: 'from' });
  });

  it('marks nothing for a flat price or a household without months', () => {
    expect(tierThreshold({ accountNo: 'x', unit: 'kWh', tiers: [{ name: '单一电价', upTo: null }], months: [{ period: '2026-02', usage: 300, amount: 1 }] })).toBeNull();
    expect(tierThreshold({ accountNo: 'x', unit: 'kWh', tiers: POWER_TIERS, months: [] })).toBeNull();
  });
});

describe.each(STORE_KINDS)('usage at a glance on %s', (kind) => {
  let stack: TestStack;
  let bindingId: string;
  beforeAll(async () => {
    stack = await startTestStack(kind);
    const { binding } = data<{ binding: BindingView }>(
      await stack.call('bills', { action: 'bind', providerId: 'power', accountNo: ZHANG_POWER.accountNo, holderName: ZHANG_POWER.holderName }, { now: NOON }),
    );
    bindingId = binding.bindingId;
  });
  afterAll(() => stack?.stop());

  const usage = (opts: { openid?: string } = {}) => stack.call<UsageResult>('bills', { action: 'usage', bindingId }, { now: NOON, ...opts });

  it('answers the last 12 months oldest first, each the same usage and amount as its bill', async () => {
    const r = data<UsageResult>(await usage());
    expect(r.unit).toBe('kWh');
    expect(r.months).toHaveLength(12);
    expect(r.months[0].period).toBe('2025-03');
    expect(r.months[11].period).toBe('2026-02');
    for (const m of r.months) expect(Number.isInteger(m.amount)).toBe(true);
    const bill = data<BillResult>(await stack.call('bills', { action: 'bill', bindingId }, { now: NOON })).bill!;
    expect(r.months[11]).toEqual({ period: bill.period, usage: bill.usage.value, amount: bill.amount });
    expect(r).toMatchObject({ stale: false, fetchedAt: expect.stringMatching(/\+08:00$/) });
  });

  it('marks the power grid tier step nearest the latest month', async () => {
    const r = data<UsageResult>(await usage());
    const latest = r.months[11].usage;
    expect(r.threshold).not.toBeNull();
    const t = r.threshold!;
    if (t.bound === 'upTo') expect(latest).toBeLessThanOrEqual(t.value);
    else expect(latest).toBeGreaterThan(t.value);
    expect([260, 600]).toContain(t.value);
  });

  it("does not show another resident's household", async () => {
    expect((await usage({ openid: LI.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await usage({ openid: WANG.openid })).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a malformed binding id with INVALID_INPUT on the field', async () => {
    const r = await stack.call('bills', { action: 'usage', bindingId: '../x' }, { now: NOON });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { bindingId: expect.stringContaining('bindingId') } } });
  });

  it('with the power grid down, serves the last answer marked stale, or says which department is down', async () => {
    await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"down"}' });
    try {
      const r = await usage();
      if (r.body.ok) {
        expect(r.body.data).toMatchObject({ stale: true });
        expect((r.body.data as UsageResult).months).toHaveLength(12);
      } else {
        expect(r.body.error).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', message: expect.stringContaining('供电') });
      }
    } finally {
      await fetch(`${stack.url}/api/__dev/departments/power/faults`, { method: 'POST', body: '{"mode":"ok"}' });
    }
  });
});
