import { findService } from '@bianmin/core';
import { whenLabel } from '@bianmin/core/availability/index';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { messages, reminders } from '../db/schema';
import { type NoticeRow, noticeWindow } from './overrides';

const sentence = (x: string | null) => (x ? (/[。！？.!?]$/.test(x) ? x : `${x}。`) : '');

/**
 * Tells every resident holding a reminder (恢复后提醒我) for an affected service, in the message
 * centre, once per notice and phase (the message's dedupe key): a maintenance or incident that
 * moves the reopening they wait for, and its early end. One INSERT … SELECT, however many
 * residents wait: a publish never loops over them.
 */
export async function tellReminderHolders(db: Db, n: NoticeRow, phase: 'published' | 'ended', now: Date): Promise<number> {
  if (n.kind === 'notice') return 0;
  const names = n.serviceIds.map((id) => findService(id)?.name ?? id).join('、');
  const w = noticeWindow(n);
  const t = now.getTime();
  const window = w.end !== undefined ? `${whenLabel(w.start, t)} 至 ${whenLabel(w.end, w.start)}` : `${whenLabel(w.start, t)} 起`;
  const title = phase === 'ended' ? `${names}已恢复办理` : n.kind === 'incident' ? `${names}出现故障，暂停办理` : `${names}将暂停办理`;
  const body =
    phase === 'ended'
      ? `${n.reason}已结束，现在可以办理了。`
      : `${window}因${n.reason}暂停办理${w.end === undefined ? '，恢复时间另行通知' : ''}。${sentence(n.stillWorks)}${sentence(n.alternative)}您设置的恢复提醒仍然有效，恢复后我们会再告诉您。`;
  const path = findService(n.serviceIds[0])?.path ?? '/pages/hub/index';
  const dedupeKey = `notice:${n.id}:${phase}`;
  const rows = await db
    .insert(messages)
    .select(
      db
        .selectDistinct({
          id: sql`gen_random_uuid()`.as('id'),
          openid: reminders.openid,
          kind: sql<string>`'notice'`.as('kind'),
          title: sql<string>`${title}::text`.as('title'),
          body: sql<string>`${body}::text`.as('body'),
          path: sql<string>`${path}::text`.as('path'),
          dedupeKey: sql<string>`${dedupeKey}::text`.as('dedupe_key'),
          createdAt: sql<Date>`${now.toISOString()}::timestamptz`.as('created_at'),
          readAt: sql<Date | null>`null::timestamptz`.as('read_at'),
        })
        .from(reminders)
        .where(and(eq(reminders.status, 'pending'), inArray(reminders.serviceId, n.serviceIds))),
    )
    .onConflictDoNothing()
    .returning({ id: messages.id });
  return rows.length;
}
