/**
 * Money is integer fen everywhere (WeChat Pay's totalFee is fen). Never floats: 69.6 * 100 is
 * 6959.999… in JavaScript, and truncating it loses a fen.
 */
export type Fen = number;

/** '69.60' / '69.6' / '69' → 6960 / 6960 / 6900; anything else (more decimals, signs, junk) → null. */
export function parseYuan(s: string): Fen | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 6960 → '69.60' */
export function fenToYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * 6960 → '¥69.60', 8436392 → '¥84,363.92': grouped by thousands, as a bank statement and WeChat
 * Pay's own sheet print it, so a resident reads ¥14,908.80 at a glance. (Inputs take
 * `fenToYuan`'s ungrouped form.)
 */
export function formatFen(fen: Fen): string {
  const yuan = fenToYuan(fen);
  const dot = yuan.indexOf('.');
  return `¥${yuan.slice(0, dot).replace(/\B(?=(\d{3})+$)/g, ',')}${yuan.slice(dot)}`;
}

/** Integer division rounded half up, for non-negative integers (the one rounding rule we state). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

const DAY_MS = 86_400_000;

/** Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Residential utility late fee (违约金): 0.1% of the overdue amount for each day after the due
 * date, computed on the whole overdue period and rounded half up to the fen once — never per day,
 * so that a resident is not charged for a pile of rounded-up fractions.
 */
export function utilityLateFee(amount: Fen, dueDate: string, asOf: string): { lateFee: Fen; overdueDays: number } {
  const overdueDays = Math.max(0, daysBetween(dueDate, asOf));
  return { lateFee: divRoundHalfUp(amount * overdueDays, 1000), overdueDays };
}
