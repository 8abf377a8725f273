/**
 * Whether `e` is PostgreSQL's unique_violation (23505), on `constraint` when one is named. The
 * error is pg's (or PGlite's) own or drizzle's wrapper of it (`cause`); some drivers leave the
 * constraint name out, and then any unique violation counts.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const c = (e as { cause?: { code?: string; constraint?: string } } | null)?.cause ?? (e as { code?: string; constraint?: string } | null);
  return c?.code === '23505' && (constraint === undefined || c.constraint === undefined || c.constraint === constraint);
}
