import type { z } from 'zod';

/**
 * zod issues → `{ 'field.path': '中文说明' }`. The schemas carry their own Chinese messages where
 * the wording matters; zod's zh-CN locale (configured in core) covers the rest.
 */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!Object.prototype.hasOwnProperty.call(fields, key)) fields[key] = issue.message;
  }
  return fields;
}
