import { withoutInvisible } from '@bianmin/core';

/**
 * The text the content check is asked about: what a reader sees, not the code points sent. Without
 * this a flagged phrase passes in disguise — zero-width characters between its letters, full-width
 * letters and digits (ｙｕｕｏ, ３４５６), which look the same to a reader and differ to a
 * matcher. NFKC folds compatibility forms (full-width, ligatures, circled digits) to plain ones;
 * characters that show nothing go before and after (NFKC turns a half-width Hangul filler into
 * another invisible one).
 */
export function forContentCheck(text: string): string {
  return withoutInvisible(withoutInvisible(text).normalize('NFKC'));
}
