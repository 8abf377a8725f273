import { ZHANG } from '../../testing/stack';
import { defineDevFlow, NOON, seeded } from '../attack';

/** 我的订单 as the first resident sees it after the bills and traffic seeders: their bill order and their fine order. */
export const paymentsAttack = defineDevFlow({
  fn: 'payments',
  async seed(stack) {
    const { orders } = seeded<{ orders: Array<{ flow: string; order: { orderId: string } }> }>(
      await stack.call('payments', { action: 'orders', show: 'all' }, { openid: ZHANG.openid, now: NOON }),
      'orders',
    );
    const bill = orders.find((e) => e.flow === 'bills');
    if (!bill || !orders.some((e) => e.flow === 'traffic')) throw new Error('seeding: 我的订单 lacks the bill or the fine order the bills and traffic seeders placed');
    return { receiptOrderId: bill.order.orderId };
  },
  secrets: (o) => ({ receiptOrderId: [o.receiptOrderId] }),
  recipes: {
    orders: { body: () => ({ action: 'orders' }), replay: 'own' },
    order: { body: (o) => ({ action: 'order', orderId: o.receiptOrderId }), replay: 'NOT_FOUND' },
  },
});
