/**
 * Resident identity numbers (GB 11643-1999) and real names, as a resident types them into a
 * phone: full-width digits from a Chinese keyboard, a lowercase x, spaces between groups. Every
 * refusal says which rule failed, so the form can tell the resident what to fix.
 */

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/**
 * First two digits: a province-level division (GB/T 2260), plus 81/82/83 for the residence
 * permits of Hong Kong, Macao and Taiwan residents, which carry 18-digit numbers of this form.
 */
const REGION_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** Full-width digits and X (a Chinese keyboard's default) to ASCII; spaces and hyphens between groups dropped. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF38\uFF58]/g, 'X')
    .replace(/[\s\u3000\-－]/g, '')
    .replace(/x/g, 'X');
}

export type IdNumberProblem =
  | 'empty'
  | 'legacy15'
  | 'length'
  | 'characters'
  | 'region'
  | 'birthDate'
  | 'before1900'
  | 'future'
  | 'checkDigit';

/** What the resident reads under the field, one sentence per rule. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号',
  legacy15: '这是 15 位旧版身份证号，请使用 18 位身份证号',
  length: '身份证号应为 18 位',
  characters: '身份证号前 17 位应为数字，最后一位为数字或 X',
  region: '身份证号前两位不是有效的省级行政区划代码，请核对',
  birthDate: '身份证号中的出生日期不存在，请核对第 7–14 位',
  before1900: '身份证号中的出生年份早于 1900 年，请核对第 7–10 位',
  future: '身份证号中的出生日期晚于今天，请核对第 7–14 位',
  checkDigit: '身份证号校验位（最后一位）不正确，请逐位核对',
};

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/**
 * The first rule a normalised number breaks, or null. `today` (a Shanghai `YYYY-MM-DD`) enables
 * the future-birth-date rule; the client and the server pass their own clock's date.
 */
export function idNumberProblem(id: string, today?: string): IdNumberProblem | null {
  if (id === '') return 'empty';
  if (/^\d{15}$/.test(id)) return 'legacy15';
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!REGION_PREFIXES.has(id.slice(0, 2))) return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d)) return 'birthDate';
  if (y < 1900) return 'before1900';
  if (today && `${y}-${pad(m)}-${pad(d)}` > today) return 'future';
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(id: string, today?: string): boolean {
  return idNumberProblem(id, today) === null;
}

/** `YYYY-MM-DD` of birth from a valid 18-digit number. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Middle dots as phones type them (・ • ‧ ．) → the one in ID cards, U+00B7. */
const DOT_VARIANTS = /[\u2022\u2027\u30FB\uFF65\u2219\u22C5\uFF0E]/g;

export type NameProblem = 'empty' | 'short' | 'long' | 'characters' | 'dots';

export const NAME_MESSAGES: Record<NameProblem, string> = {
  empty: '请填写姓名',
  short: '姓名至少 2 个字',
  long: '姓名最多 30 个字',
  characters: '姓名应与身份证一致，只能包含汉字和间隔号「·」',
  dots: '间隔号「·」只能出现在两个字之间',
};

export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(DOT_VARIANTS, '·').trim();
}

/** Names as printed on an ID card: Han characters, and the middle dot of minority names (阿依古丽·买买提). */
export function nameProblem(name: string): NameProblem | null {
  if (name === '') return 'empty';
  if (!/^[\p{Script=Han}·]+$/u.test(name)) return 'characters';
  if (/^·|·$|··/.test(name)) return 'dots';
  const length = Array.from(name).length;
  if (length < 2) return 'short';
  if (length > 30) return 'long';
  return null;
}
