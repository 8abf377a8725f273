// Every catalogue service's schedule as validated data. A cloud function bundle replaces this
// module with the output of the same parse, run at build time (scripts/build-functions.mjs).
import { z } from 'zod';
import { CATALOGUE } from '../catalogue';
import data from '../catalogue/schedules.json';
import { scheduleSchema, type Schedule } from './schedule';

/**
 * Validated when the module loads (tests, the local stack) or at build time (functions): a typo
 * in the data, or a service added to services.json without hours, fails the build and the tests
 * instead of silently leaving a service "always open".
 */
const schedulesSchema = z.record(z.string(), scheduleSchema).superRefine((map, ctx) => {
  const known = new Set(CATALOGUE.services.map((s) => s.id));
  for (const id of known) if (!(id in map)) ctx.addIssue({ code: 'custom', path: [id], message: `no schedule for service ${id}` });
  for (const id of Object.keys(map)) if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: `schedule for unknown service ${id}` });
});

export const SCHEDULES: Readonly<Record<string, Schedule>> = schedulesSchema.parse(data);
