import type { InboxMessage } from '@bianmin/core';
import { parseInstant, shanghaiDate, toShanghaiIso } from '@bianmin/core/time';

/** Newest first, whatever order the server used; a message without a readable time goes last. */
export function newestFirst(list: InboxMessage[]): InboxMessage[] {
  const t = (m: InboxMessage) => parseInstant(m.createdAt)?.getTime() ?? -Infinity;
  return [...list].sort((a, b) => t(b) - t(a));
}

/** `今天 00:31`, `昨天 21:05`, `3月8日 09:00` or `2025年12月1日 09:00`, in Shanghai time. */
export function describeMessageTime(iso: string, now: Date): string {
  const at = parseInstant(iso);
  if (!at) return '';
  const local = toShanghaiIso(at);
  const hhmm = local.slice(11, 16);
  const day = shanghaiDate(at);
  if (day === shanghaiDate(now)) return `今天 ${hhmm}`;
  if (day === shanghaiDate(new Date(now.getTime() - 24 * 60 * 60 * 1000))) return `昨天 ${hhmm}`;
  const md = `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${hhmm}`;
  return local.slice(0, 4) === toShanghaiIso(now).slice(0, 4) ? md : `${local.slice(0, 4)}年${md}`;
}
