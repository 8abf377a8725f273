import type { HolidayCalendar } from '../../availability/calendar';
import { atMinute, dateOfDay, dayOf, isoWeekday, MINUTE_MS, minuteOfDay } from '../../availability/shanghai-time';

/**
 * Working time as the 12345 rules count it: China's working days (the State Council's holidays
 * and 调休 make-up days, from the availability calendar) between 09:00 and 18:00 Shanghai time.
 *
 * A year the calendar does not cover yet is counted by the stated fallback rule — Monday to
 * Friday work, Saturday and Sunday off — and every answer that leaned on it says so
 * (`estimated`), so that a deadline in such a year is shown as an estimate, never as a promise.
 */
export interface OfficeHours {
  /** Minutes after midnight, Shanghai. */
  start: number;
  end: number;
}

export const OFFICE_HOURS: OfficeHours = { start: 9 * 60, end: 18 * 60 };
/** 9 hours: "N working days" is N × one working day of office hours. */
export const WORKING_DAY_MINUTES = OFFICE_HOURS.end - OFFICE_HOURS.start;

/** No real limit is longer than a few weeks; the bound keeps a broken calendar from looping. */
const HORIZON_DAYS = 3660;

export interface WorkingDay {
  working: boolean;
  /** The calendar did not know this day; the Mon–Fri fallback decided. */
  estimated: boolean;
}

export function workingDay(day: number, calendar: HolidayCalendar): WorkingDay {
  const info = calendar.dayInfo(dateOfDay(day));
  if (info.kind === 'unknown') return { working: isoWeekday(day) <= 5, estimated: true };
  return { working: info.kind === 'workday' || info.kind === 'makeup_workday', estimated: false };
}

export interface WorkingInstant {
  at: Date;
  /** Some day counted on the way was outside the calendar's data (fallback rule used). */
  estimated: boolean;
}

/**
 * The instant `minutes` of working time after `start`. Time before 09:00, after 18:00, on
 * weekends and on holidays does not count; a make-up Sunday does. A limit that runs out exactly
 * at 18:00 ends at 18:00 that day, not at 09:00 the next working day.
 */
export function addWorkingTime(start: Date, minutes: number, calendar: HolidayCalendar, hours: OfficeHours = OFFICE_HOURS): WorkingInstant {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`working minutes must be a non-negative integer, got ${minutes}`);
  const t = start.getTime();
  let day = dayOf(t);
  // Seconds count: 17:59:30 has 30 s of the day left, not a whole minute.
  let from = Math.max(hours.start * MINUTE_MS, t - atMinute(day, 0));
  let left = minutes * MINUTE_MS;
  let estimated = false;
  for (let i = 0; i < HORIZON_DAYS; i++, day++, from = hours.start * MINUTE_MS) {
    const wd = workingDay(day, calendar);
    estimated ||= wd.estimated;
    if (!wd.working) continue;
    const available = hours.end * MINUTE_MS - from;
    if (available <= 0) continue;
    if (left === 0 || left <= available) {
      // A zero-length limit still lands inside working time: the next moment anyone is at work.
      return { at: new Date(atMinute(day, 0) + from + left), estimated };
    }
    left -= available;
  }
  throw new RangeError(`no working time found within ${HORIZON_DAYS} days of ${start.toISOString()}`);
}

/** Working time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function workingTimeBetween(from: Date, to: Date, calendar: HolidayCalendar, hours: OfficeHours = OFFICE_HOURS): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  for (let day = dayOf(a); day <= dayOf(b) && day - dayOf(a) < HORIZON_DAYS; day++) {
    if (!workingDay(day, calendar).working) continue;
    const open = Math.max(atMinute(day, hours.start), a);
    const close = Math.min(atMinute(day, hours.end), b);
    if (close > open) total += close - open;
  }
  return total;
}

/** Whether an instant falls inside working time (e.g. whether a person is at the 12345 centre). */
export function isWorkingTime(at: Date, calendar: HolidayCalendar, hours: OfficeHours = OFFICE_HOURS): boolean {
  const t = at.getTime();
  const m = minuteOfDay(t);
  return m >= hours.start && m < hours.end && workingDay(dayOf(t), calendar).working;
}
