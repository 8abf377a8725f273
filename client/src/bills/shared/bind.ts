import type { Provider } from '@bianmin/core';
import { accountNoProblem } from '@bianmin/core/providers';

export type BindField = 'providerId' | 'accountNo' | 'holderName' | 'label';
export type BindErrors = Partial<Record<BindField, string>>;

const FIELDS: BindField[] = ['providerId', 'accountNo', 'holderName', 'label'];

/** What the server stores: upper case, no spaces (the server's schema does the same). */
export function normalizeAccountNo(accountNo: string): string {
  return accountNo.toUpperCase().replace(/\s+/g, '');
}

/** The same rule as the server (`accountNoProblem`), so a wrong number is caught before the round trip. */
export function accountError(provider: Provider | undefined, raw: string): string | undefined {
  const v = normalizeAccountNo(raw);
  if (!v) return '请填写户号';
  if (!provider) return undefined;
  return accountNoProblem(provider, v) ?? undefined;
}

/**
 * Where a refused bind is said. Bad input: each field's own words under it. A refusal about the
 * pair (an unknown number and a wrong name get one answer: the company is no oracle for names)
 * is said once, above the form, and the fields it names are only marked — never the same
 * sentence under both.
 */
export function bindRefusal(err: { code: string; message: string; fields?: Record<string, string> }): { fields: BindErrors; marked: BindField[]; form: string | null } {
  const named = FIELDS.filter((f) => err.fields?.[f]);
  if (err.code === 'INVALID_INPUT' && named.length > 0) {
    const fields: BindErrors = {};
    for (const f of named) fields[f] = err.fields![f];
    return { fields, marked: [], form: null };
  }
  return { fields: {}, marked: named, form: err.message };
}
