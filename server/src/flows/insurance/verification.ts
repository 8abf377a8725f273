import {
  AppError,
  type FaceMethod,
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  maskIdNumber,
  maskName,
  normalizeIdNumber,
  shanghaiDate,
  toShanghaiIso,
  VERIFICATION_TTL_MINUTES,
  type VerificationView,
  type VerifyResult,
} from '@bianmin/core';
import { and, desc, eq, gt } from 'drizzle-orm';
import { createHmac, randomUUID } from 'node:crypto';
import type { Db } from '../../db/open';
import { insuranceVerifications } from '../../db/schema';
import type { FaceResult, FaceVerifier, RealNameDeps } from '../../faceid/port';
import { seal, unseal } from '../../faceid/seal';
import { type Hit, releaseHit, restampHit, takeHit, VERIFY_FAILURES, VERIFY_STARTS } from '../../limits/rate-limit';
import type { CallContext, ResidentContext } from '../../runtime/types';
import { bureauFor } from './bureau';
import { FAILURE_MESSAGES, verificationView } from './views';

export type VerificationRow = typeof insuranceVerifications.$inferSelect;

/** A resident action's context: the runtime has refused the call without a caller before it gets here. */

/** A face check not finished in this time is expired (FaceID's token and WeChat's verify_id, 3600 s, live longer). */
export const LINK_TTL_MINUTES = 30;

const MINUTE = 60_000;

const METHOD_NAMES: Record<FaceMethod, string> = { wechat: '微信人脸核身', faceid: '腾讯云慧眼人脸核身' };

/** The hash key, or a refusal that says nothing about why (the log does). */
function realNameOf(ctx: CallContext): RealNameDeps {
  const r = ctx.deps.realName;
  if (!r || r.idHashKey.length < 32) {
    ctx.log.error('real-name verification is not configured (INSURANCE_ID_HASH_KEY, and MP_APPID/MP_APPSECRET or FACEID_RULE_ID with Tencent Cloud keys)');
    throw new AppError('INTERNAL', '实名认证服务暂未开通，请稍后再试。');
  }
  return r;
}

/**
 * The provider for a method. A method the deployment has not configured is refused by name with
 * the one that is (the resident's client picks the other; on weapp WeChat's own check is the
 * default, 慧眼's h5 page the fallback).
 */
function providerOf(ctx: CallContext, method: FaceMethod): FaceVerifier {
  const r = realNameOf(ctx);
  const p = r.providers[method];
  if (p) return p;
  const other = (Object.keys(r.providers) as FaceMethod[]).find((m) => r.providers[m]);
  ctx.log.error({ method }, 'face verification method requested but not configured');
  if (!other) throw new AppError('INTERNAL', '实名认证服务暂未开通，请稍后再试。');
  const msg = `${METHOD_NAMES[method]}暂未开通，请使用${METHOD_NAMES[other]}。`;
  throw new AppError('INVALID_INPUT', msg, { fields: { method: `暂未开通，可用：${other}` } });
}

export function idHash(key: string, idNumber: string): string {
  return createHmac('sha256', key).update(`id-number:${idNumber}`).digest('hex');
}

async function recentRows(db: Db, openid: string, since: Date): Promise<VerificationRow[]> {
  return db
    .select()
    .from(insuranceVerifications)
    .where(and(eq(insuranceVerifications.openid, openid), gt(insuranceVerifications.createdAt, since)))
    .orderBy(desc(insuranceVerifications.createdAt));
}

/**
 * Starts a face check for the person named. The ID number is kept only as a keyed hash and a
 * masked form; the bureau's id for the person is looked up now, while the number is in hand, so
 * that reads later never need the number again.
 */
