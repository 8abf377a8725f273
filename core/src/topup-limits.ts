/**
 * One top-up's ceiling, fen: a typo (¥50000 for ¥500) should not reach the payment sheet.
 * Its own zod-free module so that the app's bills subpackage can state it without the schemas.
 */
export const TOPUP_MAX = 500_000;
