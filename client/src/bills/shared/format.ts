import type { BillsServiceId, OrderStatus, UtilityKind } from '@bianmin/core';
import { PAID_ORDER_STATUSES } from '@bianmin/core/orders';
import { UTILITY_KINDS } from '@bianmin/core/providers';
import { parseInstant, toShanghaiIso } from '@bianmin/core/time';

export const KINDS: readonly UtilityKind[] = UTILITY_KINDS;

/** What the bill is called (水费), the short tab name (水) and the one-glyph icon (the hub's). */
export const KIND_INFO: Record<UtilityKind, { bill: string; tab: string; glyph: string }> = {
  water: { bill: '水费', tab: '水费', glyph: '水' },
  electricity: { bill: '电费', tab: '电费', glyph: '电' },
  gas: { bill: '燃气费', tab: '燃气费', glyph: '气' },
};

export function isKind(x: unknown): x is UtilityKind {
  return typeof x === 'string' && (KINDS as readonly string[]).includes(x);
}

/** The catalogue's pay service for a utility: its hours decide whether Pay is offered now. */
export function payServiceId(kind: UtilityKind): BillsServiceId {
  return `bills.${kind}.pay`;
}

/** '2026-02' → '2026年2月' */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}年${Number(m[2])}月` : period;
}

/** '2026-03-15' → '2026年3月15日' */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant as Shanghai wall time: '2026-03-10 12:00'. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const at = parseInstant(iso);
  if (!at) return iso;
  const local = toShanghaiIso(at);
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** How old department data is, as a resident says it: 刚刚 / 40 秒前 / 3 分钟前 / 2 小时前 / 1 天前. */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 10) return '刚刚';
  if (seconds < 60) return `${Math.floor(seconds)} 秒前`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} 小时前`;
  return `${Math.floor(seconds / 86400)} 天前`;
}

export type StatusTone = 'ok' | 'progress' | 'muted' | 'warn';

/** A payment's state in words (never colour alone), with the one-line explanation under it. */
export const ORDER_STATUS: Record<OrderStatus, { label: string; tone: StatusTone; hint: string }> = {
  pending: { label: '待支付', tone: 'warn', hint: '订单已创建，尚未收到支付结果。超时未支付的订单会自动关闭，不会扣款。' },
  paid: {
    label: '支付成功 · 正在入账',
    tone: 'progress',
    hint: '款项已支付成功，正在送达缴费单位入账。入账会自动完成，无需重复缴费；缴费单位系统繁忙时可能需要几分钟。',
  },
  // Whether the household still owes is the department's to say (the receipt asks it), not this order's.
  settled: { label: '支付成功 · 已入账', tone: 'ok', hint: '缴费单位已确认入账。' },
  closed: { label: '已关闭', tone: 'muted', hint: '订单未支付，已关闭，没有扣款。如仍需缴费，请回到账单重新发起。' },
  refund_pending: {
    label: '未能入账 · 正在退款',
    tone: 'warn',
    hint: '这笔钱没能入账（账单已由其他方式缴清、付款到账时订单已关闭，或缴费单位未能入账），正在原路退回您的微信支付账户，一般 1–3 个工作日到账，无需任何操作。',
  },
  refunded: { label: '已退款', tone: 'muted', hint: '款项已原路退回您的微信支付账户。如仍需缴费，请回到账单查看是否还有欠费。' },
};

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
export function historyLabel(status: OrderStatus): string {
  return status === 'paid' || status === 'settled' ? ORDER_STATUS[status].label : NOT_PAID[status];
}
