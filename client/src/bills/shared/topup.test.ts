import { checkTopupAmount, orderTitle, topupPresets, topupRulesText } from './topup';

const SANDBOX = { minimum: 1000, step: 100 };

describe('prepaid top-up amount', () => {
  it('turns yuan with up to two decimals into fen', () => {
    expect(checkTopupAmount('50', SANDBOX)).toEqual({ fen: 5000 });
    expect(checkTopupAmount(' 120 ', SANDBOX)).toEqual({ fen: 12000 });
    expect(checkTopupAmount('10.00', { minimum: 1000, step: 1 })).toEqual({ fen: 1000 });
    expect(checkTopupAmount('10.5', { minimum: 1000, step: 10 })).toEqual({ fen: 1050 });
  });

  it("refuses below the minimum and off the step in the server's words for fields.amount", () => {
    expect(checkTopupAmount('9', SANDBOX)).toEqual({ problem: '最少 ¥10.00' });
    expect(checkTopupAmount('10.5', SANDBOX)).toEqual({ problem: '须为 ¥1.00 的整数倍' });
    expect(checkTopupAmount('5001', SANDBOX)).toEqual({ problem: '单次预存最多 ¥5000' });
  });

  it('refuses empty, negative, three decimals and junk without a number', () => {
    for (const t of ['', '  ', '-50', '50.001', '5e3', '五十', '50元', '0x32']) {
      expect(checkTopupAmount(t, SANDBOX)).toHaveProperty('problem');
    }
  });

  it('offers only presets the department allows, and states the rules with spaces around figures', () => {
    expect(topupPresets(SANDBOX)).toEqual([5000, 10000, 20000]);
    expect(topupPresets({ minimum: 8000, step: 3000 })).toEqual([]);
    expect(topupRulesText(SANDBOX)).toBe('最低 ¥10.00，须为 ¥1.00 的整数倍，单次最多 ¥5000.00');
  });

  it('names a top-up 预存电费, never its internal period or id, and a bill by its months', () => {
    expect(orderTitle({ kind: 'electricity', purpose: 'topup', period: '预存 2026-03-10', lines: [{ billId: 'TOPUP-abc', period: '预存 2026-03-10', amount: 5000, lateFee: 0 }] })).toBe('预存电费');
    expect(orderTitle({ kind: 'electricity', period: '2026-02', lines: [{ billId: 'b', period: '2026-02', amount: 1, lateFee: 0 }] })).toBe('电费 · 2026年2月');
  });
});
