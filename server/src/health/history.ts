import { DEPARTMENT_IDS, DEPARTMENTS, type DepartmentId, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import type { AdminOutputs, adminInput, DepartmentHealthView, OutageView } from '@bianmin/core/admin/contract';
import { and, desc, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OperatorContext } from '../admin/types';
import type { Db } from '../db/open';
import { departmentHealth, departmentOutages, healthDays } from '../db/schema';

const DAY_MS = 86_400_000;

/** Probes and good probes per department over the last `days` Shanghai days (today included). */
export async function uptimeOver(db: Db, now: Date, days: number): Promise<Map<string, { probes: number; up: number }>> {
  const from = shanghaiDate(new Date(now.getTime() - (days - 1) * DAY_MS));
  const to = shanghaiDate(now);
  const rows = await db
    .select({ departmentId: healthDays.departmentId, probes: sql<number>`sum(${healthDays.probes})::int`, up: sql<number>`sum(${healthDays.up})::int` })
    .from(healthDays)
    .where(and(gte(healthDays.day, from), sql`${healthDays.day} <= ${to}`))
    .groupBy(healthDays.departmentId);
  return new Map(rows.map((r) => [r.departmentId, { probes: r.probes, up: r.up }]));
}

export const share = (u: { probes: number; up: number } | undefined): number | null => (u && u.probes > 0 ? u.up / u.probes : null);

export type OutageRow = typeof departmentOutages.$inferSelect;

/** Outages that were going on at some point since `from` (open ones included), newest first. */
export async function outagesSince(db: Db, from: Date, departmentIds?: readonly string[]): Promise<OutageRow[]> {
  return db
    .select()
    .from(departmentOutages)
    .where(and(or(isNull(departmentOutages.endedAt), gte(departmentOutages.endedAt, from)), departmentIds ? inArray(departmentOutages.departmentId, [...departmentIds]) : undefined))
    .orderBy(desc(departmentOutages.startedAt))
    .limit(500);
}

export function outageView(o: OutageRow, now: Date): OutageView {
  const end = o.endedAt ?? now;
  return {
    departmentId: o.departmentId as DepartmentId,
    startedAt: toShanghaiIso(o.startedAt),
    ...(o.endedAt && { endedAt: toShanghaiIso(o.endedAt) }),
    cause: o.cause,
    minutes: Math.max(0, Math.round((end.getTime() - o.startedAt.getTime()) / 60_000)),
  };
}

/** Each department's health as the probes recorded it: now, the share of good probes, and its outages. */
export async function healthHistory(ctx: OperatorContext, input: z.output<(typeof adminInput)['health.history']>): Promise<AdminOutputs['health.history']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const ids = input.departmentId ? [input.departmentId] : [...DEPARTMENT_IDS];
  const [states, uptime, outages] = await Promise.all([
    db.select().from(departmentHealth).where(inArray(departmentHealth.departmentId, ids)),
    uptimeOver(db, now, input.days),
    outagesSince(db, new Date(now.getTime() - input.days * DAY_MS), ids),
  ]);
  const departments: DepartmentHealthView[] = ids.map((id) => {
    const s = states.find((x) => x.departmentId === id);
    const u = uptime.get(id);
    return {
      departmentId: id,
      name: DEPARTMENTS[id].name,
      state: s ? (s.state === 'up' ? 'up' : 'down') : 'unknown',
      ...(s && { since: toShanghaiIso(s.since), lastProbeAt: toShanghaiIso(s.lastProbeAt) }),
      uptime: { days: input.days, share: share(u), probes: u?.probes ?? 0 },
      outages: outages.filter((o) => o.departmentId === id).map((o) => outageView(o, now)),
    };
  });
  return { departments };
}
