import {
  AppError,
  ELIGIBILITY_STATUS_NAMES,
  type EligibilityResult,
  eligibilityState,
  type EligibilityView,
  shanghaiDate,
  toShanghaiIso,
} from '@bianmin/core';
import { formatDate } from '@bianmin/core/format';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { insuranceVerifications, pensionEligibility } from '../../db/schema';
import type { Fetched } from '../../departments/client';
import type { CallContext, ResidentContext } from '../../runtime/types';
import { recordRead } from './access-log';
import { type BureauEligibility, bureauFor, NOT_KNOWN_MESSAGE } from './bureau';
import { requireLiveVerification, type VerificationRow } from './verification';

export type RadarRow = typeof pensionEligibility.$inferSelect;

/** The bureau's channel codes in words. */
const CHANNEL_NAMES: Record<string, string> = {
  community: '社区上门认证',
  counter: '社保窗口认证',
  mobile: '手机认证',
  app: '便民刷脸认证',
};
export const channelName = (c: string | null) => (c ? (CHANNEL_NAMES[c] ?? '其他方式认证') : '');

export const NOT_REQUIRED_MESSAGE = '您目前未在本市领取养老保险待遇，无需进行待遇资格认证。';

/** The resident's radar row, if their face verification has ever named a person the bureau knows. */
export async function radarOf(db: Db, openid: string): Promise<RadarRow | undefined> {
  const [row] = await db.select().from(pensionEligibility).where(eq(pensionEligibility.openid, openid));
  return row;
}

/**
 * Puts the person a passed verification identified on the radar (or moves the resident's row to
 * them: the latest verification names who the account is). Due for the job at once.
 */
export async function enrol(db: Db, v: VerificationRow, now: Date): Promise<RadarRow> {
  if (!v.personRef) throw new AppError('NOT_FOUND', NOT_KNOWN_MESSAGE);
  const [row] = await db
    .insert(pensionEligibility)
    .values({ openid: v.openid, personRef: v.personRef, verificationId: v.id, nextCheckAt: now, createdAt: now })
    .onConflictDoUpdate({ target: pensionEligibility.openid, set: { personRef: v.personRef, verificationId: v.id } })
    .returning();
  return row;
}

/**
 * The radar row for the agenda: the resident's own, or one made from their newest passed
 * verification that named a person — without asking them to verify again, since the date of a
 * check is what the radar exists to say. Undefined when no verification ever identified them.
 */
export async function radarForAgenda(db: Db, openid: string, now: Date): Promise<RadarRow | undefined> {
  const row = await radarOf(db, openid);
  if (row) return row;
  const [v] = await db
    .select()
    .from(insuranceVerifications)
    .where(and(eq(insuranceVerifications.openid, openid), eq(insuranceVerifications.status, 'passed'), isNotNull(insuranceVerifications.personRef)))
    .orderBy(desc(insuranceVerifications.createdAt))
    .limit(1);
  return v ? enrol(db, v, now) : undefined;
}

/** Keeps what the bureau said on the row (the agenda's fallback, the job's cycle). */
async function remember(db: Db, openid: string, e: BureauEligibility, readAt: Date): Promise<RadarRow> {
  const [row] = await db
    .update(pensionEligibility)
    .set(
      e.required
        ? { required: true, lastCheckedOn: e.lastCheckedOn, lastCheckedBy: e.channel, bureauSuspended: e.paymentStatus === 'suspended', readAt }
        : { required: false, lastCheckedOn: null, lastCheckedBy: null, bureauSuspended: false, readAt },
    )
    .where(eq(pensionEligibility.openid, openid))
    .returning();
  return row;
}

/** What a row says today, as the resident sees it. */
export function eligibilityView(row: RadarRow, asOf: string, age: { fetchedAt: Date; stale: boolean }): EligibilityResult {
  if (!row.required || !row.lastCheckedOn) return { required: false, message: NOT_REQUIRED_MESSAGE };
  const s = eligibilityState(row.lastCheckedOn, asOf, row.bureauSuspended);
  return {
    required: true,
    status: s.status,
    statusName: ELIGIBILITY_STATUS_NAMES[s.status],
    lastCheckedOn: row.lastCheckedOn,
    lastCheckedBy: channelName(row.lastCheckedBy),
    dueBy: s.dueBy,
    daysLeft: s.daysLeft,
    fetchedAt: toShanghaiIso(age.fetchedAt),
    stale: age.stale,
  };
}

