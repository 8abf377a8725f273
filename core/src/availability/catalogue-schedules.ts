import { z } from 'zod';
import { CATALOGUE, findService } from '../catalogue';
import { DEPARTMENTS } from '../departments';
import type { ScheduledService } from './engine';
import data from '../catalogue/schedules.json';
import { scheduleSchema, type Schedule } from './schedule';

/**
 * Every catalogue service's schedule, validated when the module loads: a typo in the data, or a
 * service added to services.json without hours, fails the build and the tests instead of
 * silently leaving a service "always open".
 */
const schedulesSchema = z.record(z.string(), scheduleSchema).superRefine((map, ctx) => {
  const known = new Set(CATALOGUE.services.map((s) => s.id));
  for (const id of known) if (!(id in map)) ctx.addIssue({ code: 'custom', path: [id], message: `no schedule for service ${id}` });
  for (const id of Object.keys(map)) if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `schedule for unknown service ${id}` });
});

export const SCHEDULES: Readonly<Record<string, Schedule>> = schedulesSchema.parse(data);

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
