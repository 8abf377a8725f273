import type { OrderStatus } from '@bianmin/core';
import { formatAge, formatDate, formatPeriod, historyLabel, paidThrough, payServiceId } from './format';

describe('bills format', () => {
  it('names a month and a date as residents write them', () => {
    expect(formatPeriod('2026-02')).toBe('2026年2月');
    expect(formatDate('2026-03-15')).toBe('2026年3月15日');
    expect(formatPeriod('garbage')).toBe('garbage');
  });

  it('says how old department data is in words', () => {
    expect(formatAge(3)).toBe('刚刚');
    expect(formatAge(40)).toBe('40 秒前');
    expect(formatAge(180)).toBe('3 分钟前');
    expect(formatAge(7200)).toBe('2 小时前');
    expect(formatAge(90000)).toBe('1 天前');
    expect(formatAge(Number.NaN)).toBe('刚刚');
  });

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
