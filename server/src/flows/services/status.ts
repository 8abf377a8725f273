import { findService, type ServiceStatusResult, summarise } from '@bianmin/core';
import { describeWeek, scheduledService, upcomingClosures } from '@bianmin/core/availability/index';
import { evaluate, unknownService } from '../../availability/evaluate';
import type { CallContext } from '../../runtime/types';

/** One service's availability now, its week in plain words and what closes it in the next 7 days (public). */
export async function showServiceStatus(ctx: CallContext, { serviceId }: { serviceId: string }): Promise<ServiceStatusResult> {
  const service = scheduledService(serviceId);
  if (!service) throw unknownService();
  const dept = findService(serviceId)?.department;
  if (dept) await ctx.deps.departments[dept]?.probe();
  const now = ctx.clock.now();
  return {
    service: summarise(findService(serviceId)!),
    availability: evaluate(serviceId, now, ctx.deps),
    schedule: { lines: describeWeek(service.schedule) },
    upcoming: upcomingClosures(service, now, 7, ctx.deps.calendar),
  };
}

