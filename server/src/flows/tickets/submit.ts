import { AppError, MAX_VIDEO_SECONDS, type TicketDetail, type ticketsInput } from '@bianmin/core';
import { and, eq } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { forContentCheck } from '../../content/normalise';
import { LABELS, type ContentCheck, ContentCheckUnavailable } from '../../content/port';
import { tickets } from '../../db/schema';
import { DeadlineExceeded, storageReadMs, TICKET_MEDIA_MS, TICKET_PLATFORM_ATTEMPT_MS, withTimeout } from '../../runtime/budgets';
import type { CallContext, ResidentContext } from '../../runtime/types';
import { sniffMedia, StorageUnavailable } from '../../storage/index';
import { TICKET_PHOTO_MAX_BYTES, TICKET_PHOTO_READ_CONCURRENCY, TICKET_VIDEO_MAX_BYTES } from '../../storage/limits';
import { rememberMediaCheck } from './media-checks';
import { submitNow } from './outbox';
import { eventsOf } from './store';
import { ticketDetail } from './views';

export type SubmitInput = z.output<typeof ticketsInput.submit>;

/** A complaint is read by others like a forum post (msgSecCheck scene 3). */
const SCENE = 3;

const invalid = (field: string, problem: string) => new AppError('INVALID_INPUT', `${problem}。`, { fields: { [field]: problem } });

const mediaUnavailable = (cause: unknown) =>
  new AppError('DEPARTMENT_UNAVAILABLE', '上传的照片和视频暂时读取不到，请稍后再提交（已填写的内容仍在本页）。', { retryable: true, cause });

/**
 * Checks every photo and the video through the Storage port: their sizes first, all at once, so
 * a file too large is refused before a byte of any is downloaded; then each file by its bytes,
 * photos a few at a time and the video last, each dropped once sniffed, so the function holds at
 * most PEAK_FILE_BYTES.tickets (its memorySize is computed from that). All within
 * TICKET_MEDIA_MS (runtime/budgets.ts), or the resident is asked to try again and nothing is saved.
 */
async function checkMedia(ctx: CallContext, openid: string, input: SubmitInput): Promise<void> {
  const deadline = performance.now() + TICKET_MEDIA_MS;
  const left = () => Math.max(0, deadline - performance.now());
  const files = [
    ...input.photos.map((fileId, i) => ({ fileId, field: `photos.${i}`, what: `第 ${i + 1} 张照片`, photo: true })),
    ...(input.video ? [{ fileId: input.video, field: 'video', what: '视频', photo: false }] : []),
  ];
  /** What the resident is told when a file cannot be looked at: gone (re-upload it) or storage too slow (try again). */
  const refusalFor = (e: unknown, f: (typeof files)[number]) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return invalid(f.field, `${f.what}不存在或已过期，请重新上传`);
    if (e instanceof StorageUnavailable || e instanceof DeadlineExceeded) return mediaUnavailable(e);
    return e;
  };
  const sizes = await Promise.all(
    files.map((f) =>
      withTimeout(ctx.deps.storage.stat(f.fileId, openid), left(), 'storage.stat').then(
        (s) => s.size,
        (e) => Promise.reject(refusalFor(e, f)),
      ),
    ),
  );
  files.forEach((f, i) => {
    if (f.photo && sizes[i] > TICKET_PHOTO_MAX_BYTES) throw invalid(f.field, `${f.what}超过 10 MB，请压缩后重新上传`);
    if (!f.photo && sizes[i] > TICKET_VIDEO_MAX_BYTES) throw invalid('video', '视频超过 50 MB，请剪短后重新上传');
  });
  const read = async (i: number) => {
    const f = files[i];
    const ms = Math.min(left(), storageReadMs(sizes[i]));
    try {
      return await withTimeout(ctx.deps.storage.read(f.fileId, openid, { deadlineMs: ms }), ms, 'storage.read');
    } catch (e) {
      throw refusalFor(e, f);
    }
  };
  const photos = files.filter((f) => f.photo);
  for (let from = 0; from < photos.length; from += TICKET_PHOTO_READ_CONCURRENCY) {
    await Promise.all(
      photos.slice(from, from + TICKET_PHOTO_READ_CONCURRENCY).map(async (_f, k) => {
        const i = from + k;
        if (sniffMedia(await read(i))?.kind !== 'image') throw invalid(files[i].field, `${files[i].what}不是图片（支持 JPEG、PNG、WebP、HEIC），请重新选择`);
      }),
    );
  }
  if (input.video) {
    const kind = sniffMedia(await read(files.length - 1));
    if (kind?.kind !== 'video') throw invalid('video', '视频不是 MP4 格式，请重新拍摄或选择');
    if (kind.durationMs === null) throw invalid('video', '读不出视频时长，请重新拍摄或选择');
    if (kind.durationMs > MAX_VIDEO_SECONDS * 1000) throw invalid('video', `视频不能超过 ${MAX_VIDEO_SECONDS} 秒（这段约 ${Math.round(kind.durationMs / 1000)} 秒），请剪短后重新上传`);
  }
}

/**
 * WeChat's content check on everything others will read, as they will read it: the fields
 * together, in the order the platform shows them (one per line), normalised as a reader sees them
 * (forContentCheck) — so a phrase split between the description and the place, or disguised by
 * invisible or full-width characters, is checked whole. A refusal names the field to change: the
 * one that is refused on its own, or every field when only their join is.
 */
