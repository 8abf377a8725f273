import { AppError, MAX_VIDEO_SECONDS, type TicketDetail, type ticketsInput } from '@bianmin/core';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { forContentCheck } from '../content/normalise';
import { LABELS, type ContentCheck, ContentCheckUnavailable } from '../content/port';
import { tickets } from '../db/schema';
import type { CallContext } from '../runtime/types';
import { sniffMedia } from '../storage/index';
import { submitNow } from './outbox';
import { eventsOf } from './store';
import { ticketDetail } from './views';

export type SubmitInput = z.output<typeof ticketsInput.submit>;

/** WeChat's media check takes files up to 10 MB; a phone photo is far below. */
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_VIDEO_BYTES = 50 * 1024 * 1024;
/** A complaint is read by others like a forum post (msgSecCheck scene 3). */
const SCENE = 3;

const invalid = (field: string, problem: string) => new AppError('INVALID_INPUT', `${problem}。`, { fields: { [field]: problem } });

/** Reads every photo and the video through the Storage port and checks each by its bytes. */
async function checkMedia(ctx: CallContext, openid: string, input: SubmitInput): Promise<void> {
  const read = async (fileId: string, field: string, what: string) => {
    try {
      return await ctx.deps.storage.read(fileId, openid);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw invalid(field, `${what}不存在或已过期，请重新上传`);
      throw e;
    }
  };
  const photos = await Promise.all(input.photos.map((f, i) => read(f, `photos.${i}`, `第 ${i + 1} 张照片`)));
  photos.forEach((bytes, i) => {
    const kind = sniffMedia(bytes);
    if (kind?.kind !== 'image') throw invalid(`photos.${i}`, `第 ${i + 1} 张照片不是图片（支持 JPEG、PNG、WebP、HEIC），请重新选择`);
    if (bytes.length > MAX_PHOTO_BYTES) throw invalid(`photos.${i}`, `第 ${i + 1} 张照片超过 10 MB，请压缩后重新上传`);
  });
  if (input.video) {
    const bytes = await read(input.video, 'video', '视频');
    const kind = sniffMedia(bytes);
    if (kind?.kind !== 'video') throw invalid('video', '视频不是 MP4 格式，请重新拍摄或选择');
    if (kind.durationMs === null) throw invalid('video', '读不出视频时长，请重新拍摄或选择');
    if (kind.durationMs > MAX_VIDEO_SECONDS * 1000) throw invalid('video', `视频不能超过 ${MAX_VIDEO_SECONDS} 秒（这段约 ${Math.round(kind.durationMs / 1000)} 秒），请剪短后重新上传`);
    if (bytes.length > MAX_VIDEO_BYTES) throw invalid('video', '视频超过 50 MB，请剪短后重新上传');
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
export async function submitTicket(ctx: CallContext & { caller: { openid: string } }, input: SubmitInput): Promise<{ ticket: TicketDetail; saved: boolean }> {
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
  // Images go to WeChat's asynchronous check; its verdict comes later, so a failure to start it
  // must not cost the resident the submission.
  const traceIds: string[] = [];
  for (const f of input.photos) {
    try {
      const url = await ctx.deps.storage.displayUrl(f);
      traceIds.push((await ctx.deps.contentCheck.submitImage({ url, openid, scene: SCENE })).traceId);
    } catch (e) {
      ctx.log.warn({ err: e instanceof Error ? e.message : String(e) }, 'mediaCheckAsync not started for a ticket photo');
    }
  }

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
      mediaTraceIds: traceIds,
    })
    .onConflictDoNothing()
    .returning();
  // Two taps raced past the first look: the other one wrote it.
  const ticket = row ?? (await existing());
  if (!ticket) throw new AppError('INTERNAL');
  if (row) {
    ctx.log.info({ ticket: row.id, kind: row.kind, category: row.category, photos: input.photos.length }, 'ticket saved');
    await submitNow(ctx.deps, row.id, now);
  }
  const [fresh] = await db.select().from(tickets).where(eq(tickets.id, ticket.id));
  return { ticket: await ticketDetail(fresh, await eventsOf(db, fresh.id), now, ctx.deps.calendar, ctx.deps.storage), saved: fresh.status === 'pending' };
}
