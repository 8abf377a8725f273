import { z } from 'zod';
import { parseInstant } from '../time';

/**
 * A service's opening hours as configuration data (catalogue/schedules.json). Everything a
 * department tells us about when it can take a request is expressible here, so that changing
 * hours or announcing a maintenance window is a data change, not a code change.
 */

/** 'HH:mm'; '24:00' is allowed as an end so that '00:00'–'24:00' reads as "the whole day". */
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm between 00:00 and 24:00');

/**
 * A daily window belongs to the day it starts on. An end at or before the start means the window
 * runs past midnight into the next day ('22:00'–'06:00'), which is why end <= start is not an error.
 */
const timedWindowSchema = z
  .object({ start: clockTime, end: clockTime })
  .strict()
  .refine((w) => w.start !== '24:00', { message: 'a window cannot start at 24:00', path: ['start'] });
const allDayWindowSchema = z.object({ allDay: z.literal(true) }).strict();
const windowSchema = z.union([timedWindowSchema, allDayWindowSchema]);

const instant = z
  .string()
  .refine((s) => parseInstant(s) !== null, 'expected an ISO 8601 instant with an offset, e.g. 2026-03-11T21:00:00+08:00');

/** A one-off announced outage ("系统升级"), with the reason shown to residents. */
const datedMaintenanceSchema = z
  .object({ start: instant, end: instant, reason: z.string().min(1) })
  .strict()
  // zod runs object refinements even when a field failed, so a bad instant must not crash this one.
  .refine((m) => (parseInstant(m.end)?.getTime() ?? Infinity) > (parseInstant(m.start)?.getTime() ?? -Infinity), {
    message: 'maintenance must end after it starts',
    path: ['end'],
  });

/** A maintenance that recurs every day at the same clock time (traffic's 02:00–04:00). */
const dailyMaintenanceSchema = z.object({ start: clockTime, end: clockTime, reason: z.string().min(1) }).strict();

const daysSchema = z.union([
  z.literal('everyday'),
  /** China's statutory working days: Mon–Fri plus make-up days (调休上班), minus statutory holidays. */
  z.literal('workdays'),
  /** Fixed ISO weekdays, 1 = Monday … 7 = Sunday, regardless of make-up days. */
  z
    .object({ weekdays: z.array(z.number().int().min(1).max(7)).min(1) })
    .strict()
    .refine((d) => new Set(d.weekdays).size === d.weekdays.length, 'weekdays must not repeat'),
]);

export const scheduleSchema = z
  .object({
    /** Pinned: every clock time in the schedule is Shanghai time, whatever zone the host runs in. */
    timezone: z.literal('Asia/Shanghai'),
    days: daysSchema,
    windows: z.array(windowSchema).min(1),
    closedOnHolidays: z.boolean(),
    dailyMaintenance: z.array(dailyMaintenanceSchema).default([]),
    maintenance: z.array(datedMaintenanceSchema).default([]),
    /**
     * What the daily gap between windows is called when it is not simply "closed", e.g. '系统结算'
     * for the power grid's nightly settlement; residents are told why, not just that.
     */
    pausedLabel: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Statutory working days already exclude holidays; `false` here would contradict itself.
    if (s.days === 'workdays' && !s.closedOnHolidays) {
      ctx.addIssue({
        code: 'custom',
        path: ['closedOnHolidays'],
        message: "days 'workdays' means statutory working days, which exclude holidays: set closedOnHolidays to true",
      });
    }
  });

export type Schedule = z.output<typeof scheduleSchema>;
/** What a schedule may be written as (maintenance lists may be left out). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
export type ScheduleWindow = z.output<typeof windowSchema>;
export type DailyMaintenance = Schedule['dailyMaintenance'][number];
export type DatedMaintenance = Schedule['maintenance'][number];

export function parseSchedule(raw: unknown): Schedule {
  return scheduleSchema.parse(raw);
}
