import Taro from '@tarojs/taro';
import { ACTING_FOR_KEY, isFamilyScope } from '@bianmin/core/family-scopes';

/**
 * 亲友代办 on the client, done once: a page opened with `actingFor=<linkId>` in its query acts for
 * a relative, and so does every page opened from it within the same subpackage (the bill page's
 * receipt after paying). The call layer adds the link to every call of a family-scoped function
 * such a page makes; the page kit shows the banner. Nothing else in a page knows about it.
 */
const LINK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type PageLike = { route?: string; path?: string; options?: Record<string, unknown>; $taroParams?: Record<string, unknown> };

function paramsOf(p: PageLike): Record<string, unknown> {
  if (p.options && Object.keys(p.options).length) return p.options;
  if (p.$taroParams) return p.$taroParams;
  const q = p.path?.split('?')[1];
  if (!q) return {};
  const out: Record<string, string> = {};
  for (const part of q.split('&')) {
    const [k, v = ''] = part.split('=');
    try {
      out[decodeURIComponent(k)] = decodeURIComponent(v);
    } catch {
      // A malformed escape is not a link id either.
    }
  }
  return out;
}

const rootOf = (p: PageLike) => (p.route ?? p.path ?? '').replace(/^\/+/, '').split('/')[0];

/** The link the current page acts through, or null: its own, else the nearest page below it in the same subpackage that has one. */
export function actingForOfPage(): string | null {
  let pages: PageLike[] = [];
  try {
    pages = Taro.getCurrentPages() as unknown as PageLike[];
  } catch {
    pages = [];
  }
  const own = Taro.getCurrentInstance?.()?.router?.params?.[ACTING_FOR_KEY];
  if (typeof own === 'string' && LINK_ID.test(own)) return own;
  const top = pages[pages.length - 1];
  if (!top) return null;
  for (let i = pages.length - 1; i >= 0; i--) {
    if (rootOf(pages[i]) !== rootOf(top)) break;
    const v = paramsOf(pages[i])[ACTING_FOR_KEY];
    if (typeof v === 'string' && LINK_ID.test(v)) return v;
  }
  return null;
}

/** A call's data with the page's link added, for a family-scoped function only (the server refuses it elsewhere). */
export function withActingFor<D extends object>(name: string, data: D): D {
  if (!isFamilyScope(name) || ACTING_FOR_KEY in data) return data;
  const linkId = actingForOfPage();
  return linkId ? { ...data, [ACTING_FOR_KEY]: linkId } : data;
}

const LABELS_KEY = 'bianmin.family.labels';

/**
 * What the helper calls each relative (妈妈), by link, for the banner: the family list replaces
 * them all (`replace`), an accepted invitation adds one.
 */
export function rememberActingLabels(labels: Record<string, string>, opts: { replace?: boolean } = {}): void {
  try {
    const kept = opts.replace ? {} : storedLabels();
    Taro.setStorageSync(LABELS_KEY, JSON.stringify({ ...kept, ...labels }));
  } catch {
    // Storage full or blocked: the banner says 亲友 instead of the name.
  }
}

function storedLabels(): Record<string, unknown> {
  try {
    const raw: unknown = Taro.getStorageSync(LABELS_KEY);
    return typeof raw === 'string' && raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function actingLabel(linkId: string): string | null {
  const v = storedLabels()[linkId];
  return typeof v === 'string' ? v : null;
}
