import { type DepartmentId, shanghaiDate } from '@bianmin/core';
import type { DepartmentHealth } from '@bianmin/core/availability/index';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { departmentHealth, departmentOutages, healthDays } from '../db/schema';
import type { Deps } from '../runtime/types';

export interface HealthReport {
  probed: number;
  down: DepartmentId[];
  /** Outages that began and ended at this run. */
  opened: number;
  closed: number;
}

/**
 * The health timer's run (once a minute): probes every department and records what it found —
 * a count per Shanghai day (uptime is the share of probes that found it up), the department's
 * state and since when, and its outages: opened at the first failed probe with the probe's cause,
 * closed at the first good one. Two runs at once open one outage (a partial unique index).
 */
export async function recordHealth(deps: Deps, now: Date): Promise<HealthReport> {
  const db = await deps.db();
  const day = shanghaiDate(now);
  const report: HealthReport = { probed: 0, down: [], opened: 0, closed: 0 };
  const entries = Object.entries(deps.departments).filter((e): e is [DepartmentId, NonNullable<(typeof e)[1]>] => e[1] !== undefined);
  const results = await Promise.all(
    entries.map(async ([id, client]): Promise<[DepartmentId, DepartmentHealth]> => [id, await client.probe().catch((): DepartmentHealth => ({ state: 'down', cause: '健康检查失败' }))]),
  );
  for (const [id, h] of results) {
    const up = h.state === 'up';
    report.probed++;
    if (!up) report.down.push(id);
    await db
      .insert(healthDays)
      .values({ departmentId: id, day, probes: 1, up: up ? 1 : 0 })
      .onConflictDoUpdate({ target: [healthDays.departmentId, healthDays.day], set: { probes: sql`${healthDays.probes} + 1`, up: sql`${healthDays.up} + ${up ? 1 : 0}` } });
    const state = up ? 'up' : 'down';
    await db
      .insert(departmentHealth)
      .values({ departmentId: id, state, since: now, lastProbeAt: now, monitoredSince: now })
      .onConflictDoUpdate({
        target: departmentHealth.departmentId,
        set: {
          since: sql`CASE WHEN ${departmentHealth.state} = ${state} THEN ${departmentHealth.since} ELSE ${now.toISOString()}::timestamptz END`,
          state,
          lastProbeAt: now,
        },
      });
    if (!up) {
      const opened = await db
        .insert(departmentOutages)
        .values({ departmentId: id, startedAt: now, cause: (h.state === 'down' && h.cause) || '健康检查未通过' })
        .onConflictDoNothing()
        .returning({ id: departmentOutages.id });
      report.opened += opened.length;
    } else {
      const closed = await db
        .update(departmentOutages)
        .set({ endedAt: now })
        .where(and(eq(departmentOutages.departmentId, id), isNull(departmentOutages.endedAt)))
        .returning({ id: departmentOutages.id });
      report.closed += closed.length;
    }
  }
  if (report.down.length) deps.log.warn({ down: report.down }, 'departments down at the health probe');
  return report;
}
