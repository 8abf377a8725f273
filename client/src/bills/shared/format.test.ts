import type { OrderStatus } from '@bianmin/core';
import { historyLabel, paidThrough, payServiceId } from './format';

describe('bills format', () => {
  it('names the pay service of each utility', () => {
    expect(payServiceId('gas')).toBe('bills.gas.pay');
  });

  it('labels every order in the history so that one that did not go through never reads as a payment', () => {
    expect(['paid', 'settled'].map((st) => paidThrough(st as OrderStatus))).toEqual([true, true]);
    expect(historyLabel('settled')).toBe('支付成功 · 已入账');
    expect(historyLabel('closed')).toBe('已取消，未扣款');
    expect(historyLabel('pending')).toBe('待支付，未扣款');
    expect(historyLabel('refunded')).toBe('已退款，钱已退回');
    for (const st of ['pending', 'closed', 'refund_pending', 'refunded'] as OrderStatus[]) {
      expect(paidThrough(st)).toBe(false);
      expect(historyLabel(st)).not.toMatch(/支付成功/);
    }
  });
});
