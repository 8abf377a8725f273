/**
 * Keys that reach an object's prototype when copied with `obj[k] = v` or merged by a library:
 * `{"__proto__": {...}}` from JSON.parse is an own property, and assigning it to a plain object
 * replaces that object's prototype. No action takes a field by these names, so they are refused
 * wherever they appear in a body, not just at the top.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a JSON value ('a.b.__proto__'), or null. Iterative: a deeply nested body cannot overflow the stack. */
export function forbiddenKeyPath(value: unknown): string | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const k of Object.keys(v)) {
      const p = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return p;
      stack.push({ v: (v as Record<string, unknown>)[k], path: p });
    }
  }
  return null;
}

/** An action's parameters: the event's own keys minus the platform's, on an object without a prototype. */
export function paramsOf(event: Record<string, unknown>, platformKeys: readonly string[]): Record<string, unknown> {
  const params = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(event)) if (!platformKeys.includes(k)) params[k] = event[k];
  return params;
}
