import { z } from 'zod';
import { withoutInvisible } from './invisible';

/**
 * The one schema for text a resident types. Every action schema with free text builds on it, so a
 * string that reaches a department, a log or the database has been checked once, the same way:
 *
 * - no U+0000 (PostgreSQL refuses it in text: it used to surface as INTERNAL);
 * - no C0/C1 control characters (U+0001–U+001F, U+007F–U+009F): invisible, they make two equal
 *   looking values differ and corrupt logs; long text keeps its line breaks (normalised to \n);
 * - no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069): they make text read
 *   differently from what it is ("Trojan Source");
 * - no lone UTF-16 surrogates (half an emoji): not valid Unicode, refused by JSON encoders downstream;
 * - Unicode NFC (a composed 'é' and 'e' + combining accent are one value), then trimmed;
 * - length counted in characters as a resident counts them (code points), after normalising;
 *   the shortest length in characters a reader sees (zero-width ones do not count, and a value of
 *   only those is empty).
 *
 * Written without regex lookbehind or String.prototype.isWellFormed: core also runs in the
 * mini-program, whose older iOS JavaScript engines have neither.
 */
export interface TextOptions {
  /** How the field is named to the resident: '备注名', '户名'. */
  label: string;
  /** Longest value after normalising, in characters. */
  max: number;
  /** Shortest value after trimming (default 1: an empty or blank value is refused as missing). */
  min?: number;
  /** Long text (a complaint, a description): keeps line breaks. */
  multiline?: boolean;
}

export { withoutInvisible } from './invisible';

export type TextProblem = 'nul' | 'control' | 'bidi' | 'surrogate';

/** The first thing wrong with a raw string, or null. Exported for the client's own early check. */
export function textProblem(s: string, multiline = false): TextProblem | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'nul';
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      if (multiline && (c === 0x0a || c === 0x0d)) continue;
      return 'control';
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'bidi';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate';
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'surrogate';
  }
  return null;
}

export function textProblemMessage(label: string, problem: TextProblem): string {
  switch (problem) {
    case 'nul':
      return `${label}含有空字符（U+0000），请删除后重新输入`;
    case 'control':
      return `${label}含有看不见的控制字符，请删除后重新输入`;
    case 'bidi':
      return `${label}含有改变文字方向的隐藏字符，请删除后重新输入`;
    case 'surrogate':
      return `${label}含有无法识别的字符（不完整的表情或符号），请重新输入`;
  }
}

/** Checked, normalised text; `.optional()` it for an optional field (a blank optional value stays ''). */
export function text(opts: TextOptions) {
  const { label, max, multiline = false } = opts;
  const min = opts.min ?? 1;
  return z.string({ error: `请填写${label}` }).transform((raw, ctx) => {
    const problem = textProblem(raw, multiline);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: textProblemMessage(label, problem) });
      return z.NEVER;
    }
    let v = raw.normalize('NFC').trim();
    if (multiline) v = v.replace(/\r\n?/g, '\n');
    // What a reader sees decides "too short": zero-width spaces are not words, and a value of
    // nothing else is empty. The stored value keeps them (an emoji family needs its joiners).
    const visible = Array.from(withoutInvisible(v).trim()).length;
    if (visible === 0) {
      if (min <= 0) return '';
      ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      return z.NEVER;
    }
    if (visible < min) {
      ctx.addIssue({ code: 'custom', message: `${label}至少 ${min} 个字（现在 ${visible} 个）` });
      return z.NEVER;
    }
    const length = Array.from(v).length;
    if (length > max) {
      ctx.addIssue({ code: 'custom', message: `${label}最多 ${max} 个字（现在 ${length} 个）` });
      return z.NEVER;
    }
    return v;
  });
}
