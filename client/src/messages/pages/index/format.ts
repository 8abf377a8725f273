import type { InboxMessage } from '@bianmin/core';
import { parseInstant } from '@bianmin/core/time';

/** Newest first, whatever order the server used; a message without a readable time goes last. */
export function newestFirst(list: InboxMessage[]): InboxMessage[] {
  const t = (m: InboxMessage) => parseInstant(m.createdAt)?.getTime() ?? -Infinity;
  return [...list].sort((a, b) => t(b) - t(a));
}

