import { addDays, fineCapReachedOn, fineLateFee, lateFeeSentence } from './late-fee';

const DECIDED = '2026-01-09';
const after = (days: number) => {
  const d = new Date(`${DECIDED}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('the traffic fine late fee (3% a day from day 16, capped at the fine)', () => {
  const fine = 20000; // ¥200

  it.each([
    // [days after the decision, overdue days, late fee in fen, capped]
    [0, 0, 0, false],
    [15, 0, 0, false],
    [16, 1, 600, false],
    [17, 2, 1200, false],
    [48, 33, 19800, false],
    [49, 34, 20000, true],
    [50, 35, 20000, true],
    [60, 45, 20000, true],
  ])('on day %i: %i overdue days, late fee %i fen', (days, overdueDays, lateFee, capped) => {
    expect(fineLateFee(fine, DECIDED, after(days))).toEqual({ overdueDays, lateFee, capped, dueDate: '2026-01-24' });
  });

  it('charges nothing before the decision date', () => {
    expect(fineLateFee(fine, DECIDED, '2026-01-01')).toMatchObject({ overdueDays: 0, lateFee: 0 });
  });

  it('counts calendar dates across a month and a leap day', () => {
    expect(fineLateFee(10000, '2028-02-10', '2028-02-27')).toMatchObject({ overdueDays: 2, lateFee: 600 });
    expect(fineLateFee(10000, '2028-02-20', '2028-03-08')).toMatchObject({ overdueDays: 2 });
  });

  it('rounds down to the fen (3% a day is a ceiling), on the whole period, never per day', () => {
    // ¥50.50 × 3% = 151.5 fen a day: 1 day → 151, 2 days → 303 (not 151 + 151 = 302, not 152 + 152).
    expect(fineLateFee(5050, DECIDED, after(16)).lateFee).toBe(151);
    expect(fineLateFee(5050, DECIDED, after(17)).lateFee).toBe(303);
    expect(fineLateFee(1, DECIDED, after(48)).lateFee).toBe(0);
    expect(fineLateFee(1, DECIDED, after(49)).lateFee).toBe(1);
  });

  it('never exceeds the fine for any fine and any day', () => {
    for (const f of [1, 99, 5050, 20000, 200000]) {
      for (let d = 0; d < 120; d++) {
        const r = fineLateFee(f, DECIDED, after(d));
        expect(Number.isInteger(r.lateFee)).toBe(true);
        expect(r.lateFee).toBeLessThanOrEqual(f);
      }
    }
  });
});

describe('the sentence shown next to the amount', () => {
  it('states the overdue days, the fee and the cap', () => {
    expect(lateFeeSentence(fineLateFee(20000, DECIDED, after(20)))).toBe('逾期 5 天，加处罚款 ¥30.00，最多不超过罚款本金');
  });
  it('says when the cap is reached', () => {
    expect(lateFeeSentence(fineLateFee(20000, DECIDED, after(60)))).toBe('逾期 45 天，加处罚款 ¥200.00，已达上限（不超过罚款本金）');
  });
  it('before it is overdue, gives the last day and the rule', () => {
    expect(lateFeeSentence(fineLateFee(20000, DECIDED, after(3)))).toBe('请于 2026年1月24日 前缴纳；逾期每日按罚款的 3% 加处罚款，最多不超过罚款本金');
  });
});

describe('the day the late fee reaches its cap', () => {
  it('is the first day the fee equals the fine: 34 days after the 15 to pay, for any whole-yuan fine', () => {
    for (const fine of [5_000, 20_000, 100, 1]) {
      const day = fineCapReachedOn(fine, '2026-01-09');
      expect(fineLateFee(fine, '2026-01-09', day)).toMatchObject({ capped: true, lateFee: fine });
      expect(fineLateFee(fine, '2026-01-09', addDays(day, -1)).capped).toBe(false);
    }
    expect(fineCapReachedOn(20_000, '2026-01-09')).toBe(addDays('2026-01-24', 34));
  });
});
