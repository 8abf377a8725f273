import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LABELS, type Suggest } from '../../content/port';
import { ticketMediaChecks, tickets } from '../../db/schema';
import { DepartmentRejection } from '../../departments/client';
import { fileMessage } from '../../messages/inbox';
import type { Deps } from '../../runtime/types';
import { platformFor } from './platform';

/**
 * WeChat's verdicts on ticket photos. A photo goes to `security.mediaCheckAsync` when its ticket
 * is submitted; WeChat answers later through 消息推送 (the `wxa_media_check` event, to the
 * function the console names: mediaCheckNotify), matched by `trace_id`. A photo judged risky
 * is withdrawn before the platform shows it when it can be (the ticket not filed yet: it is
 * left out of the filing), and taken back at the platform when it was filed already; the
 * resident is told either way, in the message centre.
 */

/**
 * The push, as WeChat documents it (version 2) and sends it: `result` is the verdict, `detail`
 * each strategy's. When WeChat could not check the photo, `errcode` is not 0 and there is no
 * `result` (seen: 43104 "this appid does not have permission").
 */
export const mediaCheckEventSchema = z.object({
  ToUserName: z.string().optional(),
  FromUserName: z.string().optional(),
  CreateTime: z.number().optional(),
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  appid: z.string().optional(),
  trace_id: z.string().min(1).max(128),
  version: z.coerce.number().optional(),
  errcode: z.number().int().optional(),
  errmsg: z.string().optional(),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.coerce.number().int() }).optional(),
  detail: z.array(z.object({ strategy: z.string().optional(), errcode: z.number().optional(), suggest: z.string().optional(), label: z.coerce.number().optional(), prob: z.number().optional() })).optional(),
});
export type MediaCheckEvent = z.infer<typeof mediaCheckEventSchema>;

export type VerdictAnswer = { recorded: true; suggest: Suggest | null; handled?: MediaOutcome | 'waiting' } | { recorded: false; reason: 'malformed' };

/** Records one verdict (once: a repeated push changes nothing), then acts on it if it is risky. */
export async function recordVerdict(deps: Deps, raw: unknown, now: Date): Promise<VerdictAnswer> {
  const p = mediaCheckEventSchema.safeParse(raw);
  if (!p.success) {
    deps.log.warn({ issues: p.error.issues.slice(0, 3).map((i) => i.path.join('.')) }, 'wxa_media_check push not understood');
    return { recorded: false, reason: 'malformed' };
  }
  const e = p.data;
  const failed = e.errcode !== undefined && e.errcode !== 0;
  const suggest = failed ? null : (e.result?.suggest ?? null);
  const verdict = { suggest, label: e.result?.label ?? null, errcode: failed ? e.errcode! : null, verdictAt: now };
  const db = await deps.db();
  // A verdict may come before the submission wrote its row: keep it, the submission fills in the rest.
  await db
    .insert(ticketMediaChecks)
    .values({ traceId: e.trace_id, ...verdict })
    .onConflictDoUpdate({ target: ticketMediaChecks.traceId, set: verdict, where: isNull(ticketMediaChecks.verdictAt) });
  if (failed) deps.log.warn({ trace: e.trace_id, errcode: e.errcode }, 'WeChat could not check a ticket photo: nothing decided, the photo stays');
  if (suggest === 'review') deps.log.warn({ trace: e.trace_id, label: e.result?.label }, 'a ticket photo needs a person’s review (WeChat: review)');
  if (suggest !== 'risky') return { recorded: true, suggest };
  const [check] = await db.select().from(ticketMediaChecks).where(eq(ticketMediaChecks.traceId, e.trace_id));
  return { recorded: true, suggest, handled: check?.ticketId ? await withdrawOne(deps, check, now) : 'waiting' };
}

/** How a risky photo was dealt with. */
export type MediaOutcome = 'left_out' | 'withdrawn' | 'recorded';

type CheckRow = typeof ticketMediaChecks.$inferSelect;

/**
 * Withdraws one flagged photo as far as it can go now. From the ticket as the resident sees it and
 * as it will be filed: at once. At the platform: once the ticket's filed photo list is fixed —
 * left out if the photo is not in it; taken back (by its position) once the platform has the
 * ticket; recorded for a person when the platform cannot take a photo back. Until then the check
 * stays open and ticketsWorker comes back to it.
 */
