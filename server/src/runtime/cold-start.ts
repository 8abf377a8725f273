/**
 * A function's configuration, checked once per cold start against its declaration: a console
 * field left empty, or a `{{env.X}}` nobody rendered, would otherwise reach a database driver or
 * a URL parser deep inside the first call and come back as a resident's "系统繁忙".
 */

/** An unrendered template placeholder, as tcb and CI systems write them. */
const PLACEHOLDER = /^\{\{\s*[A-Za-z_][\w.]*\s*\}\}$|^\$\{[A-Za-z_]\w*\}$/;

/** Empty, only spaces, or an unrendered placeholder: the same as not set. */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  return v === '' || PLACEHOLDER.test(v);
}

/** The environment with every blank value taken out, so that defaults and fallbacks apply to them. */
export function withoutBlanks(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => !isBlank(v)));
}

/** The required variables that are unset or blank, in the declaration's order. */
export function missingVariables(env: Record<string, string | undefined>, required: readonly string[]): string[] {
  return required.filter((name) => isBlank(env[name]));
}

/** Why a function cannot serve: said once in the log, never to a resident. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
  constructor(
    readonly variables: string[],
    readonly detail: string,
  ) {
    super(detail);
  }
}
