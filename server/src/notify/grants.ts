import type { SubscribeResult } from '@bianmin/core/flows/tickets/contract';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { subscribeGrants } from '../db/schema';

/**
 * The most grants kept per resident and template. WeChat adds one per accepted prompt, without a
 * limit, and tells nobody how many there are; all we have is the client's report, which a
 * modified client can repeat at will. A resident files a handful of tickets at a time, and each
 * unbacked grant costs one refused send (43101, after which the count is zeroed): the cap keeps a
 * lying client to 20 wasted calls per template.
 */
export const GRANT_CAP = 20;

/** WeChat's answer to a send for which the resident has no grant left (or never gave one). */
export const NO_GRANT_ERRCODE = 43101;

/**
 * Records what the resident answered WeChat's prompt (core's SUBSCRIBE_RESULTS): 'accept' adds a
 * grant, 'ban' voids them; returns how many messages of the template may now be sent.
 */
export async function recordSubscribeResult(db: Db, input: { openid: string; templateId: string; result: SubscribeResult; now: Date }): Promise<number> {
  const { openid, templateId, result, now } = input;
  if (result === 'accept') {
    const [row] = await db
      .insert(subscribeGrants)
      .values({ openid, templateId, granted: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: [subscribeGrants.openid, subscribeGrants.templateId],
        set: { granted: sql`least(${subscribeGrants.granted} + 1, ${GRANT_CAP})`, updatedAt: now },
      })
      .returning({ granted: subscribeGrants.granted });
    return row!.granted;
  }
  if (result === 'ban') {
    await dropGrants(db, openid, templateId, now);
    return 0;
  }
  return grantsOf(db, openid, templateId);
}

export async function grantsOf(db: Db, openid: string, templateId: string): Promise<number> {
  const [row] = await db
    .select({ granted: subscribeGrants.granted })
    .from(subscribeGrants)
    .where(and(eq(subscribeGrants.openid, openid), eq(subscribeGrants.templateId, templateId)));
  return row?.granted ?? 0;
}

/**
 * Spends one grant before a send: true when there was one. One UPDATE whose WHERE holds
 * `granted > 0`, so concurrent senders (two worker runs, a retry) never spend the same grant twice
 * and the count never goes below zero.
 */
export async function takeGrant(db: Db, openid: string, templateId: string, now: Date): Promise<boolean> {
  const taken = await db
    .update(subscribeGrants)
    .set({ granted: sql`${subscribeGrants.granted} - 1`, updatedAt: now })
    .where(and(eq(subscribeGrants.openid, openid), eq(subscribeGrants.templateId, templateId), gt(subscribeGrants.granted, 0)))
    .returning({ granted: subscribeGrants.granted });
  return taken.length > 0;
}

/** WeChat says there is nothing left (43101) or the resident banned the template: our count was wrong, or is void. */
export async function dropGrants(db: Db, openid: string, templateId: string, now: Date): Promise<void> {
  await db
    .update(subscribeGrants)
    .set({ granted: 0, updatedAt: now })
    .where(and(eq(subscribeGrants.openid, openid), eq(subscribeGrants.templateId, templateId)));
}
