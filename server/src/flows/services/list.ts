import { CATALOGUE, type ServiceNotice, type ServicesListResult, shanghaiDate, summarise, toShanghaiIso } from '@bianmin/core';
import { closureMayStartOn, scheduledService, upcomingClosures } from '@bianmin/core/availability/index';
import { dayOf, minuteOfDay, parseClock } from '@bianmin/core/availability/shanghai-time';
import { engineService, evaluate, probeDepartments } from '../../availability/evaluate';
import type { CallContext, Deps } from '../../runtime/types';

const NOTICE_KIND = { hours: 'hours', holiday: 'holiday', maintenance: 'maintenance', department_unreachable: 'down', incident: 'down' } as const;

/**
 * Whether a closure is the service's everyday rhythm (its nightly hours, a daily maintenance
 * window) rather than news: the tiles already show the routine, the banner lists the rest.
 */
function routineClosure(serviceId: string, kind: ServiceNotice['kind'], now: Date): boolean {
  if (kind === 'hours') return true;
  if (kind !== 'maintenance') return false;
  const minute = minuteOfDay(now.getTime());
  return (scheduledService(serviceId)?.schedule.dailyMaintenance ?? []).some((w) => {
    const start = parseClock(w.start);
    const end = parseClock(w.end);
    return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
  });
}

/**
 * The hub's catalogue with every service's live availability, and the day's closures for the
 * banner: what is not open now, and the holidays or maintenance that start later today.
 */
export function listServices(ctx: CallContext): Promise<ServicesListResult> {
  return servicesAt(ctx.clock.now(), ctx.deps);
}

/**
 * The hub's answer at `now`: every department probed first (cached and coalesced) and operators'
 * notices refreshed, then each service evaluated.
 */
export async function servicesAt(now: Date, deps: Deps): Promise<ServicesListResult> {
  await Promise.all([probeDepartments(deps), deps.overrides?.refresh()]);
  const categories = [...CATALOGUE.categories].sort((a, b) => a.order - b.order);
  const today = shanghaiDate(now);
  const notices: ServiceNotice[] = [];
  const services = CATALOGUE.services.map((s) => {
    const availability = evaluate(s.id, now, deps);
    if (availability.state !== 'open' && availability.state !== 'closing_soon') {
      const kind = NOTICE_KIND[availability.reason ?? 'hours'];
      // An operator's notice is news even when it falls in a daily maintenance window.
      notices.push({ serviceId: s.id, serviceName: s.name, kind, text: availability.message, routine: !availability.notice && routineClosure(s.id, kind, now) });
    } else {
      const service = engineService(s.id, deps)!;
      const later = closureMayStartOn(service, dayOf(now.getTime()), deps.calendar)
        ? upcomingClosures(service, now, 1, deps.calendar).find((c) => c.kind !== 'calendar_unknown' && c.startsAt.slice(0, 10) === today)
        : undefined;
      if (later) notices.push({ serviceId: s.id, serviceName: s.name, kind: later.kind === 'holiday' ? 'holiday' : 'maintenance', text: later.message, routine: false });
    }
    return { ...summarise(s), availability };
  });
  return { categories, services, notices, now: toShanghaiIso(now) };
}
