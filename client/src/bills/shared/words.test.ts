import { billState, prepaidNote } from './words';

describe("a bill's words", () => {
  it('says whose payment is under way: ours may have been cancelled (待支付), a family member’s is theirs', () => {
    expect(billState({ status: 'pending', orderId: 'BM1', overdueDays: 0 })).toEqual({ label: '待支付', tone: 'warn' });
    expect(billState({ status: 'pending', overdueDays: 0 })).toEqual({ label: '家人支付中', tone: 'progress' });
    expect(billState({ status: 'unpaid', overdueDays: 23 }).label).toBe('已逾期');
    expect(billState({ status: 'paid', overdueDays: 0 }).label).toBe('已缴清');
  });

  it('tells a prepay household which money keeps the power on and that a top-up does not pay the bill owed', () => {
    const note = prepaidNote(1250, 41602);
    expect(note).toContain('余额 ¥12.50 用于之后用电，余额用完会停电');
    expect(note).toContain('应缴 ¥416.02 是已经出账的电费，要另外缴清');
    expect(note).toContain('不会抵扣这笔欠费');
    expect(prepaidNote(1250, 0)).toContain('没有待缴账单');
  });
});
