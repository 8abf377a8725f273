import { canMove, movableInto, newOrderId } from './orders';

describe('the order state machine', () => {
  it('moves pending → paid → settled, and pending → closed', () => {
    expect(canMove('pending', 'paid')).toBe(true);
    expect(canMove('paid', 'settled')).toBe(true);
    expect(canMove('pending', 'closed')).toBe(true);
  });

  it('books a payment that arrives after the order closed: the money moved', () => {
    expect(canMove('closed', 'paid')).toBe(true);
    expect(movableInto('paid').sort()).toEqual(['closed', 'pending']);
  });

  it('gives money back through refund_pending → refunded, from a paid order or a closed one a payment reached late', () => {
    expect(movableInto('refund_pending').sort()).toEqual(['closed', 'paid']);
    expect(movableInto('refunded')).toEqual(['refund_pending']);
    expect(canMove('settled', 'refund_pending')).toBe(false);
    expect(canMove('pending', 'refund_pending')).toBe(false);
    expect(canMove('refunded', 'paid')).toBe(false);
    expect(canMove('refund_pending', 'settled')).toBe(false);
  });

  it('never goes backwards, never settles unpaid money, never closes a paid order', () => {
    expect(canMove('settled', 'paid')).toBe(false);
    expect(canMove('paid', 'pending')).toBe(false);
    expect(canMove('pending', 'settled')).toBe(false);
    expect(canMove('paid', 'closed')).toBe(false);
    expect(movableInto('settled')).toEqual(['paid']);
    expect(movableInto('closed')).toEqual(['pending']);
    expect(movableInto('pending')).toEqual([]);
  });
});

describe('order ids', () => {
  it('are WeChat Pay outTradeNo-safe: ≤ 32 alphanumerics, starting with the Shanghai date', () => {
    const id = newOrderId(new Date('2026-03-10T16:30:00Z'));
    expect(id).toMatch(/^BM20260311003000[0-9A-Z]{8}$/);
    expect(id.length).toBeLessThanOrEqual(32);
  });

  it('do not repeat', () => {
    const now = new Date();
    expect(new Set(Array.from({ length: 1000 }, () => newOrderId(now))).size).toBe(1000);
  });
});