export async function startVerification(ctx: ResidentContext, input: { name: string; idNumber: string; method?: FaceMethod }): Promise<VerifyResult> {
  const now = ctx.clock.now();
  const problem = idNumberProblem(input.idNumber, shanghaiDate(now));
  if (problem) {
    throw new AppError('INVALID_INPUT', `填写的信息有误：${ID_NUMBER_MESSAGES[problem]}`, { fields: { idNumber: ID_NUMBER_MESSAGES[problem] } });
  }
  const realName = realNameOf(ctx);
  const method = input.method ?? 'faceid';
  const provider = providerOf(ctx, method);
  const db = await ctx.deps.db();
  const openid = ctx.caller.openid;
  // Two limits, each checked and counted in one statement (server/src/limits). A check counts as
  // a failure from its start — it may yet fail, and 30 parallel starts must not make 30 failures
  // possible — until it is decided otherwise (refreshVerification gives it back or moves it).
  const failure = await takeHit(db, VERIFY_FAILURES, openid, now);
  let start: Hit;
  try {
    start = await takeHit(db, VERIFY_STARTS, openid, now);
  } catch (e) {
    await releaseHit(db, failure);
    throw e;
  }

  let personRef: string | null;
  try {
    personRef = await bureauFor(ctx.deps).lookup(input.idNumber, input.name);
  } catch (e) {
    // No provider call was made: nothing billed, nothing that can fail.
    await releaseHit(db, failure);
    await releaseHit(db, start);
    throw e;
  }
  // The row's id is chosen first: it is the check's reference at the provider (WeChat's
  // out_seq_no, unique per appid, 5–32 of [A-Za-z0-9_-]).
  const id = randomUUID();
  let face: Awaited<ReturnType<FaceVerifier['start']>>;
  try {
    face = await provider.start({ reference: referenceOf(id), openid, idNumber: input.idNumber, name: input.name, extra: 'insurance' });
  } catch (e) {
    // The start stays counted (the provider may have billed it); no check exists that could fail.
    await releaseHit(db, failure);
    throw e;
  }
  const [row] = await db
    .insert(insuranceVerifications)
    .values({
      id,
      openid,
      method,
      bizToken: face.session,
      providerSecret: face.secret === undefined ? null : seal(realName.idHashKey, face.secret),
      idHash: idHash(realName.idHashKey, input.idNumber),
      idMasked: maskIdNumber(input.idNumber),
      nameMasked: maskName(input.name),
      personRef,
      createdAt: now,
      linkExpiresAt: new Date(now.getTime() + LINK_TTL_MINUTES * MINUTE),
    })
    .returning();
  ctx.log.info({ verification: row.id, method, known: personRef !== null }, 'real-name verification started');
  const expiresAt = toShanghaiIso(row.linkExpiresAt);
  if (method === 'wechat') return { verificationId: row.id, method, verifyId: face.session, expiresAt };
  if (!face.url) throw new AppError('INTERNAL', '人脸认证服务暂时无法受理，请稍后再试。');
  return { verificationId: row.id, method, bizToken: face.session, url: face.url, expiresAt };
}

/** A verification's reference at the provider: its id without dashes (32 hex characters). */
const referenceOf = (id: string) => id.replace(/-/g, '');

/** What the provider says about this row's check now. */
function askProvider(ctx: CallContext, r: VerificationRow): Promise<FaceResult> {
  const realName = realNameOf(ctx);
  const provider = realName.providers[r.method as FaceMethod];
  if (!provider) {
    // Started with a method the deployment no longer offers: nobody can read its result.
    ctx.log.error({ verification: r.id, method: r.method }, 'face verification method of a pending check is not configured');
    throw new AppError('INTERNAL', '实名认证服务暂时无法查询结果，请重新认证。');
  }
  return provider.result({
    session: r.bizToken,
    reference: referenceOf(r.id),
    openid: r.openid,
    secret: r.providerSecret === null ? undefined : unseal(realName.idHashKey, r.providerSecret),
  });
}

type Decision = { status: 'passed' | 'failed' | 'abandoned' | 'expired'; failureCode?: string; failureMessage?: string };

function decisionOf(r: VerificationRow, result: FaceResult, key: string): Decision | null {
  switch (result.state) {
    case 'pending':
      return null;
    case 'passed':
      // WeChat answers only for the identity we gave it (the cert_hash binds it): that is the person named.
      if (result.verified === 'as_asked') return { status: 'passed' };
      // FaceID says who it verified: it must be the person the resident named, or nothing is linked.
      return idHash(key, normalizeIdNumber(result.verified.idNumber)) === r.idHash ? { status: 'passed' } : { status: 'failed', failureCode: 'ID_MISMATCH', failureMessage: FAILURE_MESSAGES.identity_mismatch };
    case 'failed':
      return { status: 'failed', failureCode: result.code, failureMessage: FAILURE_MESSAGES[result.reason] };
    case 'abandoned':
    case 'expired':
      return { status: result.state };
  }
}

/**
 * Brings a pending verification up to date by asking its provider (never the client). A decided row
 * is final: the update only applies while the row is still pending, so a late or repeated
 * answer changes nothing.
 */
