import type { InboxMessage } from '@bianmin/core';
import { parseInstant } from '@bianmin/core/time';

/** Newest first, whatever order the server used; a message without a readable time goes last. */
export function newestFirst(list: InboxMessage[]): InboxMessage[] {
  const t = (m: InboxMessage) => parseInstant(m.createdAt)?.getTime() ?? -Infinity;
  return [...list].sort((a, b) => t(b) - t(a));
}


/**
 * What a message's link does, in words that match it: only a reopened service is something to
 * 办理; a 12345 update is progress to look at, a due bill is to pay, a refund is an order to see.
 */
export function messageAction(kind: string): string {
  switch (kind) {
    case 'reminder':
      return '去办理';
    case 'bill_due':
      return '去缴费';
    case 'refund':
      return '查看订单';
    case 'ticket':
      return '查看进度';
    default:
      return '查看';
  }
}