export async function checkTexts(check: ContentCheck, openid: string, texts: Array<{ field: string; what: string; content: string | undefined }>): Promise<void> {
  const shown = texts.filter((t): t is typeof t & { content: string } => Boolean(t.content)).map((t) => ({ ...t, content: forContentCheck(t.content) }));
  if (!shown.length) return;
  const risky = async (content: string) => {
    try {
      const verdict = await check.checkText({ content, openid, scene: SCENE });
      return verdict.suggest === 'risky' ? verdict : null;
    } catch (e) {
      if (e instanceof ContentCheckUnavailable) {
        throw new AppError('DEPARTMENT_UNAVAILABLE', '微信内容安全检查暂时不可用，请稍后再提交（已填写的内容仍在本页）。', { retryable: true, cause: e });
      }
      throw e;
    }
  };
  const together = await risky(shown.map((t) => t.content).join('\n'));
  if (!together) return;
  const why = LABELS[together.label] ?? '违规';
  // Refused: ask about each field alone (only now, so a passing text costs one check) to say which to change.
  const alone = shown.length === 1 ? shown : (await Promise.all(shown.map(async (t) => ((await risky(t.content)) ? t : null)))).filter((t) => t !== null);
  const joinedOnly = alone.length === 0;
  const named = joinedOnly ? shown : alone;
  const problem = `${named.map((t) => t.what).join('和')}${joinedOnly && shown.length > 1 ? '连起来读' : ''}含有不宜发布的内容（${why}），请修改后再提交`;
  throw new AppError('INVALID_INPUT', `${problem}。`, { fields: Object.fromEntries(named.map((t) => [t.field, problem])) });
}

/**
 * Files a 12345 ticket. Never loses a submission: after the checks the ticket is written to our
 * database first, then the platform is tried once; if it is down or slow the ticket stays
 * pending and the outbox files it later with the same request id. Duplicate taps (same
 * requestId) answer the ticket already filed.
 */
export async function submitTicket(ctx: ResidentContext, input: SubmitInput): Promise<{ ticket: TicketDetail; saved: boolean }> {
  const db = await ctx.deps.db();
  const openid = ctx.caller.openid;
  const now = ctx.clock.now();
  const existing = async () => {
    const [t] = await db.select().from(tickets).where(and(eq(tickets.openid, openid), eq(tickets.requestId, input.requestId)));
    return t;
  };
  const seen = await existing();
  if (seen) return { ticket: await ticketDetail(seen, await eventsOf(db, seen.id), now, ctx.deps.calendar, ctx.deps.storage), saved: seen.status === 'pending' };

  await checkMedia(ctx, openid, input);
  await checkTexts(ctx.deps.contentCheck, openid, [
    { field: 'description', what: '问题描述', content: input.description },
    { field: 'place', what: '地点', content: input.place ? [input.place.name, input.place.address].filter(Boolean).join(' ') : undefined },
  ]);

  const [row] = await db
    .insert(tickets)
    .values({
      openid,
      requestId: input.requestId,
      kind: input.kind,
      category: input.category,
      urgent: input.urgent,
      description: input.description,
      place: input.place ?? null,
      photos: input.photos,
      video: input.video ?? null,
      contactPhone: input.contactPhone ?? null,
      public: input.public,
      status: 'pending',
      filedAt: now,
      nextAttemptAt: now,
    })
    .onConflictDoNothing()
    .returning();
  // Two taps raced past the first look: the other one wrote it.
  const ticket = row ?? (await existing());
  if (!ticket) throw new AppError('INTERNAL');
  if (row) {
    ctx.log.info({ ticket: row.id, kind: row.kind, category: row.category, photos: input.photos.length }, 'ticket saved');
    await startMediaChecks(ctx, row.id, openid, input.photos, now);
    // One bounded attempt: a slow platform costs the resident at most TICKET_PLATFORM_ATTEMPT_MS,
    // then "saved"; the attempt may finish on its own, and the worker files it otherwise.
    await withTimeout(submitNow(ctx.deps, row.id, now), TICKET_PLATFORM_ATTEMPT_MS, 'first filing attempt').catch((e: unknown) =>
      ctx.log.warn({ ticket: row.id, err: e instanceof Error ? e.message : String(e) }, 'ticket saved, not filed yet: the worker files it'),
    );
  }
  const [fresh] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
  return { ticket: await ticketDetail(fresh, await eventsOf(db, fresh.id), now, ctx.deps.calendar, ctx.deps.storage), saved: fresh.status === 'pending' };
}

/**
 * Sends every photo to WeChat's asynchronous image check, all at once, and remembers each trace
 * id with its photo (ticket_media_checks): the verdict arrives later through 消息推送 and names
 * only the trace id. A check that cannot be started must not cost the resident the submission.
 */
async function startMediaChecks(ctx: CallContext, ticketId: string, openid: string, photos: string[], now: Date): Promise<void> {
  const started = await Promise.allSettled(
    photos.map(async (fileId) => {
      const url = await ctx.deps.storage.displayUrl(fileId);
      const { traceId } = await ctx.deps.contentCheck.submitImage({ url, openid, scene: SCENE });
      await rememberMediaCheck(ctx.deps, { traceId, ticketId, fileId, openid }, now);
      return traceId;
    }),
  );
  const traceIds = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  for (const r of started) if (r.status === 'rejected') ctx.log.warn({ err: r.reason instanceof Error ? r.reason.message : String(r.reason) }, 'mediaCheckAsync not started for a ticket photo');
  if (traceIds.length) {
    const db = await ctx.deps.db();
    await db.update(tickets).set({ mediaTraceIds: traceIds }).where(eq(tickets.id, ticketId));
  }
}
