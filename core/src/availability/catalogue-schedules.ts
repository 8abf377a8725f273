import { findService } from '../catalogue';
import { DEPARTMENTS } from '../departments';
import type { ScheduledService } from './engine';
import type { Schedule } from './schedule';
import { SCHEDULES } from './validated-schedules';

export { SCHEDULES };

export function scheduleFor(serviceId: string): Schedule | undefined {
  return SCHEDULES[serviceId];
}

/** A catalogue service ready for `availability()`: its name, schedule and department's name. */
export function scheduledService(serviceId: string): ScheduledService | undefined {
  const service = findService(serviceId);
  const schedule = SCHEDULES[serviceId];
  if (!service || !schedule) return undefined;
  return { id: service.id, name: service.name, schedule, departmentName: DEPARTMENTS[service.department].name };
}
