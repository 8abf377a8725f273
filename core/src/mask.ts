/**
 * Masking for display and logs: a resident's identity data is shown in full only where the
 * task needs it (and then behind a reveal), never written to a log.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s+/g, '');
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '*'.repeat(p.length);
}

/** 110101199003071234 → 1101**********1234 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  return s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : '*'.repeat(s.length);
}

/** Account numbers: keep the last four so a resident can tell households apart. */
export function maskAccountNo(accountNo: string): string {
  const s = accountNo.trim();
  return s.length > 4 ? `${'*'.repeat(Math.min(s.length - 4, 6))}${s.slice(-4)}` : s;
}
