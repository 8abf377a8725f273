import { AppError, type InboxMessage, toShanghaiIso } from '@bianmin/core';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { messages } from '../../db/schema';
import type { ResidentContext } from '../../runtime/types';

/** The resident's message centre, newest first, with the count of unread messages. */
export async function listMessages(ctx: ResidentContext): Promise<{ messages: InboxMessage[]; unread: number }> {
  const limit = 50;
  const db = await ctx.deps.db();
  const openid = ctx.caller.openid;
  const rows = await db.select().from(messages).where(eq(messages.openid, openid)).orderBy(desc(messages.createdAt)).limit(limit);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(messages)
    .where(and(eq(messages.openid, openid), isNull(messages.readAt)));
  return {
    messages: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, path: r.path, createdAt: toShanghaiIso(r.createdAt), read: r.readAt !== null })),
    unread: n,
  };
}

/** Marks one of the resident's own messages read; another resident's id is simply not found. */
export async function markRead(ctx: ResidentContext, input: { messageId: string }): Promise<{ read: true }> {
  const db = await ctx.deps.db();
  const done = await db
    .update(messages)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(messages.id, input.messageId), eq(messages.openid, ctx.caller.openid)))
    .returning({ id: messages.id });
  if (!done.length) throw new AppError('NOT_FOUND', '没有找到这条消息。');
  return { read: true };
}