async function withdrawOne(deps: Deps, check: CheckRow, now: Date): Promise<MediaOutcome | 'waiting'> {
  const db = await deps.db();
  const fileId = check.fileId!;
  const t = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(tickets).where(eq(tickets.id, check.ticketId!)).for('update');
    if (!row) return null;
    // Out of the ticket the resident sees, and out of a filing not fixed yet.
    await tx.update(tickets).set({ photos: sql`${tickets.photos} - ${fileId}::text` }).where(eq(tickets.id, row.id));
    const told = await tx
      .update(ticketMediaChecks)
      .set({ residentToldAt: now })
      .where(and(eq(ticketMediaChecks.traceId, check.traceId), isNull(ticketMediaChecks.residentToldAt)))
      .returning({ traceId: ticketMediaChecks.traceId });
    if (told.length) {
      const n = (row.photos as string[]).indexOf(fileId);
      const why = LABELS[check.label ?? 0] ?? '违规';
      await fileMessage(tx, {
        openid: row.openid,
        kind: 'ticket',
        title: '诉求中的一张照片已撤下',
        body: `您在 12345 诉求中上传的${n >= 0 ? `第 ${n + 1} 张` : '一张'}照片未通过微信内容安全检查（${why}），已从诉求中撤下，其余内容照常办理。如需补充，可在诉求答复后申请重办时说明。`,
        path: `/tickets/pages/detail/index?ticketId=${row.id}`,
        dedupeKey: `media-check:${check.traceId}`,
        at: now,
      });
    }
    return row;
  });
  if (!t) return 'waiting';
  const filed = t.filedPhotos as string[] | null;
  // Not fixed yet: the filing will be made without it (the photo is gone from `photos`).
  if (filed === null) return 'waiting';
  const index = filed.indexOf(fileId);
  if (index < 0) return close(deps, check.traceId, 'left_out', now);
  if (!t.ticketNo) return 'waiting';
  try {
    await platformFor(deps).withdrawPhoto(t.ticketNo, { index, reason: 'WeChat content check: risky' }, now);
    deps.log.info({ ticket: t.id, ticketNo: t.ticketNo, index }, 'flagged photo taken back at the 12345 platform');
    return close(deps, check.traceId, 'withdrawn', now);
  } catch (e) {
    if (e instanceof DepartmentRejection && [404, 405, 501].includes(e.status)) {
      // The platform cannot take a photo back: a person must ask the 12345 centre to.
      deps.log.error({ alert: 'flagged_photo_at_platform', ticket: t.id, ticketNo: t.ticketNo, index }, 'a flagged photo is at the 12345 platform and cannot be withdrawn there: ask the centre');
      return close(deps, check.traceId, 'recorded', now);
    }
    const reason = e instanceof DepartmentRejection ? `${e.status} ${e.departmentCode}` : e instanceof Error ? e.name : String(e);
    await db
      .update(ticketMediaChecks)
      .set({ attempts: sql`${ticketMediaChecks.attempts} + 1`, lastError: reason.slice(0, 200) })
      .where(eq(ticketMediaChecks.traceId, check.traceId));
    deps.log.warn({ ticket: t.id, reason }, 'flagged photo not withdrawn yet: the next ticketsWorker run tries again');
    return 'waiting';
  }
}

async function close(deps: Deps, traceId: string, outcome: MediaOutcome, now: Date): Promise<MediaOutcome> {
  const db = await deps.db();
  await db.update(ticketMediaChecks).set({ outcome, outcomeAt: now, lastError: null }).where(and(eq(ticketMediaChecks.traceId, traceId), isNull(ticketMediaChecks.outcome)));
  return outcome;
}

/**
 * Every risky photo not dealt with yet (one ticket's, or all): run by ticketsWorker each minute,
 * and right after a ticket is filed, for a verdict that came while the filing was under way.
 */
export async function withdrawFlaggedPhotos(deps: Deps, now: Date, opts: { ticketId?: string; limit?: number; canTake?: () => boolean } = {}): Promise<Record<MediaOutcome | 'waiting', number>> {
  const db = await deps.db();
  const open = await db
    .select()
    .from(ticketMediaChecks)
    .where(and(eq(ticketMediaChecks.suggest, 'risky'), isNull(ticketMediaChecks.outcome), opts.ticketId ? eq(ticketMediaChecks.ticketId, opts.ticketId) : sql`${ticketMediaChecks.ticketId} IS NOT NULL`))
    .limit(opts.limit ?? 20);
  const report = { left_out: 0, withdrawn: 0, recorded: 0, waiting: 0 };
  for (const c of open) {
    if (opts.canTake && !opts.canTake()) break;
    report[await withdrawOne(deps, c, now)]++;
  }
  return report;
}

/**
 * The submission's side: a photo sent to mediaCheckAsync, with its trace id. If its verdict is
 * here already (the push won the race), it is acted on now.
 */
export async function rememberMediaCheck(deps: Deps, c: { traceId: string; ticketId: string; fileId: string; openid: string }, now: Date): Promise<void> {
  const db = await deps.db();
  const [row] = await db
    .insert(ticketMediaChecks)
    .values({ ...c, submittedAt: now })
    .onConflictDoUpdate({ target: ticketMediaChecks.traceId, set: { ticketId: c.ticketId, fileId: c.fileId, openid: c.openid, submittedAt: now } })
    .returning();
  if (row.suggest === 'risky' && !row.outcome) await withdrawOne(deps, row, now);
}

/** The checks of these trace ids, as they stand (the local stack's media-check lever lists them). */
export async function mediaChecksByTrace(deps: Deps, traceIds: string[]): Promise<CheckRow[]> {
  if (!traceIds.length) return [];
  return (await deps.db()).select().from(ticketMediaChecks).where(inArray(ticketMediaChecks.traceId, traceIds));
}
