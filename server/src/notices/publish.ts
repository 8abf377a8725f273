import { AppError, findService, parseInstant } from '@bianmin/core';
import { MAX_NOTICE_LEAD_DAYS, type AdminOutputs, type adminInput } from '@bianmin/core/admin/contract';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { assertActsFor } from '../admin/scope';
import type { OperatorContext } from '../admin/types';
import { recordAudit } from '../audit/record';
import { notices } from '../db/schema';
import { adminNoticeView } from './views';
import { tellReminderHolders } from './tell';
import type { NoticeRow } from './overrides';

/** The row as the audit log keeps it (before/after): what residents were told, and when. */
const auditedNotice = (n: NoticeRow) => ({
  kind: n.kind,
  serviceIds: n.serviceIds,
  startsAt: n.startsAt.toISOString(),
  endsAt: n.endsAt?.toISOString() ?? null,
  reason: n.reason,
  stillWorks: n.stillWorks,
  alternative: n.alternative,
  endedAt: n.endedAt?.toISOString() ?? null,
});

const DAY_MS = 86_400_000;

/**
 * An operator publishes a maintenance, an incident or a notice for services of their department.
 * From the moment it is committed the availability engine reads it (this process at once, other
 * function instances within their overrides TTL), and every resident holding a reminder for an
 * affected service is told. The audit entry is written in the same transaction.
 */
export async function publishNotice(ctx: OperatorContext, input: z.output<(typeof adminInput)['notices.publish']>): Promise<AdminOutputs['notices.publish']> {
  const services = input.serviceIds.map((id) => findService(id)!);
  const departmentIds = [...new Set(services.map((s) => s.department))];
  assertActsFor(ctx.operator, departmentIds);
  const now = ctx.clock.now();
  const startsAt = parseInstant(input.startsAt)!;
  const endsAt = input.endsAt ? parseInstant(input.endsAt)! : null;
  if (endsAt && endsAt.getTime() <= now.getTime()) {
    throw new AppError('INVALID_INPUT', '结束时间已经过去了：已结束的事情不必再发布。', { fields: { endsAt: '结束时间应晚于现在' } });
  }
  if (startsAt.getTime() > now.getTime() + MAX_NOTICE_LEAD_DAYS * DAY_MS) {
    throw new AppError('INVALID_INPUT', `开始时间太远了：最多提前 ${MAX_NOTICE_LEAD_DAYS} 天发布。`, { fields: { startsAt: `应在 ${MAX_NOTICE_LEAD_DAYS} 天以内` } });
  }
  if (input.kind === 'maintenance' && startsAt.getTime() < now.getTime() - 5 * 60_000) {
    // A maintenance is announced ahead; one already under way is an incident.
    throw new AppError('INVALID_INPUT', '计划维护应提前发布；已经开始的停办请按“故障”发布。', { fields: { startsAt: '开始时间已经过去' } });
  }
  const db = await ctx.deps.db();
  const row = await db.transaction(async (tx) => {
    const [n] = await tx
      .insert(notices)
      .values({
        kind: input.kind,
        serviceIds: input.serviceIds,
        departmentIds,
        startsAt,
        endsAt,
        reason: input.reason,
        stillWorks: input.stillWorks || null,
        alternative: input.alternative || null,
        createdBy: ctx.operator.id,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'notices.publish', subjectType: 'notice', subjectId: n.id, before: null, after: auditedNotice(n) });
    return n;
  });
  ctx.deps.overrides?.invalidate();
  const told = await tellReminderHolders(db, row, 'published', now);
  ctx.log.info({ notice: row.id, kind: row.kind, services: row.serviceIds, told }, 'notice published');
  return { notice: adminNoticeView(row, now), told };
}

/**
 * Ends a notice now (an incident fixed, a maintenance done early, an announcement withdrawn).
 * Residents holding a reminder hear that the service is back when it had closed it.
 */
export async function endNotice(ctx: OperatorContext, input: z.output<(typeof adminInput)['notices.end']>): Promise<AdminOutputs['notices.end']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const [existing] = await db.select().from(notices).where(eq(notices.id, input.noticeId));
  if (!existing) throw new AppError('NOT_FOUND', '没有找到这条公告。');
  assertActsFor(ctx.operator, existing.departmentIds);
  const updated = await db.transaction(async (tx) => {
    const [n] = await tx
      .update(notices)
      .set({ endedAt: now, endedBy: ctx.operator.id })
      // Only one that has not ended: two operators ending it at once end it once.
      .where(and(eq(notices.id, existing.id), isNull(notices.endedAt), or(isNull(notices.endsAt), gt(notices.endsAt, now))))
      .returning();
    if (!n) return undefined;
    await recordAudit(tx, ctx, { action: 'notices.end', subjectType: 'notice', subjectId: n.id, before: auditedNotice(existing), after: auditedNotice(n), note: input.note });
    return n;
  });
  if (!updated) throw new AppError('CONFLICT', '这条公告已经结束了。');
  ctx.deps.overrides?.invalidate();
  const wasClosing = updated.kind !== 'notice' && existing.startsAt.getTime() <= now.getTime();
  const told = wasClosing ? await tellReminderHolders(db, updated, 'ended', now) : 0;
  return { notice: adminNoticeView(updated, now), told };
}

/** Notices for the console: in force and coming (current), over (ended), or all; newest first. */
export async function listNotices(ctx: OperatorContext, input: z.output<(typeof adminInput)['notices.list']>): Promise<AdminOutputs['notices.list']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const rows = await db.select().from(notices).orderBy(desc(notices.startsAt)).limit(300);
  const views = rows.map((n) => adminNoticeView(n, now));
  const want = input.status;
  return { notices: want === 'all' ? views : views.filter((v) => (want === 'ended' ? v.status === 'ended' : v.status !== 'ended')) };
}
