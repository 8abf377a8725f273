import type { InsuranceType } from '@bianmin/core';
import { INSURANCE_TYPES } from '@bianmin/core/insurance-terms';
import { defineFlow, pathsOf, withQuery } from '../flows/define';

/** Social insurance: verify who you are (a face check), then the summary, records by year, and who looked. */
export const insuranceFlow = defineFlow({
  root: 'insurance',
  title: '社保查询：实名认证（刷脸），参保概况、缴费记录、查询记录、养老金待遇资格认证',
  pages: {
    summary: 'pages/summary/index',
    verify: 'pages/verify/index',
    records: 'pages/records/index',
    access: 'pages/access/index',
    eligibility: 'pages/eligibility/index',
  },
  services: { 'insurance.query': 'summary' },
});

export const PATHS = pathsOf(insuranceFlow);

export function isInsuranceType(x: unknown): x is InsuranceType {
  return typeof x === 'string' && (INSURANCE_TYPES as readonly string[]).includes(x);
}

export function recordsUrl(insurance: InsuranceType): string {
  return withQuery(PATHS.records, { insurance });
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
export type VerifyReason = 'required' | 'expired' | 'other' | 'check';

/** 待遇资格认证; `check`: back from the face check the resident started for it (the check is posted at once). */
export function eligibilityUrl(check = false): string {
  return withQuery(PATHS.eligibility, { check: check ? 1 : undefined });
}

export function verifyUrl(returnTo: string, reason?: VerifyReason): string {
  return withQuery(PATHS.verify, { return: returnTo, reason });
}

/** The page the resident is on, as a `return` target. */
export function currentUrl(path: string, params: Record<string, string | undefined>): string {
  return withQuery(path, params);
}
