import { toShanghaiIso } from '@bianmin/core';
import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { ticketEvents, tickets, ticketSync } from '../../db/schema';
import { fileMessage } from '../../messages/inbox';
import { dropGrants, NO_GRANT_ERRCODE, takeGrant } from '../../notify/grants';
import type { Deps } from '../../runtime/types';
import { withdrawFlaggedPhotos } from './media-checks';
import { processTicketOutbox } from './outbox';
import { departmentCallMs, MAX_DEPARTMENT_TIMEOUT_MS, ticketFilingMs, WECHAT_CALL_MS } from '../../runtime/budgets';
import { platformFor, type PlatformEvent } from './platform';
import { statusLabel, type TicketRow } from './views';

const FEED = 'hotline';
/** One reader of the feed at a time; a reader that dies frees it when the lease runs out. */
export const SYNC_LEASE_MS = 60_000;
const MAX_PAGES = 10;

export interface TicketSyncReport {
  applied: number;
  skipped: number;
  notified: number;
  cursor: number;
  busy?: true;
}

/** Statuses the resident hears about; their own rating and reopening they already know. */
const NOTIFY: ReadonlySet<string> = new Set(['submitted', 'accepted', 'dispatched', 'transferred', 'replied', 'closed', 'rejected']);

/**
 * The ones also worth a WeChat subscribe message. Each costs one of the resident's grants — one
 * per accepted prompt, asked when filing — so a grant goes to the news the resident waits for
 * (the answer, or a refusal to take the ticket), not to 已受理 half an hour after filing. Every
 * status still reaches the message centre.
 */
const WECHAT: ReadonlySet<string> = new Set(['replied', 'rejected']);

async function claimFeed(db: Db, now: Date): Promise<number | null> {
  await db.insert(ticketSync).values({ id: FEED, cursor: 0 }).onConflictDoNothing();
  const [row] = await db
    .update(ticketSync)
    .set({ leaseUntil: new Date(now.getTime() + SYNC_LEASE_MS) })
    .where(and(eq(ticketSync.id, FEED), or(isNull(ticketSync.leaseUntil), lte(ticketSync.leaseUntil, now))))
    .returning();
  return row ? row.cursor : null;
}

/**
 * The ticket an event is about. An event can arrive before the create's answer did (the answer
 * was lost to a timeout): the platform's ticket names our request id, which is our ticket id.
 */
async function ticketFor(deps: Deps, db: Db, e: PlatformEvent, now: Date): Promise<TicketRow | null> {
  const [byNo] = await db.select().from(tickets).where(eq(tickets.ticketNo, e.ticketNo));
  if (byNo) return byNo;
  const remote = await platformFor(deps).get(e.ticketNo, now);
  if (!/^[0-9a-f-]{36}$/.test(remote.requestId)) return null;
  const [mine] = await db.update(tickets).set({ ticketNo: e.ticketNo }).where(and(eq(tickets.id, remote.requestId), isNull(tickets.ticketNo))).returning();
  return mine ?? null;
}

async function apply(deps: Deps, db: Db, t: TicketRow, e: PlatformEvent, now: Date): Promise<boolean> {
  const at = new Date(e.at);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(ticketEvents)
      .values({ seq: e.seq, ticketId: t.id, type: e.type, status: e.status, at, department: e.department, text: e.text, receivedAt: now })
      .onConflictDoNothing()
      .returning({ seq: ticketEvents.seq });
    if (!inserted.length) return false;
    const set: Partial<typeof tickets.$inferInsert> = { lastEventSeq: e.seq };
    if (e.type !== 'rated') set.status = e.status;
    // The handling department: the centre's own steps (accepting, closing) do not replace it.
    if (e.department && (e.type === 'dispatched' || e.type === 'transferred' || e.type === 'replied')) set.department = e.department;
    if (e.type === 'submitted') set.submittedAt = at;
    if (e.type === 'replied') set.repliedAt = at;
    if (e.type === 'closed' || e.type === 'rejected') set.closedAt = at;
    if (e.type === 'reopened') set.reopenedAt = at;
    // Only a newer event moves the ticket: one that arrives late (two readers, a replay) does not
    // take the status back. The reply count is counted from the events, late ones included.
    await tx
      .update(tickets)
      .set(set)
      .where(and(eq(tickets.id, t.id), lt(tickets.lastEventSeq, e.seq)));
    if (e.type === 'replied') {
      await tx.update(tickets).set({ replyRound: sql`(select count(*)::int from ticket_events where ticket_id = ${t.id} and type = 'replied')` }).where(eq(tickets.id, t.id));
    }
    if (e.type === 'reopened') {
      await tx.update(tickets).set({ reopenedRound: sql`greatest(${tickets.reopenedRound}, ${tickets.replyRound})` }).where(eq(tickets.id, t.id));
    }
    if (NOTIFY.has(e.type)) {
      await fileMessage(tx as unknown as Db, {
        openid: t.openid,
        kind: 'ticket',
        title: `12345 工单${e.type === 'transferred' ? '已转办' : statusLabel(e.status)}`,
        body: `工单 ${e.ticketNo}：${e.text}${e.department ? `（${e.department}）` : ''}`,
        path: `/tickets/pages/detail/index?ticketId=${t.id}`,
        dedupeKey: `ticket:${e.seq}`,
        at,
      });
    }
    return true;
  });
}

