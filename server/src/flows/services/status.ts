import { findService, type ServiceStatusResult, summarise } from '@bianmin/core';
import { scheduledService, upcomingClosures } from '@bianmin/core/availability/index';
import { engineService, evaluate, scheduleLines, unknownService } from '../../availability/evaluate';
import type { CallContext } from '../../runtime/types';

/**
 * One service's availability now, its week in plain words (with the next dated change an
 * operator scheduled) and what closes it in the next 7 days, operators' notices included (public).
 */
export async function showServiceStatus(ctx: CallContext, { serviceId }: { serviceId: string }): Promise<ServiceStatusResult> {
  if (!scheduledService(serviceId)) throw unknownService();
  const dept = findService(serviceId)?.department;
  await Promise.all([dept ? ctx.deps.departments[dept]?.probe() : undefined, ctx.deps.overrides?.refresh()]);
  const service = engineService(serviceId, ctx.deps)!;
  const now = ctx.clock.now();
  return {
    service: summarise(findService(serviceId)!),
    availability: evaluate(serviceId, now, ctx.deps),
    schedule: { lines: scheduleLines(service, now) },
    upcoming: upcomingClosures(service, now, 7, ctx.deps.calendar),
  };
}
