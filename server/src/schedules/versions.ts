import { AppError, CATALOGUE, type DepartmentId, findService, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import type { AdminOutputs, adminInput, ScheduleVersionView } from '@bianmin/core/admin/contract';
import { describeWeek, parseSchedule, scheduleFor } from '@bianmin/core/availability/index';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { assertActsFor } from '../admin/scope';
import type { OperatorContext } from '../admin/types';
import { recordAudit } from '../audit/record';
import { scheduleVersions } from '../db/schema';

type VersionRow = typeof scheduleVersions.$inferSelect;

const isUniqueViolation = (e: unknown) => {
  const c = (e as { cause?: { code?: string } })?.cause ?? (e as { code?: string });
  return c?.code === '23505';
};

/** A day as Shanghai reads it, `days` after `now`'s. */
const dateAfter = (now: Date, days: number) => shanghaiDate(new Date(now.getTime() + days * 86_400_000));

function versionView(v: VersionRow, all: VersionRow[], today: string): ScheduleVersionView {
  const live = all.filter((x) => x.serviceId === v.serviceId && !x.withdrawnAt && x.effectiveFrom <= today).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const status: ScheduleVersionView['status'] = v.withdrawnAt
    ? 'withdrawn'
    : v.effectiveFrom > today
      ? 'scheduled'
      : live.at(-1)?.id === v.id
        ? 'in_force'
        : 'superseded';
  let lines: string[] = [];
  try {
    lines = describeWeek(parseSchedule(v.schedule));
  } catch {
    lines = ['（这个版本的数据无法解析）'];
  }
  return {
    versionId: v.id,
    serviceId: v.serviceId,
    effectiveFrom: v.effectiveFrom,
    lines,
    schedule: v.schedule,
    createdAt: toShanghaiIso(v.createdAt),
    createdBy: v.createdBy,
    ...(v.withdrawnAt && { withdrawnAt: toShanghaiIso(v.withdrawnAt) }),
    status,
  };
}

const audited = (v: VersionRow) => ({ serviceId: v.serviceId, effectiveFrom: v.effectiveFrom, schedule: v.schedule, withdrawnAt: v.withdrawnAt?.toISOString() ?? null });

export async function listSchedules(ctx: OperatorContext, input: z.output<(typeof adminInput)['schedules.list']>): Promise<AdminOutputs['schedules.list']> {
  const db = await ctx.deps.db();
  const rows = await db
    .select()
    .from(scheduleVersions)
    .where(input.serviceId ? eq(scheduleVersions.serviceId, input.serviceId) : undefined)
    .orderBy(asc(scheduleVersions.effectiveFrom), asc(scheduleVersions.createdAt));
  const today = shanghaiDate(ctx.clock.now());
  const services = CATALOGUE.services.filter((s) => !input.serviceId || s.id === input.serviceId);
  return {
    services: services.map((s) => {
      const schedule = scheduleFor(s.id)!;
      return {
        serviceId: s.id,
        name: s.name,
        departmentId: s.department as DepartmentId,
        catalogue: { lines: describeWeek(schedule), schedule },
        versions: rows.filter((r) => r.serviceId === s.id).map((r) => versionView(r, rows, today)),
      };
    }),
  };
}

/**
 * New opening hours (or holiday arrangements) for a service, in force from a date on. From
 * tomorrow at the earliest: hours that change under residents in the middle of a day are what a
 * notice is for. One live version per service and date.
 */
export async function setSchedule(ctx: OperatorContext, input: z.output<(typeof adminInput)['schedules.set']>): Promise<AdminOutputs['schedules.set']> {
  const service = findService(input.serviceId)!;
  assertActsFor(ctx.operator, [service.department]);
  const now = ctx.clock.now();
  const tomorrow = dateAfter(now, 1);
  if (input.effectiveFrom < tomorrow) {
    throw new AppError('INVALID_INPUT', `生效日期最早为明天（${tomorrow}）；今天内的临时停办请发布公告。`, { fields: { effectiveFrom: `最早 ${tomorrow}` } });
  }
  if (input.effectiveFrom > dateAfter(now, 366)) {
    throw new AppError('INVALID_INPUT', '生效日期最多在一年以内。', { fields: { effectiveFrom: '应在一年以内' } });
  }
  const db = await ctx.deps.db();
  let row: VersionRow;
  try {
    row = await db.transaction(async (tx) => {
      const [v] = await tx
        .insert(scheduleVersions)
        .values({ serviceId: input.serviceId, effectiveFrom: input.effectiveFrom, schedule: input.schedule, createdBy: ctx.operator.id, createdAt: now })
        .returning();
      await recordAudit(tx, ctx, { action: 'schedules.set', subjectType: 'schedule_version', subjectId: v.id, before: null, after: audited(v), note: input.note });
      return v;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new AppError('CONFLICT', `${service.name}在 ${input.effectiveFrom} 已有一个生效版本，请先撤回它再设置。`, { fields: { effectiveFrom: '这一天已有版本' } });
  }
  ctx.deps.overrides?.invalidate();
  const all = await db.select().from(scheduleVersions).where(eq(scheduleVersions.serviceId, row.serviceId));
  return { version: versionView(row, all, shanghaiDate(now)) };
}

/** Takes back a version that is not in force yet; one in force is replaced by a newer version instead. */
export async function withdrawSchedule(ctx: OperatorContext, input: z.output<(typeof adminInput)['schedules.withdraw']>): Promise<AdminOutputs['schedules.withdraw']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const [v] = await db.select().from(scheduleVersions).where(eq(scheduleVersions.id, input.versionId));
  if (!v) throw new AppError('NOT_FOUND', '没有找到这个办理时间版本。');
  assertActsFor(ctx.operator, [findService(v.serviceId)?.department ?? '']);
  if (v.withdrawnAt) throw new AppError('CONFLICT', '这个版本已经撤回了。');
  if (v.effectiveFrom <= shanghaiDate(now)) throw new AppError('CONFLICT', '已经生效的版本不能撤回；请设置一个新的版本来替代它。');
  const done = await db.transaction(async (tx) => {
    const [w] = await tx
      .update(scheduleVersions)
      .set({ withdrawnAt: now, withdrawnBy: ctx.operator.id })
      .where(and(eq(scheduleVersions.id, v.id), isNull(scheduleVersions.withdrawnAt)))
      .returning();
    if (!w) return undefined;
    await recordAudit(tx, ctx, { action: 'schedules.withdraw', subjectType: 'schedule_version', subjectId: w.id, before: audited(v), after: audited(w), note: input.note });
    return w;
  });
  if (!done) throw new AppError('CONFLICT', '这个版本已经撤回了。');
  ctx.deps.overrides?.invalidate();
  const all = await db.select().from(scheduleVersions).where(eq(scheduleVersions.serviceId, done.serviceId));
  return { version: versionView(done, all, shanghaiDate(now)) };
}
