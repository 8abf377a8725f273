import { AppError, toShanghaiIso } from '@bianmin/core';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { ticketMediaChecks, tickets } from '../../db/schema';
import { DepartmentRejection } from '../../departments/client';
import { fileMessage } from '../../messages/inbox';
import type { Db } from '../../db/open';
import type { Deps } from '../../runtime/types';
import { withdrawFlaggedPhotos } from './media-checks';
import { platformFor } from './platform';
import { NUMBER_TAKEN_NOTICE, type TicketRow } from './views';
import type { TicketPlace } from '@bianmin/core';

/**
 * A claimed ticket is skipped by every other worker this long. Creating is idempotent on our
 * ticket id at the platform, so a worker that dies mid-call only delays the ticket by the lease.
 */
export const SUBMIT_LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

const backoff = (attempts: number) => Math.min(MAX_BACKOFF_MS, 15_000 * 2 ** Math.max(0, attempts - 1));

export interface TicketOutboxReport {
  submitted: number;
  retrying: number;
  /** Tickets given up on in this run (the platform numbered one with a number already ours); only when there were any. */
  failed?: number;
}

const isUniqueViolation = (e: unknown, constraint: string) => {
  const c = (e as { cause?: { code?: string; constraint?: string } })?.cause ?? (e as { code?: string; constraint?: string });
  return c?.code === '23505' && (c.constraint === undefined || c.constraint === constraint);
};

/**
 * The platform answered a number another of our tickets already holds. A platform never hands a
 * number out twice, so it has lost track (the local sandbox restarted without its state): this
 * ticket sits there under a number that is not its own, which we can neither follow nor fix by
 * asking again (creating is idempotent on our id: it would answer the same number for ever). So
 * the ticket fails, once, with the resident told in the message centre and a person alerted; it
 * never goes back to the outbox.
 */
/** '3月10日 10:05', Shanghai time. */
const filedOn = (at: Date) => {
  const s = toShanghaiIso(at);
  return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
};

async function failNumberTaken(deps: Deps, db: Db, t: TicketRow, ticketNo: string, now: Date): Promise<void> {
  const failed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tickets)
      .set({ status: 'failed', lastError: `platform number ${ticketNo} already held by another ticket`.slice(0, 200) })
      .where(and(eq(tickets.id, t.id), eq(tickets.status, 'pending')))
      .returning({ id: tickets.id });
    if (!row) return false;
    await fileMessage(tx as unknown as Db, {
      openid: t.openid,
      kind: 'ticket',
      title: '12345 诉求未能提交',
      body: `您 ${filedOn(t.filedAt)} 提交的${t.kind}未能在 12345 平台登记。${NUMBER_TAKEN_NOTICE}`,
      path: `/tickets/pages/detail/index?ticketId=${t.id}`,
      dedupeKey: `ticket-failed:${t.id}`,
      at: now,
    });
    return true;
  });
  if (failed) deps.log.error({ ticket: t.id, ticketNo, alert: 'ticket_number_reused' }, '12345 answered a ticket number we already hold for another ticket: ticket failed, needs a person');
}

