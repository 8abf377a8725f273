import { fenToYuan } from './money';

/**
 * One top-up's ceiling, fen: a typo (¥50000 for ¥500) should not reach the payment sheet.
 * This module stays zod-free so that the app's bills subpackage can use it without the schemas.
 */
export const TOPUP_MAX = 500_000;

/** A prepay meter's top-up rules as the department states them, fen. */
export interface TopupRules {
  minimum: number;
  step: number;
}

/**
 * What is wrong with a top-up of `amount` fen under the department's rules, in the words shown
 * under the amount field (the server's `fields.amount`, the app's own check), or null.
 */
export function topupAmountProblem(amount: number, rules: TopupRules): string | null {
  if (amount < rules.minimum) return `最少 ¥${fenToYuan(rules.minimum)}`;
  if (amount % rules.step !== 0) return `须为 ¥${fenToYuan(rules.step)} 的整数倍`;
  if (amount > TOPUP_MAX) return `单次预存最多 ¥${TOPUP_MAX / 100}`;
  return null;
}
