import Taro from '@tarojs/taro';
import type { InsuranceType } from '@bianmin/core';
import { INSURANCE_TYPES } from '@bianmin/core/insurance-terms';

export const PATHS = {
  verify: '/insurance/pages/verify/index',
  summary: '/insurance/pages/summary/index',
  records: '/insurance/pages/records/index',
  access: '/insurance/pages/access/index',
} as const;

export function isInsuranceType(x: unknown): x is InsuranceType {
  return typeof x === 'string' && (INSURANCE_TYPES as readonly string[]).includes(x);
}

export function recordsUrl(insurance: InsuranceType): string {
  return `${PATHS.records}?insurance=${insurance}`;
}

/**
 * Where the verify step returns to: one of this subpackage's pages and its query, nothing else
 * (a `return` taken from a link must not send the resident anywhere outside the flow).
 */
export function safeReturn(raw: string | undefined): string {
  if (!raw) return PATHS.summary;
  let url: string;
  try {
    url = decodeURIComponent(raw);
  } catch {
    return PATHS.summary;
  }
  const [path, query = ''] = url.split('?');
  const known = Object.values(PATHS).filter((p) => p !== PATHS.verify) as string[];
  if (!known.includes(path) || !/^[A-Za-z0-9=&_-]*$/.test(query)) return PATHS.summary;
  return query ? `${path}?${query}` : path;
}

/** Why the verify step was opened: said on top of the form. */
export type VerifyReason = 'required' | 'expired' | 'other';

export function verifyUrl(returnTo: string, reason?: VerifyReason): string {
  return `${PATHS.verify}?return=${encodeURIComponent(returnTo)}${reason ? `&reason=${reason}` : ''}`;
}

/** The page the resident is on, as a `return` target. */
export function currentUrl(path: string, params: Record<string, string | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}

/** Leaves a data page for the verify step, which comes back here once the face check passed. */
export function toVerify(returnTo: string, reason: VerifyReason): void {
  void Taro.redirectTo({ url: verifyUrl(returnTo, reason) });
}