async function claim(deps: Deps, now: Date, where: ReturnType<typeof and>, limit: number): Promise<TicketRow[]> {
  const db = await deps.db();
  const due = db.select({ id: tickets.id }).from(tickets).where(where).orderBy(asc(tickets.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  return db
    .update(tickets)
    .set({ attempts: sql`${tickets.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + SUBMIT_LEASE_MS) })
    .where(inArray(tickets.id, due))
    .returning();
}

/**
 * Files one claimed ticket with the platform; on any failure it stays pending for the next run,
 * except a number already ours, which no later run can mend.
 */
async function submitOne(deps: Deps, t: TicketRow, now: Date): Promise<'submitted' | 'retrying' | 'failed'> {
  const db = await deps.db();
  try {
    const filed = await filedPhotos(deps, t);
    const photos = await Promise.all(filed.map((f) => deps.storage.displayUrl(f)));
    const video = t.video ? await deps.storage.displayUrl(t.video) : null;
    const created = await platformFor(deps).create(
      {
        requestId: t.id,
        kind: t.kind,
        category: t.category,
        urgent: t.urgent,
        description: t.description,
        place: (t.place as TicketPlace | null) ?? null,
        photos,
        video,
        contactPhone: t.contactPhone,
        public: t.public,
      },
      now,
    );
    // Only a pending ticket takes the number: if the event feed got here first, it already has it.
    try {
      await db
        .update(tickets)
        .set({ status: 'submitted', ticketNo: created.ticketNo, submittedAt: now, lastError: null })
        .where(and(eq(tickets.id, t.id), eq(tickets.status, 'pending')));
      await db.update(tickets).set({ ticketNo: created.ticketNo, lastError: null }).where(and(eq(tickets.id, t.id), sql`${tickets.ticketNo} IS NULL`));
    } catch (e) {
      if (!isUniqueViolation(e, 'tickets_ticket_no')) throw e;
      await failNumberTaken(deps, db, t, created.ticketNo, now);
      return 'failed';
    }
    deps.log.info({ ticket: t.id, ticketNo: created.ticketNo, duplicate: created.duplicate ?? false, attempts: t.attempts }, 'ticket filed with 12345');
    // A photo judged risky while this filing was under way is taken back at once, not next run.
    await withdrawFlaggedPhotos(deps, now, { ticketId: t.id }).catch((e: unknown) => deps.log.warn({ ticket: t.id, err: e instanceof Error ? e.message : String(e) }, 'flagged photos not withdrawn yet'));
    return 'submitted';
  } catch (e) {
    // A refusal (4xx) means our request is wrong, which waiting will not fix: a person must look,
    // but the submission is kept and retried slowly rather than dropped.
    const refused = e instanceof DepartmentRejection && e.status >= 400 && e.status < 500 && e.status !== 429;
    const reason = e instanceof DepartmentRejection ? `${e.status} ${e.departmentCode}` : e instanceof AppError ? e.code : e instanceof Error ? e.message : String(e);
    await db
      .update(tickets)
      .set({ lastError: reason.slice(0, 200), nextAttemptAt: new Date(now.getTime() + (refused ? MAX_BACKOFF_MS : backoff(t.attempts))) })
      .where(and(eq(tickets.id, t.id), eq(tickets.status, 'pending')));
    (refused ? deps.log.error : deps.log.warn).call(deps.log, { ticket: t.id, reason, attempts: t.attempts }, refused ? '12345 refused a ticket: needs a person' : 'ticket not filed yet, will retry');
    return 'retrying';
  }
}

/**
 * The photos this ticket is filed with, fixed before the first attempt and the same on every
 * retry: the platform keeps the first filing it received (creation is idempotent on our id), so
 * only a fixed list lets a position name the same photo at the platform (media-checks.ts). A photo
 * already judged risky is not in it; one judged later is taken back by its position.
 */
async function filedPhotos(deps: Deps, t: TicketRow): Promise<string[]> {
  if (t.filedPhotos) return t.filedPhotos as string[];
  const db = await deps.db();
  const flagged = await db
    .select({ fileId: ticketMediaChecks.fileId })
    .from(ticketMediaChecks)
    .where(and(eq(ticketMediaChecks.ticketId, t.id), eq(ticketMediaChecks.suggest, 'risky')));
  const [fresh] = await db.select({ photos: tickets.photos }).from(tickets).where(eq(tickets.id, t.id));
  const list = ((fresh?.photos ?? t.photos) as string[]).filter((f) => !flagged.some((x) => x.fileId === f));
  await db.update(tickets).set({ filedPhotos: list }).where(and(eq(tickets.id, t.id), isNull(tickets.filedPhotos)));
  // Another attempt fixed it first: theirs is the list the platform may have.
  const [fixed] = await db.select({ filedPhotos: tickets.filedPhotos }).from(tickets).where(eq(tickets.id, t.id));
  return (fixed?.filedPhotos as string[] | null) ?? list;
}

/**
 * The outbox: files every pending ticket that is due, with its own id as the request id, until
 * the platform has it. Timer function `ticketsWorker` on CloudBase, a loop locally.
 */
export async function processTicketOutbox(deps: Deps, now: Date, limit = 20, canTake: () => boolean = () => true): Promise<TicketOutboxReport> {
  const report: TicketOutboxReport = { submitted: 0, retrying: 0 };
  // One claim at a time, and only while the run can still finish a filing: a claimed ticket
  // the run could not reach would wait out its lease.
  for (let n = 0; n < limit && canTake(); n++) {
    const [t] = await claim(deps, now, and(eq(tickets.status, 'pending'), lte(tickets.nextAttemptAt, now)), 1);
    if (!t) break;
    const outcome = await submitOne(deps, t, now);
    report[outcome] = (report[outcome] ?? 0) + 1;
  }
  return report;
}

/** Right after a submission: try this ticket now instead of waiting for the next run. */
export async function submitNow(deps: Deps, ticketId: string, now: Date): Promise<'submitted' | 'retrying' | 'failed' | 'busy'> {
  const [t] = await claim(deps, now, and(eq(tickets.id, ticketId), eq(tickets.status, 'pending'), lte(tickets.nextAttemptAt, now)), 1);
  return t ? submitOne(deps, t, now) : 'busy';
}
