import { scheduledService, type NoticeWindow, type ScheduledService, withOverrides, parseSchedule, type Schedule } from '@bianmin/core/availability/index';
import { desc, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { notices, scheduleVersions } from '../db/schema';
import type { Logger } from '../log';

/**
 * What operators published (notices, schedule versions), as the availability engine reads it:
 * every service's catalogue entry with its changes. The guard, services.list and the reminders
 * read it synchronously on every call, so it is kept in memory and reloaded from the database at
 * most once per `ttlMs` (real time, never the call's clock: a dev clock moved back must not make
 * an old snapshot young). A publish in this process reloads at once; other function instances see
 * it within the TTL.
 */
export interface AvailabilityOverrides {
  /** Reloads when the snapshot is older than the TTL (concurrent callers share one load). */
  refresh(): Promise<void>;
  /** The service as the engine should see it, or undefined when nobody changed it. */
  service(serviceId: string): ScheduledService | undefined;
  /** The next refresh reloads (after a publish in this process). */
  invalidate(): void;
  /** Changes whenever what was published changes: caches built on the snapshot key on it. */
  readonly stamp: string;
}

/** The newest notices considered: only current and coming ones matter, and operators publish a few a day. */
const NOTICE_WINDOW = 1000;

export type NoticeRow = typeof notices.$inferSelect;

/** A notice's window as the engine takes it: an early end by an operator ends it then. */
export function noticeWindow(n: NoticeRow): NoticeWindow {
  const ends = [n.endsAt?.getTime(), n.endedAt?.getTime()].filter((x): x is number => x !== undefined);
  return {
    id: n.id,
    kind: n.kind as NoticeWindow['kind'],
    start: n.startsAt.getTime(),
    ...(ends.length && { end: Math.max(n.startsAt.getTime(), Math.min(...ends)) }),
    reason: n.reason,
    ...(n.stillWorks && { stillWorks: n.stillWorks }),
    ...(n.alternative && { alternative: n.alternative }),
  };
}

interface Snapshot {
  stamp: string;
  services: Map<string, ScheduledService>;
}

export function databaseOverrides(db: () => Promise<Db>, opts: { ttlMs: number; log: Logger; now?: () => number }): AvailabilityOverrides {
  const now = opts.now ?? (() => Date.now());
  let snapshot: Snapshot = { stamp: '', services: new Map() };
  let loadedAt = -Infinity;
  let loading: Promise<void> | undefined;

  async function load(): Promise<void> {
    const d = await db();
    const [noticeRows, versionRows] = await Promise.all([
      d.select().from(notices).orderBy(desc(notices.startsAt)).limit(NOTICE_WINDOW),
      d.select().from(scheduleVersions).where(isNull(scheduleVersions.withdrawnAt)),
    ]);
    const stamp = JSON.stringify([
      noticeRows.map((n) => [n.id, n.endsAt?.getTime(), n.endedAt?.getTime()]),
      versionRows.map((v) => v.id).sort(),
    ]);
    loadedAt = now();
    // Unchanged: keep the very objects, so every service keeps its cached verdicts.
    if (stamp === snapshot.stamp) return;
    const byService = new Map<string, { notices: NoticeWindow[]; schedules: Array<{ effectiveFrom: string; schedule: Schedule }> }>();
    const entry = (id: string) => byService.get(id) ?? byService.set(id, { notices: [], schedules: [] }).get(id)!;
    for (const n of noticeRows) for (const id of n.serviceIds) entry(id).notices.push(noticeWindow(n));
    for (const v of versionRows) {
      try {
        entry(v.serviceId).schedules.push({ effectiveFrom: v.effectiveFrom, schedule: parseSchedule(v.schedule) });
      } catch {
        // Written through schedules.set's own parse: a row that fails now was changed by hand.
        opts.log.error({ version: v.id, service: v.serviceId }, 'schedule version does not parse; left out');
      }
    }
    const services = new Map<string, ScheduledService>();
    for (const [id, o] of byService) {
      const base = scheduledService(id);
      if (base) services.set(id, withOverrides(base, o));
    }
    snapshot = { stamp, services };
  }

  return {
    get stamp() {
      return snapshot.stamp;
    },
    refresh() {
      if (now() - loadedAt < opts.ttlMs) return Promise.resolve();
      loading ??= load()
        .catch((e: unknown) => {
          // The last snapshot stands (or the catalogue alone); try again on the next call.
          opts.log.warn({ err: e }, 'availability overrides not reloaded');
        })
        .finally(() => (loading = undefined));
      return loading;
    },
    service: (serviceId) => snapshot.services.get(serviceId),
    invalidate() {
      loadedAt = -Infinity;
    },
  };
}