/**
 * Reads the bureau for a radar row, keeping its answer on the row. When the bureau cannot be
 * reached, its last answer (the client's, or the row's) is served marked stale with its time;
 * never read before and unreachable: the bureau's error.
 */
export async function readRadar(ctx: CallContext, row: RadarRow): Promise<{ row: RadarRow; fetchedAt: Date; stale: boolean }> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  let fetched: Fetched<BureauEligibility>;
  try {
    fetched = await bureauFor(ctx.deps).eligibility(row.personRef, shanghaiDate(now), { allowStale: true });
  } catch (e) {
    if (row.readAt && !(e instanceof AppError && e.code === 'NOT_FOUND')) return { row, fetchedAt: row.readAt, stale: true };
    throw e;
  }
  // A stale answer is no news: every fresh one was kept on the row, which may know better (a check posted since).
  if (fetched.stale && row.readAt) return { row, fetchedAt: row.readAt, stale: true };
  // The row's time is the call's clock (the job's too), so "stale since" reads on one clock.
  const kept = fetched.stale ? row : await remember(db, row.openid, fetched.data, now);
  return { row: kept, fetchedAt: fetched.fetchedAt, stale: fetched.stale };
}

/**
 * `insurance.eligibility`: when the retiree's 待遇资格认证 is due and where it stands. The first
 * time needs a live face verification (it identifies the person to the bureau); from then on the
 * radar row names them, and each read is in the access log like every read of insurance data.
 */
export async function readEligibility(ctx: ResidentContext, input: { verificationId?: string }): Promise<EligibilityResult> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  let row = input.verificationId ? undefined : await radarOf(db, ctx.caller.openid);
  let v: VerificationRow | undefined;
  if (!row) {
    v = await requireLiveVerification(ctx, input.verificationId);
    row = await enrol(db, v, now);
  }
  const read = await readRadar(ctx, row);
  await logRead(ctx, read.row, '查看养老金待遇资格认证状态', v);
  return eligibilityView(read.row, shanghaiDate(now), read);
}

/** The verification that identified the radar's person: the access log is kept per person, by it. */
async function logRead(ctx: CallContext, row: RadarRow, description: string, v?: VerificationRow): Promise<void> {
  const db = await ctx.deps.db();
  const by = v ?? (await db.select().from(insuranceVerifications).where(eq(insuranceVerifications.id, row.verificationId)))[0];
  if (by) await recordRead(ctx, by, 'eligibility', description);
}

/**
 * `insurance.eligibilityCheck`: the 待遇资格认证 done in the app. The resident's face verification
 * (live: passed, within its window, their own) is the check; it is posted to the bureau with the
 * verification's id as the reference, so a retry or a double tap records one check.
 */
export async function checkEligibility(ctx: ResidentContext, input: { verificationId: string }): Promise<{ eligibility: { required: true } & EligibilityView; checkNo: string }> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const v = await requireLiveVerification(ctx, input.verificationId);
  const row = await enrol(db, v, now);
  const check = await bureauFor(ctx.deps).postCheck(row.personRef, { reference: v.id.replace(/-/g, ''), checkedAt: toShanghaiIso(v.decidedAt ?? now) });
  const [updated] = await db
    .update(pensionEligibility)
    .set({ required: true, lastCheckedOn: check.checkedOn, lastCheckedBy: check.channel, bureauSuspended: false, readAt: now, nextCheckAt: now })
    .where(eq(pensionEligibility.openid, row.openid))
    .returning();
  await recordRead(ctx, v, 'eligibility', `完成养老金待遇资格认证（${formatDate(check.checkedOn)}，回执号 ${check.checkNo}）`);
  ctx.log.info({ verification: v.id }, 'pension eligibility check posted');
  const view = eligibilityView(updated, shanghaiDate(now), { fetchedAt: now, stale: false });
  if (!view.required) throw new AppError('INTERNAL', '社保系统暂时无法确认认证结果，请稍后再查看。');
  return { eligibility: view, checkNo: check.checkNo };
}
