import type { OrderStatus } from '@bianmin/core';
import { FINE_POSTING, historyLabel, orderStatusWords, paidThrough, UTILITY_POSTING } from './status';

const ALL: OrderStatus[] = ['pending', 'paid', 'settled', 'closed', 'refund_pending', 'refunded'];

describe('an order in words, for every payable kind', () => {
  it('names posting by the kind: a bill is 入账 at the company, a fine 销账 at the traffic police', () => {
    expect(orderStatusWords('settled', UTILITY_POSTING).label).toBe('支付成功 · 已入账');
    expect(orderStatusWords('settled', FINE_POSTING).label).toBe('支付成功 · 已销账');
    expect(orderStatusWords('paid', FINE_POSTING).hint).toContain('正在送达交警销账');
    expect(orderStatusWords('refunded', FINE_POSTING).label).toBe('已退款');
    expect(orderStatusWords('something_new', FINE_POSTING)).toEqual({ label: 'something_new', tone: 'muted', hint: '' });
  });

  it('labels every order in the history so that one that did not go through never reads as a payment', () => {
    expect(ALL.filter(paidThrough)).toEqual(['paid', 'settled']);
    expect(historyLabel('settled')).toBe('支付成功 · 已入账');
    expect(historyLabel('closed')).toBe('已取消，未扣款');
    expect(historyLabel('pending')).toBe('待支付，未扣款');
    expect(historyLabel('refunded')).toBe('已退款，钱已退回');
    for (const st of ALL.filter((s) => !paidThrough(s))) expect(historyLabel(st)).not.toMatch(/支付成功/);
  });
});
