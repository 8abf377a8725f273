import { z } from 'zod';
import { ID_NUMBER_MESSAGES, idNumberProblem, NAME_MESSAGES, nameProblem, normalizeIdNumber, normalizeName } from './id-rules';

// The rules themselves have no zod in them, so the mini-program can check a form with them
// without carrying zod into its packages.
export * from './id-rules';

/**
 * The identity number field of a form: normalised, then checked. The future-date rule needs a
 * date, which a shared schema does not have: the server re-checks with the call's clock
 * (`idNumberProblem(id, today)`), the client with the phone's.
 */
export const idNumberSchema = z
  .string({ error: ID_NUMBER_MESSAGES.empty })
  .max(40, ID_NUMBER_MESSAGES.length)
  .transform(normalizeIdNumber)
  .superRefine((id, ctx) => {
    const p = idNumberProblem(id);
    if (p) ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[p] });
  });

export const realNameSchema = z
  .string({ error: NAME_MESSAGES.empty })
  .max(64, NAME_MESSAGES.long)
  .transform(normalizeName)
  .superRefine((name, ctx) => {
    const p = nameProblem(name);
    if (p) ctx.addIssue({ code: 'custom', message: NAME_MESSAGES[p] });
  });