/**
 * A subscribe message is a courtesy: the message centre already has it. Sent only with a grant
 * of the resident's (spent before the call, atomically: notify/grants.ts); none left means no
 * WeChat call at all. WeChat's 43101 says our count was wrong: it is zeroed. Any other failure is
 * logged and the grant stays spent — WeChat may have taken it before the answer was lost.
 */
async function subscribe(deps: Deps, db: Db, t: TicketRow, e: PlatformEvent, now: Date): Promise<boolean> {
  const templateId = deps.notifier.ticketTemplateId;
  if (!templateId || !WECHAT.has(e.type)) return false;
  if (!(await takeGrant(db, t.openid, templateId, now))) return false;
  try {
    await deps.notifier.sendSubscribeMessage({
      touser: t.openid,
      templateId,
      page: `tickets/pages/detail/index?ticketId=${t.id}`,
      data: {
        character_string1: { value: e.ticketNo.slice(0, 32) },
        phrase2: { value: (e.type === 'transferred' ? '已转办' : statusLabel(e.status)).slice(0, 5) },
        time3: { value: toShanghaiIso(new Date(e.at)).slice(0, 16).replace('T', ' ') },
        thing4: { value: Array.from(e.text).slice(0, 20).join('') },
      },
    });
    return true;
  } catch (err) {
    const errCode = (err as { errCode?: unknown })?.errCode;
    if (errCode === NO_GRANT_ERRCODE) await dropGrants(db, t.openid, templateId, now);
    deps.log.warn({ ticket: t.id, errCode, err: err instanceof Error ? err.message : String(err) }, 'ticket subscribe message not sent');
    return false;
  }
}

/**
 * Following: reads the platform's events after our cursor, writes each to its ticket's timeline
 * once, moves the ticket's status, and tells the resident. The cursor only moves past events
 * that were applied (or are not ours), so a crash re-reads, and re-reading changes nothing.
 */
export async function syncTicketEvents(deps: Deps, now: Date, canTake: (nextMs: number) => boolean = () => true): Promise<TicketSyncReport> {
  const db = await deps.db();
  const start = await claimFeed(db, now);
  const report: TicketSyncReport = { applied: 0, skipped: 0, notified: 0, cursor: start ?? 0 };
  if (start === null) return { ...report, busy: true };
  let cursor = start;
  try {
    // Within the run's budget (runtime/budgets.ts): a page is a department read, an event at
    // worst a platform lookup and a subscribe message; what is left waits for the next run.
    feed: for (let page = 0; page < MAX_PAGES; page++) {
      if (!canTake(departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS))) break;
      const feed = await platformFor(deps).events(cursor, now);
      for (const e of feed.events) {
        if (!canTake(departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS) + WECHAT_CALL_MS)) break feed;
        const t = await ticketFor(deps, db, e, now);
        if (!t) report.skipped++;
        else if (await apply(deps, db, t, e, now)) {
          report.applied++;
          if (await subscribe(deps, db, t, e, now)) report.notified++;
        }
        cursor = e.seq;
        await db.update(ticketSync).set({ cursor }).where(eq(ticketSync.id, FEED));
      }
      if (!feed.more || feed.events.length === 0) break;
    }
  } finally {
    await db.update(ticketSync).set({ leaseUntil: null }).where(eq(ticketSync.id, FEED));
  }
  report.cursor = cursor;
  return report;
}

/**
 * One run of the `ticketsWorker` timer: file what is pending, follow what is filed, withdraw
 * flagged photos still at the platform, taking an item only while `canTake(its worst case in ms)` says the run can still finish it.
 */
export async function runTicketsWorker(deps: Deps, now: Date, canTake: (nextMs: number) => boolean = () => true) {
  const outbox = await processTicketOutbox(deps, now, 20, () => canTake(ticketFilingMs(MAX_DEPARTMENT_TIMEOUT_MS)));
  let sync: TicketSyncReport | { error: string };
  try {
    sync = await syncTicketEvents(deps, now, canTake);
  } catch (e) {
    deps.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'ticket event sync failed; will retry next run');
    sync = { error: e instanceof Error ? e.name : 'unknown' };
  }
  // Flagged photos not dealt with yet (the platform was down, or the filing still under way).
  const media = await withdrawFlaggedPhotos(deps, now, { canTake: () => canTake(departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS)) }).catch((e: unknown) => {
    deps.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'flagged photo withdrawal failed; will retry next run');
    return { error: e instanceof Error ? e.name : 'unknown' };
  });
  return { outbox, sync, media };
}
