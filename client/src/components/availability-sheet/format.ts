import { parseInstant, toShanghaiIso } from '@bianmin/core/time';

/**
 * `3月11日 00:30`, always with the date, in Shanghai time. Used where a resident acts on the
 * time later (a reminder, a message), so "00:30" alone would be ambiguous.
 */
export function formatDateTime(iso: string): string {
  const at = parseInstant(iso);
  if (!at) return iso;
  const local = toShanghaiIso(at);
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}
