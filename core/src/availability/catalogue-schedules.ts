import { findService } from '../catalogue';
import { DEPARTMENTS } from '../departments';
import type { ScheduledService } from './engine';
import type { Schedule } from './schedule';
import { SCHEDULES } from './validated-schedules';

export { SCHEDULES };

export function scheduleFor(serviceId: string): Schedule | undefined {
  return SCHEDULES[serviceId];
}

/** Built once per service: availability() keeps each service's last verdict by its identity. */
const SCHEDULED = new Map<string, ScheduledService>();

/** A catalogue service ready for `availability()`: its name, schedule and department's name. */
export function scheduledService(serviceId: string): ScheduledService | undefined {
  const known = SCHEDULED.get(serviceId);
  if (known) return known;
  const service = findService(serviceId);
  const schedule = SCHEDULES[serviceId];
  if (!service || !schedule) return undefined;
  const scheduled: ScheduledService = { id: service.id, name: service.name, schedule, departmentName: DEPARTMENTS[service.department].name };
  SCHEDULED.set(serviceId, scheduled);
  return scheduled;
}
