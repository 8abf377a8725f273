import { AppError, type TicketDetail, type TicketRating, type TicketSummary } from '@bianmin/core';
import { and, eq, lt } from 'drizzle-orm';
import { tickets } from '../../db/schema';
import { DepartmentRejection } from '../../departments/client';
import type { ResidentContext } from '../../runtime/types';
import { platformFor } from './platform';
import { eventsOf, residentTickets } from './store';
import { checkTexts } from './submit';
import { reopenWindow, ticketDetail, type TicketRow, ticketSummary } from './views';

/** A command's context once the runtime has loaded the caller's ticket (`subject: 'ticket'`). */
export type TicketContext = ResidentContext & { readonly ticket: TicketRow };

/** The ticket as it stands now (re-read: a command may just have changed it). */
async function detail(ctx: ResidentContext, ticketId: string): Promise<TicketDetail> {
  const db = await ctx.deps.db();
  const [t] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  return ticketDetail(t, await eventsOf(db, t.id), ctx.clock.now(), ctx.deps.calendar, ctx.deps.storage);
}

export async function showTicket(ctx: TicketContext): Promise<{ ticket: TicketDetail }> {
  const db = await ctx.deps.db();
  return { ticket: await ticketDetail(ctx.ticket, await eventsOf(db, ctx.ticket.id), ctx.clock.now(), ctx.deps.calendar, ctx.deps.storage) };
}

/** The resident's tickets, newest first. */
export async function listTickets(ctx: ResidentContext): Promise<{ tickets: TicketSummary[] }> {
  const now = ctx.clock.now();
  const rows = await residentTickets(await ctx.deps.db(), ctx.caller.openid);
  return { tickets: rows.map((t) => ticketSummary(t, now, ctx.deps.calendar)) };
}

/** The platform said no to a rating or reopening we thought allowed (it has moved on): say what it said. */
function refusal(e: unknown): never {
  if (e instanceof DepartmentRejection && e.status === 409) throw new AppError('CONFLICT', `12345 平台未接受：${e.message || '工单状态已变化'}。请刷新后查看最新进展。`);
  throw e;
}

const ALREADY_RATED = () => new AppError('CONFLICT', '您已评价过这次答复。', { fields: { ticketId: '已评价' } });

/**
 * 满意 / 基本满意 / 不满意 for a reply, once per reply. Which tap is the rating is decided here,
 * by a conditional update of our row, before the platform hears of any: parallel taps (two
 * phones, a double tap) find the reply rated and get CONFLICT, so the platform gets one rating and
 * ours is that one. If the platform does not take it, the claim is given back for another try.
 */
export async function rateTicket(ctx: TicketContext, input: { rating: TicketRating; comment?: string }): Promise<{ ticket: TicketDetail }> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const t = ctx.ticket;
  if (t.replyRound === 0 || !t.ticketNo || (t.status !== 'replied' && t.status !== 'closed')) {
    throw new AppError('CONFLICT', '工单答复后才能评价。', { fields: { ticketId: '尚未答复' } });
  }
  if (t.ratedRound >= t.replyRound) throw ALREADY_RATED();
  await checkTexts(ctx.deps.contentCheck, ctx.caller.openid, [{ field: 'comment', what: '评价内容', content: input.comment }]);
  const [claimed] = await db
    .update(tickets)
    .set({ rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now, ratedRound: t.replyRound })
    .where(and(eq(tickets.id, t.id), lt(tickets.ratedRound, t.replyRound)))
    .returning({ id: tickets.id });
  if (!claimed) throw ALREADY_RATED();
  try {
    await platformFor(ctx.deps).rate(t.ticketNo, { rating: input.rating, comment: input.comment ?? null }, now);
  } catch (e) {
    await db
      .update(tickets)
      .set({ rating: t.rating, ratingComment: t.ratingComment, ratedAt: t.ratedAt, ratedRound: t.ratedRound })
      .where(and(eq(tickets.id, t.id), eq(tickets.ratedRound, t.replyRound), eq(tickets.ratedAt, now)));
    refusal(e);
  }
  return { ticket: await detail(ctx, t.id) };
}

/**
 * Asks for a replied ticket to be handled again: only after a reply, within 7 days of it (call
 * clock), once per reply. The request id names the reply, so a retry after a lost answer is the
 * same request at the platform, not a second reopening.
 */
export async function reopenTicket(ctx: TicketContext, input: { reason: string }): Promise<{ ticket: TicketDetail }> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const t = ctx.ticket;
  const window = reopenWindow(t, now);
  if (!window.allowed || !t.ticketNo) throw new AppError('CONFLICT', `${window.reason ?? '现在不能申请重办'}。`, { fields: { ticketId: window.reason ?? '不能申请重办' } });
  await checkTexts(ctx.deps.contentCheck, ctx.caller.openid, [{ field: 'reason', what: '重办理由', content: input.reason }]);
  await platformFor(ctx.deps).reopen(t.ticketNo, { reason: input.reason, requestId: `${t.id}:reopen:${t.replyRound}` }, now).catch(refusal);
  await db
    .update(tickets)
    .set({ status: 'reopened', reopenedAt: now, reopenedRound: t.replyRound })
    .where(and(eq(tickets.id, t.id), lt(tickets.reopenedRound, t.replyRound)));
  ctx.log.info({ ticket: t.id, round: t.replyRound }, 'ticket reopened');
  return { ticket: await detail(ctx, t.id) };
}
