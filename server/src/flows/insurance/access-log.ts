import { type AccessAction, type AccessLogEntry, toShanghaiIso } from '@bianmin/core';
import { and, desc, eq, gt, lt } from 'drizzle-orm';
import { insuranceAccessLog } from '../../db/schema';
import type { CallContext } from '../../runtime/types';
import type { VerificationRow } from './verification';

/** PIPL: a person can see who read their data; a year of reads is kept and shown. */
export const ACCESS_LOG_DAYS = 365;
const MAX_ENTRIES = 500;

/**
 * Writes the read before the data is handed back: if the log cannot be written, the data is
 * not shown (a read nobody can see afterwards must not happen).
 */
export async function recordRead(ctx: CallContext, v: VerificationRow, action: AccessAction, description: string): Promise<void> {
  const db = await ctx.deps.db();
  await db.insert(insuranceAccessLog).values({ idHash: v.idHash, openid: v.openid, verificationId: v.id, action, description, at: ctx.clock.now() });
}

/** Every read of the verified person's data in the last year, from any account verified as them, newest first. */
export async function listAccess(ctx: CallContext, v: VerificationRow): Promise<AccessLogEntry[]> {
  const db = await ctx.deps.db();
  const since = new Date(ctx.clock.now().getTime() - ACCESS_LOG_DAYS * 24 * 3600_000);
  const rows = await db
    .select()
    .from(insuranceAccessLog)
    .where(and(eq(insuranceAccessLog.idHash, v.idHash), gt(insuranceAccessLog.at, since)))
    .orderBy(desc(insuranceAccessLog.at), desc(insuranceAccessLog.id))
    .limit(MAX_ENTRIES);
  return rows.map((r) => ({
    at: toShanghaiIso(r.at),
    action: r.action as AccessAction,
    description: r.description,
    verificationId: r.verificationId,
    thisAccount: r.openid === v.openid,
  }));
}

/** Deletes reads older than a year (run by a timer; the list never shows them either way). */
export async function purgeAccessLog(deps: CallContext['deps'], now: Date): Promise<number> {
  const db = await deps.db();
  const gone = await db
    .delete(insuranceAccessLog)
    .where(lt(insuranceAccessLog.at, new Date(now.getTime() - ACCESS_LOG_DAYS * 24 * 3600_000)))
    .returning({ id: insuranceAccessLog.id });
  return gone.length;
}
