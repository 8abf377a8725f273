import { AppError, type ErrorReason, toShanghaiIso } from '@bianmin/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';

/**
 * One rate limiter for everything a stranger could repeat to learn something (failed proofs) or
 * to run up our bill (Tencent Cloud calls). A limit is N hits per caller in any rolling window:
 * each caller's hits are one row of `rate_limits` (their timestamps, at most N inside the window),
 * and taking a hit is ONE statement — an upsert whose WHERE clause counts the hits in the window —
 * so the check and the count cannot be split by a parallel request: PostgreSQL locks the row for
 * the upsert, and a second statement racing it re-reads the row after the first commits. Stored in
 * the database, the limit holds across function instances.
 *
 * Rolling, not fixed windows: with a fixed 10-minute window an attacker gets 2N tries across a
 * boundary (N at 12:09, N at 12:10); here never more than N in any span of the window's length.
 */
export interface RateLimit {
  /** Stable key in the table: `<function>.<action>.<what is counted>`. */
  name: string;
  /** What the refusal tells the client, beside RATE_LIMITED. */
  reason: ErrorReason;
  limit: number;
  windowMs: number;
  /** The resident's words when refused: what is limited, and when to try again (HH:mm, Shanghai). */
  refusal(at: string): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const hhmm = (iso: string) => iso.slice(11, 16);

// One constant per limit, not one object of them: a function bundles only the limits it uses
// (each refusal's Chinese words cost ~6 bytes a character in an ASCII bundle).

/** Binding a household: a failed proof (unknown account or wrong name) while guessing. In flight counts. */
export const BIND_FAILURES: RateLimit = {
  name: 'bills.bind.failed',
  reason: 'rate_limited_proofs',
  limit: 5,
  windowMs: 10 * MINUTE,
  refusal: (at) => `核对未通过的次数太多：10 分钟内最多 5 次。请核对缴费单上的户号和户主姓名，${hhmm(at)} 后再试。`,
};

/**
 * Adding a vehicle: plate + kind + the engine number's last six is the proof, and a match
 * reveals where and when the car broke the rules — so wrong suffixes are limited like bind's.
 */
export const VEHICLE_PROOF_FAILURES: RateLimit = {
  name: 'traffic.addVehicle.failed',
  reason: 'rate_limited_proofs',
  limit: 10,
  windowMs: 10 * MINUTE,
  refusal: (at) => `核验未通过的次数太多：10 分钟内最多 10 次。请对照行驶证核对号牌号码、号牌种类和发动机号后六位，${hhmm(at)} 后再试。`,
};

/** Face checks started: each one is a billed FaceID call. */
export const VERIFY_STARTS: RateLimit = {
  name: 'insurance.verify.started',
  reason: 'rate_limited_verifications',
  limit: 10,
  windowMs: HOUR,
  refusal: (at) => `1 小时内发起认证次数过多（最多 10 次），请于 ${hhmm(at)} 后再试。`,
};

/** Face checks failed — counted from the start (a check in progress may still fail), given back when it passes or ends unused. */
export const VERIFY_FAILURES: RateLimit = {
  name: 'insurance.verify.failed',
  reason: 'rate_limited_failed_verifications',
  limit: 5,
  windowMs: HOUR,
  refusal: (at) => `人脸认证 1 小时内未通过（含尚未完成）的已达 5 次，为保护您的账户安全，请于 ${hhmm(at)} 后再试。`,
};

/** Reading a vehicle licence photo: each one is a billed OCR call. */
export const LICENCE_READS: RateLimit = {
  name: 'traffic.readLicence',
  reason: 'rate_limited_reads',
  limit: 20,
  windowMs: HOUR,
  refusal: (at) => `1 小时内拍照识别次数过多（最多 20 次），请手动填写号牌号码和发动机号后六位，或于 ${hhmm(at)} 后再试。`,
};

/** Every limit, by what it guards (tests and docs). */
export const LIMITS = {
  bindFailures: BIND_FAILURES,
  vehicleProofFailures: VEHICLE_PROOF_FAILURES,
  verifyStarts: VERIFY_STARTS,
  verifyFailures: VERIFY_FAILURES,
  licenceReads: LICENCE_READS,
} as const;

/** A hit taken: give it back (`release`) when it turned out not to count, or move it (`restamp`). */
export interface Hit {
  limit: RateLimit;
  caller: string;
  at: Date;
}

const iso = (d: Date) => d.toISOString();

type Rows<T> = { rows: T[] };

/**
 * Takes one hit of `limit` for `caller` at `now`, or refuses with RATE_LIMITED and `retryAt` (the
 * moment a hit leaves the window). Hits older than the window are dropped in the same statement.
 */
export async function takeHit(db: Db, limit: RateLimit, caller: string, now: Date): Promise<Hit> {
  const since = iso(new Date(now.getTime() - limit.windowMs));
  const at = iso(now);
  const taken = (await db.execute(sql`
    insert into rate_limits (caller, name, hits, updated_at)
    values (${caller}, ${limit.name}, array[${at}::timestamptz], ${at}::timestamptz)
    on conflict (caller, name) do update
      set hits = array(select h from unnest(rate_limits.hits) as h where h > ${since}::timestamptz order by h) || ${at}::timestamptz,
          updated_at = ${at}::timestamptz
      where (select count(*) from unnest(rate_limits.hits) as h where h > ${since}::timestamptz and h <= ${at}::timestamptz) < ${limit.limit}
    returning caller`)) as unknown as Rows<{ caller: string }>;
  if (taken.rows.length) return { limit, caller, at: now };
  throw refusal(limit, await retryAt(db, limit, caller, now));
}

/** When the window next has room: the N-th newest hit in it leaves the window then. */
async function retryAt(db: Db, limit: RateLimit, caller: string, now: Date): Promise<Date> {
  const since = iso(new Date(now.getTime() - limit.windowMs));
  const r = (await db.execute(sql`
    select extract(epoch from h)::float8 * 1000 as ms from rate_limits, unnest(hits) as h
    where caller = ${caller} and name = ${limit.name} and h > ${since}::timestamptz and h <= ${iso(now)}::timestamptz
    order by h desc offset ${limit.limit - 1} limit 1`)) as unknown as Rows<{ ms: number | string }>;
  const oldest = r.rows[0] ? Number(r.rows[0].ms) : now.getTime();
  return new Date(Math.max(now.getTime() + 1000, oldest + limit.windowMs));
}

export function refusal(limit: RateLimit, at: Date): AppError {
  // Whole minutes: "12:10 后再试" must not be a minute early.
  const rounded = new Date(Math.ceil(at.getTime() / MINUTE) * MINUTE);
  const shown = toShanghaiIso(rounded);
  return new AppError('RATE_LIMITED', limit.refusal(shown), { retryable: true, reason: limit.reason, retryAt: shown });
}

/** Gives a hit back: the attempt turned out not to count (the proof held, the department could not answer). */
export async function releaseHit(db: Db, hit: Hit): Promise<void> {
  await moveHit(db, hit, null);
}

/** Moves a hit to a later instant (a face check counted from its start is a failure from when it failed). */
export async function restampHit(db: Db, hit: Hit, to: Date): Promise<void> {
  await moveHit(db, hit, to);
}

async function moveHit(db: Db, hit: Hit, to: Date | null): Promise<void> {
  const at = iso(hit.at);
  // One occurrence of the hit's instant, not every one: parallel hits at the same instant are one each.
  const p = sql`array_position(rate_limits.hits, ${at}::timestamptz)`;
  const middle = to ? sql`array[${iso(to)}::timestamptz]` : sql`array[]::timestamptz[]`;
  await db.execute(sql`
    update rate_limits set hits = rate_limits.hits[:${p} - 1] || ${middle} || rate_limits.hits[${p} + 1:]
    where caller = ${hit.caller} and name = ${hit.limit.name} and ${p} is not null`);
}
