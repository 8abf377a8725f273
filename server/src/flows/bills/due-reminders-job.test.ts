import { type BindingView, formatFen, utilityLateFee } from '@bianmin/core';
import { sendDueBillReminders } from './due-reminders';
import { STORE_KINDS } from '../../db/testing/index';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { LI, startTestStack, type TestStack, WANG, ZHANG } from '@bianmin/dev/testing/stack';

/**
 * Bills' due-date reminders (issue 12), through the local gateway and the `reminders` job's dev
 * lever at an X-Dev-Now instant, on PGlite and PostgreSQL. The sandboxes' power bills fall due on
 * the 15th, water's on the 20th, gas's on the 25th; the fixtures say how many months each owes.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const holderOf = (accountNo: string) => RESIDENTS.flatMap((r) => r.utilityAccounts).find((a) => a.accountNo === accountNo)!.holderName;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
function data<T>(r: { body: unknown }): T {
  const b = r.body as Envelope<T>;
  if (!b.ok) throw new Error(`${b.error.code}: ${b.error.message}`);
  return b.data;
}

interface JobReport {
  sent: number;
  deferred: number;
  households: number;
}
interface Inbox {
  messages: Array<{ id: string; kind: string; title: string; body: string; path: string | null }>;
}

describe.each(STORE_KINDS)('due-date reminders on %s', (kind) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(kind);
  });
  afterAll(() => stack?.stop());

  const run = async (at: string) => {
    const res = await fetch(`${stack.url}/api/__dev/jobs/dueReminders`, { method: 'POST', headers: { 'x-dev-now': at } });
    return data<JobReport>({ body: await res.json() });
  };
  const fault = (dept: string, mode: string) =>
    fetch(`${stack.url}/api/__dev/departments/${dept}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
  const bind = async (openid: string, providerId: string, accountNo: string) =>
    data<{ binding: BindingView }>(await stack.call('bills', { action: 'bind', providerId, accountNo, holderName: holderOf(accountNo) }, { openid, now: NOON })).binding;
  const inbox = async (openid: string) => data<Inbox>(await stack.call('messages', { action: 'list' }, { openid })).messages.filter((m) => m.kind === 'bill_due');

  const zhangPower = ZHANG.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const zhangWater = ZHANG.utilityAccounts.find((a) => a.kind === 'water')!;
  const wangGas = WANG.utilityAccounts.find((a) => a.kind === 'gas')!;
  let power: BindingView;
  let water: BindingView;

  it('binds households with reminders on by default, and lets the resident turn them off for one', async () => {
    power = await bind(ZHANG.openid, 'power', zhangPower.accountNo);
    water = await bind(ZHANG.openid, 'water', zhangWater.accountNo);
    expect(power.dueReminders).toBe(true);
    const off = data<{ binding: BindingView }>(await stack.call('bills', { action: 'dueReminders', bindingId: water.bindingId, on: false }, { openid: ZHANG.openid }));
    expect(off.binding).toMatchObject({ bindingId: water.bindingId, dueReminders: false });
    const listed = data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid: ZHANG.openid })).bindings;
    expect(listed.find((b) => b.bindingId === water.bindingId)?.dueReminders).toBe(false);
    expect(listed.find((b) => b.bindingId === power.bindingId)?.dueReminders).toBe(true);
  });

  it('refuses another resident’s household as not found and changes nothing', async () => {
    const theirs = await stack.call('bills', { action: 'dueReminders', bindingId: power.bindingId, on: false }, { openid: LI.openid });
    expect(theirs.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const nobody = await stack.call('bills', { action: 'dueReminders', bindingId: power.bindingId, on: false }, { openid: null });
    expect(nobody.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const listed = data<{ bindings: BindingView[] }>(await stack.call('bills', { action: 'bindings' }, { openid: ZHANG.openid })).bindings;
    expect(listed.find((b) => b.bindingId === power.bindingId)?.dueReminders).toBe(true);
    const bad = await stack.call('bills', { action: 'dueReminders', bindingId: power.bindingId, on: 'no' }, { openid: ZHANG.openid });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { on: expect.any(String) } } });
  });

  it('sends nothing four days before the due date, nor at night', async () => {
    expect(await run('2026-03-11T10:00:00+08:00')).toMatchObject({ sent: 0, deferred: 0 });
    // 3 days before, but 07:00 Shanghai: reminders wait for 08:00.
    expect(await run('2026-03-12T07:00:00+08:00')).toMatchObject({ sent: 0 });
    expect(await inbox(ZHANG.openid)).toEqual([]);
  });

  it('sends one reminder three days before the due date for a household with reminders on, and none for one turned off', async () => {
    // Power's February bill is due 3 月 15 日; water's overdue January bill is left alone: switched off.
    expect(await run('2026-03-12T10:00:00+08:00')).toMatchObject({ sent: 1, deferred: 0 });
    const messages = await inbox(ZHANG.openid);
    expect(messages).toHaveLength(1);
    expect(messages[0].title).toBe('电费 3 天后到期');
    expect(messages[0].body).toContain(`户号 ******${zhangPower.accountNo.slice(-4)}`);
    expect(messages[0].body).toContain('3月15日');
    expect(messages[0].path).toBe(`/bills/pages/bill/index?bindingId=${power.bindingId}&kind=electricity`);
    // Masked: neither the full account number nor the holder's name or address.
    expect(messages[0].body).not.toContain(zhangPower.accountNo);
    expect(messages[0].body).not.toContain(zhangPower.holderName);
    expect(messages[0].body).not.toContain(zhangPower.address.slice(0, 6));
    // The subscribe message was tried too (the dev notifier has a template), with the same words.
    expect(stack.subscribeMessages.filter((m) => m.touser === ZHANG.openid).at(-1)).toMatchObject({ data: { thing1: { value: '电费 3 天后到期' } } });
  });

  it('sends nothing on a second run, nor on two runs at once', async () => {
    expect(await run('2026-03-12T10:01:00+08:00')).toMatchObject({ sent: 0 });
    const both = await Promise.all([run('2026-03-13T10:00:00+08:00'), run('2026-03-13T10:00:00+08:00')]);
    expect(both.map((r) => r.sent)).toEqual([0, 0]);
    expect(await inbox(ZHANG.openid)).toHaveLength(1);
  });

  it('files exactly one reminder when two runs race for a new one', async () => {
    await bind(WANG.openid, 'gas', wangGas.accountNo);
    // WANG's gas owes January (due 2 月 25 日: overdue) and February (due 3 月 25 日: not yet).
    const both = await Promise.all([run('2026-03-13T11:00:00+08:00'), run('2026-03-13T11:00:00+08:00')]);
    expect(both[0].sent + both[1].sent).toBe(1);
    const messages = await inbox(WANG.openid);
    expect(messages).toHaveLength(1);
    expect(messages[0].title).toBe('燃气费已逾期');
  });

  it('defers the households of a department that is down to the next run, and goes on with the others', async () => {
    // 3 月 16 日: power's bill is one day overdue. Power is down during the first run.
    const before = (await inbox(ZHANG.openid)).length;
    await fault('power', 'down');
    try {
      const down = await run('2026-03-16T09:00:00+08:00');
      expect(down).toMatchObject({ sent: 0, deferred: 1 });
    } finally {
      await fault('power', 'ok');
    }
    expect(await inbox(ZHANG.openid)).toHaveLength(before);

    const back = await run('2026-03-16T09:05:00+08:00');
    expect(back).toMatchObject({ sent: 1, deferred: 0 });
    const overdue = (await inbox(ZHANG.openid)).find((m) => m.title === '电费已逾期')!;
    expect(overdue).toBeDefined();
    // With the late fee it carries now: one day at 0.1%.
    const bill = data<{ arrears: { bills: Array<{ amount: number; dueDate: string; lateFee: number }> } }>(
      await stack.call('bills', { action: 'bill', bindingId: power.bindingId }, { openid: ZHANG.openid, now: '2026-03-16T09:05:00+08:00' }),
    ).arrears.bills[0];
    const { lateFee } = utilityLateFee(bill.amount, bill.dueDate, '2026-03-16');
    expect(bill.lateFee).toBe(lateFee);
    expect(overdue.body).toContain(`已逾期 1 天，现有违约金 ${formatFen(lateFee)}，应缴 ${formatFen(bill.amount + lateFee)}`);
    // And only once.
    expect(await run('2026-03-17T09:00:00+08:00')).toMatchObject({ sent: 0 });
  });

  it('stops reading accounts when the run is out of time, leaving them to the next run', async () => {
    // 3 月 22 日: WANG's February gas bill is 3 days off. A run with no time left reads no account.
    const out = await sendDueBillReminders(stack.deps, new Date('2026-03-22T10:00:00+08:00'), { canContinue: () => false });
    expect(out).toMatchObject({ sent: 0, deferred: out.households });
    expect(out.households).toBeGreaterThan(0);
    expect(await run('2026-03-22T10:00:00+08:00')).toMatchObject({ sent: 1 });
  });

  it('sends again to a household switched back on, for what it has not been told yet', async () => {
    data(await stack.call('bills', { action: 'dueReminders', bindingId: water.bindingId, on: true }, { openid: ZHANG.openid }));
    // Water: January overdue (due 2 月 20 日) → one overdue reminder; February due 3 月 20 日 is 3 days off on the 17th.
    const r = await run('2026-03-17T10:00:00+08:00');
    expect(r.sent).toBe(2);
    const titles = (await inbox(ZHANG.openid)).map((m) => m.title).sort();
    expect(titles).toEqual(['水费 3 天后到期', '水费已逾期', '电费 3 天后到期', '电费已逾期'].sort());
  });
});
