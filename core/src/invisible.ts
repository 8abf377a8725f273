// Its own module, free of zod: the mini-program counts what a resident typed with it.

/**
 * Characters that show nothing: zero-width space, joiners and non-joiners, word joiner, BOM,
 * soft hyphen, bidi marks, invisible operators, Hangul fillers, variation selectors and tag
 * characters. Allowed inside text (an emoji family needs its joiners), but a value made only of
 * them is empty, and a phrase split by them reads as the phrase.
 */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e0fff}]/gu;

/** The text without the characters that show nothing. */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}
