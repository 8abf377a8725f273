import type { OrderView } from '@bianmin/core';
import { formatMonth } from '@bianmin/core/format';
// Not from the schemas: that would bring zod into the bills subpackage (+116 KB).
import { TOPUP_MAX, topupAmountProblem, type TopupRules } from '@bianmin/core/topup-limits';
import { fenToYuan, parseYuan } from '@bianmin/core/money';
import { KIND_INFO } from './format';

export type { TopupRules };

/** The preset amounts offered first, fen: those the department's rules allow. */
export function topupPresets(rules: TopupRules): number[] {
  return [5000, 10000, 20000].filter((f) => f >= rules.minimum && f % rules.step === 0 && f <= TOPUP_MAX);
}

/** The rules in one line, said before the resident types ("最低 ¥10.00，须为 ¥1.00 的整数倍"). */
export function topupRulesText(rules: TopupRules): string {
  return `最低 ¥${fenToYuan(rules.minimum)}，须为 ¥${fenToYuan(rules.step)} 的整数倍，单次最多 ¥${fenToYuan(TOPUP_MAX)}`;
}

/**
 * What is wrong with a typed amount (yuan, up to 2 decimals), in the server's own words for
 * `fields.amount` (one rule, in core), or the amount in fen. The server checks again and stays the authority.
 */
export function checkTopupAmount(text: string, rules: TopupRules): { fen: number } | { problem: string } {
  if (!text.trim()) return { problem: '请填写预存金额' };
  const fen = parseYuan(text);
  if (fen === null) return { problem: '请填写金额，如 50 或 50.5（最多两位小数）' };
  const problem = topupAmountProblem(fen, rules);
  if (problem) return { problem };
  return { fen };
}

/** An order's name in lists and receipts: 预存电费 for a top-up, the bill and its months otherwise. */
export function orderTitle(order: Pick<OrderView, 'kind' | 'purpose' | 'period' | 'lines'>): string {
  if (order.purpose === 'topup') return '预存电费';
  const what = order.lines.length > 1 ? `${order.lines.length} 期` : formatMonth(order.period);
  return `${KIND_INFO[order.kind].bill} · ${what}`;
}
