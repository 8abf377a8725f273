import { AppError, type Availability, findService } from '@bianmin/core';
import { availability, type DepartmentHealth, describeWeek, scheduledService, type ScheduledService } from '@bianmin/core/availability/index';
import { dateOfDay, dayOf } from '@bianmin/core/availability/shanghai-time';
import type { CallContext, Deps } from '../runtime/types';

/**
 * A department we have no endpoint for is as unreachable to a resident as one that is down;
 * the log says which it is.
 */
function healthOf(deps: Deps, serviceId: string, now: Date): DepartmentHealth {
  const def = findService(serviceId);
  if (def && !def.needsDepartment) return { state: 'up' };
  const dept = def?.department;
  const client = dept ? deps.departments[dept] : undefined;
  return client ? client.health(now) : { state: 'down' };
}

/** Never echoes the id: whatever a caller sends must not come back as our words to a resident. */
export function unknownService(): AppError {
  return new AppError('NOT_FOUND', '没有找到这项服务，请回到首页重新选择。', { fields: { serviceId: '未知的服务编号' } });
}

/** The service as the engine sees it: the catalogue's, with what operators published. */
export function engineService(serviceId: string, deps: Deps) {
  return deps.overrides?.service(serviceId) ?? scheduledService(serviceId);
}

export function evaluate(serviceId: string, now: Date, deps: Deps): Availability {
  const service = engineService(serviceId, deps);
  if (!service) throw unknownService();
  return availability(service, now, deps.calendar, healthOf(deps, serviceId, now));
}

/** Probes every department once (cached and coalesced in each client) so that the hub's answer is current. */
export async function probeDepartments(deps: Deps): Promise<void> {
  await Promise.all(Object.values(deps.departments).map((c) => c?.probe()));
}

/** The week's hours in force today, and the next change an operator scheduled (with its date). */
export function scheduleLines(service: ScheduledService, now: Date): string[] {
  const day = dayOf(now.getTime());
  const versions = service.versions ?? [];
  const current = [...versions].reverse().find((v) => v.fromDay <= day)?.schedule ?? service.schedule;
  const next = versions.find((v) => v.fromDay > day);
  const lines = describeWeek(current);
  if (next) {
    const [year, month, date] = dateOfDay(next.fromDay).split('-').map(Number);
    lines.push(`自 ${year}年${month}月${date}日起：${describeWeek(next.schedule).join('；')}`);
  }
  return lines;
}

const REFUSAL = { closed: 'SERVICE_CLOSED', maintenance: 'SERVICE_MAINTENANCE', down: 'DEPARTMENT_UNAVAILABLE' } as const;

/**
 * The one availability guard. The runtime calls it for every action that declares the service
 * it touches, after validation and before any department is called or anything is written.
 */
export async function assertAvailable(serviceId: string, ctx: CallContext, opts: { servesStale?: boolean } = {}): Promise<Availability> {
  await ctx.deps.overrides?.refresh();
  const a = evaluate(serviceId, ctx.clock.now(), ctx.deps);
  if (a.state === 'open' || a.state === 'closing_soon') return a;
  // Last known data is offered while a department cannot be reached, not while its operator says it is broken.
  if (a.state === 'down' && opts.servesStale && a.reason !== 'incident') return a;
  throw new AppError(REFUSAL[a.state], a.message, { availability: a, retryable: true, retryAt: a.opensAt });
}
