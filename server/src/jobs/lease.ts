import { asc, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open';

/**
 * Claims up to `limit` due rows of a job's queue in one statement: the rows are picked with
 * FOR UPDATE SKIP LOCKED (two workers — a timer firing while the last run still goes, two
 * instances — never take the same row) and updated with `set`, which pushes the row's next
 * attempt (or its lease) past the run: a run that dies after claiming loses nothing, since the
 * row is due again once its lease runs out. Every queued job claims through here.
 */
export async function claimDue<T extends PgTable>(
  db: Db,
  q: { table: T; id: AnyPgColumn; due: SQL | undefined; oldestFirst: AnyPgColumn; limit: number; set: PgUpdateSetSource<T> },
): Promise<T['$inferSelect'][]> {
  const due = db.select({ id: q.id }).from(q.table as PgTable).where(q.due).orderBy(asc(q.oldestFirst)).limit(q.limit).for('update', { skipLocked: true });
  return (await db
    .update(q.table)
    .set(q.set)
    .where(inArray(q.id, due))
    .returning()) as T['$inferSelect'][];
}

/** The time a claim holds a row until: `now` + `leaseMs`. */
export const leaseUntil = (now: Date, leaseMs: number): Date => new Date(now.getTime() + leaseMs);

/**
 * When a failed attempt is tried again: `firstMs` after the first, doubling with each attempt
 * (`attempts` counts this one), never more than `maxMs` apart.
 */
export function retryAt(now: Date, attempts: number, backoff: { firstMs: number; maxMs: number }): Date {
  return new Date(now.getTime() + Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, attempts - 1)));
}
