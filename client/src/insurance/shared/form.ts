import { ID_NUMBER_MESSAGES, idNumberProblem, NAME_MESSAGES, nameProblem, normalizeIdNumber, normalizeName } from '@bianmin/core/id-rules';
import { shanghaiDate } from '@bianmin/core/time';

export type VerifyField = 'name' | 'idNumber';
export type VerifyErrors = Partial<Record<VerifyField, string>>;

/**
 * The server's own rules (core's id-rules), run on the phone first so a mistyped number is
 * caught before the round trip; the server checks again with its clock, and its `fields` win.
 * `today` is the phone's date in Shanghai, for the "birth date in the future" rule.
 */
export function checkVerifyForm(raw: { name: string; idNumber: string }, now: Date): { value: { name: string; idNumber: string }; errors: VerifyErrors } {
  const name = normalizeName(raw.name);
  const idNumber = normalizeIdNumber(raw.idNumber);
  const errors: VerifyErrors = {};
  const np = nameProblem(name);
  if (np) errors.name = NAME_MESSAGES[np];
  const ip = idNumberProblem(idNumber, shanghaiDate(now));
  if (ip) errors.idNumber = ID_NUMBER_MESSAGES[ip];
  return { value: { name, idNumber }, errors };
}

/** The server's per-field reasons, for the fields this form has; anything else stays in the message. */
export function fieldErrors(fields: Record<string, string> | undefined): VerifyErrors {
  const out: VerifyErrors = {};
  if (fields?.name) out.name = fields.name;
  if (fields?.idNumber) out.idNumber = fields.idNumber;
  return out;
}
