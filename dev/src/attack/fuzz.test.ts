import { Writable } from 'node:stream';
import { STORE_KINDS } from '@bianmin/server/db/testing/index';
import { createLogger } from '@bianmin/server/log';
import { startTestStack, type TestStack, ZHANG } from '../testing/stack';
import { BILL_IDS_ATTACKS, type BillIdsOutcome } from '../flows/bills/attack';
import { ACTING_FOR_ATTACKS, type ActingForOutcome } from '../flows/me/acting-for-attacks';
import { CONFIRM_ATTACKS, type ConfirmOutcome } from '../flows/me/attack';
import { type Owned, seedFirstResident } from '../flows/index';
import { fuzzStack } from './fuzz';

/**
 * A fixed seed and a bounded number of bodies per action, so `npm test` stays quick and a failure
 * replays exactly; `npm run fuzz` runs the same with many more (FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.FUZZ_RUNS_IN_TEST ?? 40);
const SEED = 20261123;

describe.each(STORE_KINDS)('fuzzing every action on %s', (kind) => {
  let stack: TestStack;
  let owned: Owned;
  let logged = '';
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, cb) => ((logged += chunk.toString()), cb()) });
    stack = await startTestStack(kind, { log: createLogger({ level: 'debug', destination: sink as never }) });
    owned = await seedFirstResident(stack);
  });
  afterAll(() => stack?.stop());

  it('never answers INTERNAL, a 5xx of its own, a stack trace or SQL, and stays up', async () => {
    const report = await fuzzStack(stack.url, owned, { seed: SEED, runsPerAction: RUNS, openid: ZHANG.openid });
    expect(report.failures).toEqual([]);
    expect(report.bodies).toBeGreaterThan(15 * RUNS);
    // Bodies got past validation into the handlers, not only refused at the door.
    expect(report.byCode.OK ?? 0).toBeGreaterThan(0);
    expect(report.byCode.INVALID_INPUT ?? 0).toBeGreaterThan(0);
    expect((await stack.call('services', { action: 'list' })).status).toBe(200);
    // bills.pay's billIds, attacked by name: each refused with its own code, no order made (fuzzStack checks the count).
    const billIds = report.extras.bills as BillIdsOutcome[];
    expect(billIds.map((o) => [o.name, o.code])).toEqual(BILL_IDS_ATTACKS.map((a) => [a.name, a.code]));
    expect(billIds.filter((o) => o.code === 'INVALID_INPUT').every((o) => o.fields.some((f) => f === 'billIds' || f.startsWith('billIds.')))).toBe(true);
    // me.delete's confirmation, attacked by name with a live one at hand: each refused with its own code, nothing erased.
    const me = report.extras.me as Array<ConfirmOutcome | ActingForOutcome>;
    expect(me.slice(0, CONFIRM_ATTACKS.length).map((o) => [o.name, o.code])).toEqual(CONFIRM_ATTACKS.map((a) => [a.name, a.code]));
    // actingFor's values, named and drawn: each refused with the code it expects (the link's own call goes through).
    const acting = me.slice(CONFIRM_ATTACKS.length) as ActingForOutcome[];
    expect(acting.slice(0, ACTING_FOR_ATTACKS.length).map((o) => [o.name, o.code])).toEqual(ACTING_FOR_ATTACKS.map((a) => [a.name, a.code]));
    expect(acting.filter((o) => o.code !== o.expected)).toEqual([]);
  }, 120_000);

  it('writes no resident’s openid, account number, name or address to the log, whatever was sent (ids of rows are fine: they correlate)', () => {
    expect(logged.length).toBeGreaterThan(0);
    for (const s of [ZHANG.openid, owned.accountNo, owned.holderName, owned.address]) expect(logged).not.toContain(s);
  });
});
