import type { ScheduledService } from './engine';
import type { Schedule } from './schedule';
import { dayOfDate } from './shanghai-time';
import type { NoticeWindow, ScheduleVersion } from './timeline';

/** What operators changed about one service: schedules from an effective date on, and notices. */
export interface ServiceOverrides {
  /** Each from its Shanghai date (`YYYY-MM-DD`) on, until the next one. */
  schedules?: ReadonlyArray<{ effectiveFrom: string; schedule: Schedule }>;
  notices?: readonly NoticeWindow[];
}

/**
 * The catalogue's service with what operators changed. Without changes it is the catalogue's own
 * object: availability() keeps each service's verdict by identity, so a service nobody touched
 * keeps its cached verdicts, and a changed one starts afresh.
 */
export function withOverrides(base: ScheduledService, o: ServiceOverrides | undefined): ScheduledService {
  const schedules = o?.schedules ?? [];
  const notices = o?.notices ?? [];
  if (!schedules.length && !notices.length) return base;
  const versions: ScheduleVersion[] = schedules
    .map((s) => ({ fromDay: dayOfDate(s.effectiveFrom), schedule: s.schedule }))
    .sort((a, b) => a.fromDay - b.fromDay);
  return {
    ...base,
    ...(versions.length && { versions }),
    ...(notices.length && { notices: [...notices].sort((a, b) => a.start - b.start) }),
  };
}
