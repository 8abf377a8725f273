import type { OrderStatus } from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import type { PillTone } from '../ui/status-pill';

/** Who books a payment once we have the money, in the words of its kind. */
export interface Posting {
  /** 缴费单位 / 交警 */
  to: string;
  /** 入账 / 销账 */
  verb: string;
  /** Where to go to pay again: 账单 / 违法详情. */
  again: string;
}

export const UTILITY_POSTING: Posting = { to: '缴费单位', verb: '入账', again: '账单' };
export const FINE_POSTING: Posting = { to: '交警', verb: '销账', again: '违法详情' };

export interface StatusWords {
  label: string;
  tone: PillTone;
  hint: string;
}

/**
 * An order's state in words, for every payable kind (never colour alone), with the one-line
 * explanation under it. Whether a household still owes is its department's to say (the receipt
 * asks it), never this order's.
 */
export function orderStatusWords(status: OrderStatus | string, p: Posting): StatusWords {
  switch (status) {
    case 'pending':
      return { label: '待支付', tone: 'warn', hint: '订单已创建，尚未收到支付结果。超时未支付的订单会自动关闭，不会扣款。' };
    case 'paid':
      return { label: `支付成功 · 正在${p.verb}`, tone: 'progress', hint: `款项已支付成功，正在送达${p.to}${p.verb}。会自动完成，无需重复缴费；${p.to}系统繁忙时可能需要几分钟。` };
    case 'settled':
      return { label: `支付成功 · 已${p.verb}`, tone: 'ok', hint: `${p.to}已确认${p.verb}。` };
    case 'closed':
      return { label: '已关闭', tone: 'muted', hint: `订单未支付，已关闭，没有扣款。如仍需缴费，请回到${p.again}重新发起。` };
    case 'refund_pending':
      return { label: `未能${p.verb} · 正在退款`, tone: 'warn', hint: `这笔钱没能在${p.to}${p.verb}，正在原路退回您的微信支付账户，一般 1–3 个工作日到账，无需任何操作。` };
    case 'refunded':
      return { label: '已退款', tone: 'muted', hint: '款项已原路退回您的微信支付账户，可在微信支付账单中查看。' };
    default:
      // A status the server may grow still gets words, not a blank.
      return { label: status, tone: 'muted', hint: '' };
  }
}

/** A payment that went through and stays paid (我的订单's 已支付). */
export function paidThrough(status: OrderStatus): boolean {
  return PAID_ORDER_STATUSES.includes(status);
}

/**
 * Under 我的订单's 全部, what an order that did not go through is, said so that nobody reads it as
 * a second payment: whether money was taken, and whether it is back.
 */
const NOT_PAID: Record<Exclude<OrderStatus, 'paid' | 'settled'>, string> = {
  pending: '待支付，未扣款',
  closed: '已取消，未扣款',
  refund_pending: '未能入账，正在退款',
  refunded: '已退款，钱已退回',
};

/** The label an order carries in the history: its payment state, or what it is when it did not go through. */
export function historyLabel(status: OrderStatus, p: Posting = UTILITY_POSTING): string {
  return status === 'paid' || status === 'settled' ? orderStatusWords(status, p).label : NOT_PAID[status];
}

/** The receipt's big glyph for a state. */
export function statusGlyph(status: OrderStatus | string): string {
  if (status === 'settled' || status === 'paid') return '✓';
  if (status === 'closed') return '✕';
  if (status === 'refunded' || status === 'refund_pending') return '↩';
  return '…';
}
