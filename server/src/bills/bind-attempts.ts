import { AppError, toShanghaiIso } from '@bianmin/core';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/open';
import { bindAttempts } from '../db/schema';

/**
 * Binding is where a stranger would guess account numbers and names, so failed proofs are
 * limited per caller: BIND_FAILURE_LIMIT in BIND_WINDOW_MS, then RATE_LIMITED until the oldest
 * failure leaves the window. Stored in the database: the limit holds across function instances.
 */
export const BIND_FAILURE_LIMIT = 5;
export const BIND_WINDOW_MS = 10 * 60_000;

/** What counts against the limit: failed proofs, and attempts still in flight (parallel guesses). */
const COUNTED = ['pending', 'failed'];

export type AttemptOutcome = 'ok' | 'failed' | 'error';

/**
 * Records an attempt before the department is asked, then counts. Insert first, count second:
 * two parallel attempts each see the other, so a burst can never slip past the limit (at worst
 * both are refused). Answers the attempt's id, to be settled with `settleBindAttempt`.
 */
export async function beginBindAttempt(db: Db, openid: string, now: Date): Promise<string> {
  const [attempt] = await db.insert(bindAttempts).values({ openid, outcome: 'pending', createdAt: now }).returning({ id: bindAttempts.id });
  const since = new Date(now.getTime() - BIND_WINDOW_MS);
  const counted = await db
    .select({ createdAt: bindAttempts.createdAt })
    .from(bindAttempts)
    .where(and(eq(bindAttempts.openid, openid), gt(bindAttempts.createdAt, since), inArray(bindAttempts.outcome, COUNTED)))
    .orderBy(asc(bindAttempts.createdAt));
  if (counted.length > BIND_FAILURE_LIMIT) {
    await db.update(bindAttempts).set({ outcome: 'refused' }).where(eq(bindAttempts.id, attempt.id));
    // The window frees a slot when the oldest counted attempt leaves it.
    const retryAt = new Date(Math.max(now.getTime(), counted[0].createdAt.getTime() + BIND_WINDOW_MS));
    const at = toShanghaiIso(retryAt);
    throw new AppError('RATE_LIMITED', `核对未通过的次数太多：${BIND_WINDOW_MS / 60_000} 分钟内最多 ${BIND_FAILURE_LIMIT} 次。请核对缴费单上的户号和户主姓名，${at.slice(11, 16)} 后再试。`, {
      retryable: true,
      retryAt: at,
    });
  }
  return attempt.id;
}

/** 'error': the department could not answer — not the resident's failure, so not counted. */
export async function settleBindAttempt(db: Db, id: string, outcome: AttemptOutcome): Promise<void> {
  await db.update(bindAttempts).set({ outcome }).where(eq(bindAttempts.id, id));
}
