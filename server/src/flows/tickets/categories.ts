import { CATEGORY_RULES, type CategoriesResult, DESCRIPTION_CHARS, describeLimit, MAX_PHOTOS, MAX_VIDEO_SECONDS, TICKET_KINDS, TIME_LIMITS, URGENT_KINDS } from '@bianmin/core';

const limitText = (k: keyof typeof TIME_LIMITS) => `${describeLimit(TIME_LIMITS[k].accept)}内受理，${describeLimit(TIME_LIMITS[k].answer)}内答复`;

const CATEGORIES: CategoriesResult = {
  categories: CATEGORY_RULES.map((c) => ({ category: c.category, kinds: [...c.kinds], hint: c.hint, urgentKinds: c.kinds.filter((k) => URGENT_KINDS.includes(k)) })),
  kinds: [...TICKET_KINDS],
  limits: Object.fromEntries((Object.keys(TIME_LIMITS) as Array<keyof typeof TIME_LIMITS>).map((k) => [k, limitText(k)])) as CategoriesResult['limits'],
  maxPhotos: MAX_PHOTOS,
  maxVideoSeconds: MAX_VIDEO_SECONDS,
  description: { min: DESCRIPTION_CHARS.min, max: DESCRIPTION_CHARS.max },
};

/** What a resident may file, in which categories, within which limits (public: the form shows it before signing in). */
export async function listCategories(): Promise<CategoriesResult> {
  return CATEGORIES;
}