export async function refreshVerification(ctx: CallContext, r: VerificationRow): Promise<VerificationRow> {
  if (r.status !== 'pending') return r;
  const now = ctx.clock.now();
  const decision: Decision | null =
    r.linkExpiresAt <= now ? { status: 'expired' } : decisionOf(r, await askProvider(ctx, r), realNameOf(ctx).idHashKey);
  if (!decision) return r;
  const db = await ctx.deps.db();
  const [updated] = await db
    .update(insuranceVerifications)
    .set({
      ...decision,
      decidedAt: now,
      accessExpiresAt: decision.status === 'passed' ? new Date(now.getTime() + VERIFICATION_TTL_MINUTES * MINUTE) : null,
    })
    .where(and(eq(insuranceVerifications.id, r.id), eq(insuranceVerifications.status, 'pending')))
    .returning();
  if (updated) {
    // The failure counted since the start: a failure from now on, or given back.
    const counted: Hit = { limit: VERIFY_FAILURES, caller: r.openid, at: r.createdAt };
    if (decision.status === 'failed') await restampHit(db, counted, now);
    else await releaseHit(db, counted);
    ctx.log.info({ verification: r.id, status: decision.status, code: decision.failureCode }, 'real-name verification decided');
    return updated;
  }
  const [current] = await db.select().from(insuranceVerifications).where(eq(insuranceVerifications.id, r.id));
  return current;
}

/** The caller's own verification by id: another resident's id is as unknown as one that never existed. */
async function ownVerification(db: Db, openid: string, verificationId: string): Promise<VerificationRow> {
  const [row] = await db
    .select()
    .from(insuranceVerifications)
    .where(and(eq(insuranceVerifications.id, verificationId), eq(insuranceVerifications.openid, openid)));
  if (!row) throw new AppError('NOT_FOUND', '没有找到这次实名认证，请重新认证。', { fields: { verificationId: '认证编号不存在' } });
  return row;
}

/** The named verification, or the caller's latest one, brought up to date; null when there is none. */
export async function currentVerification(ctx: ResidentContext, verificationId?: string): Promise<VerificationRow | null> {
  const db = await ctx.deps.db();
  if (verificationId) return refreshVerification(ctx, await ownVerification(db, ctx.caller.openid, verificationId));
  const [latest] = await db
    .select()
    .from(insuranceVerifications)
    .where(eq(insuranceVerifications.openid, ctx.caller.openid))
    .orderBy(desc(insuranceVerifications.createdAt))
    .limit(1);
  return latest ? refreshVerification(ctx, latest) : null;
}

/** The named verification, or the caller's latest one, as the page shows it (null when there is none). */
export async function showVerification(ctx: ResidentContext, input: { verificationId?: string }): Promise<{ verification: VerificationView | null }> {
  const row = await currentVerification(ctx, input.verificationId);
  return { verification: row ? verificationView(row, ctx.clock.now()) : null };
}

const isLive = (r: VerificationRow, now: Date) => r.status === 'passed' && r.accessExpiresAt !== null && r.accessExpiresAt > now;

/**
 * The verification that lets this call read insurance data: the one named (the caller's own), or
 * the caller's newest live one — else VERIFICATION_REQUIRED, which the client turns into the verify step.
 */
export async function requireLiveVerification(ctx: ResidentContext, verificationId?: string): Promise<VerificationRow> {
  const now = ctx.clock.now();
  let row: VerificationRow | null;
  if (verificationId) {
    row = await currentVerification(ctx, verificationId);
  } else {
    const db = await ctx.deps.db();
    const rows = await recentRows(db, ctx.caller.openid, new Date(now.getTime() - LINK_TTL_MINUTES * MINUTE - VERIFICATION_TTL_MINUTES * MINUTE));
    row = rows.find((r) => isLive(r, now)) ?? null;
    // Just back from the face check: the newest is still pending until its provider is asked.
    if (!row && rows[0]?.status === 'pending') row = await refreshVerification(ctx, rows[0]);
    // Otherwise the newest says why (its 30 minutes are over, it failed…).
    row ??= rows[0] ?? null;
  }
  if (row && isLive(row, now)) return row;
  const view = row ? verificationView(row, now) : null;
  if (view?.status === 'expired') {
    throw new AppError('VERIFICATION_REQUIRED', `实名认证已超过 ${VERIFICATION_TTL_MINUTES} 分钟，为保护您的个人信息，请重新完成人脸认证。`, { reason: 'verification_expired' });
  }
  throw new AppError('VERIFICATION_REQUIRED', undefined, { reason: 'verification_required' });
}
