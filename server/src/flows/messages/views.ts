import { type InboxMessage, toShanghaiIso } from '@bianmin/core';
import type { messages } from '../../db/schema';

/** How the message centre presents a resident's messages. */

/** A message as its resident sees it: what, when, the page it opens, and whether it was read. */
export const messageView = (r: typeof messages.$inferSelect): InboxMessage => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  path: r.path,
  createdAt: toShanghaiIso(r.createdAt),
  read: r.readAt !== null,
});
