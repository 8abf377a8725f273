import { holidayTables } from './holiday-tables';
import { dayOfDate, isoWeekday } from './shanghai-time';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'unknown';

export interface DayInfo {
  kind: DayKind;
  /** The festival, in Chinese ('春节'), for holidays and the make-up working days that pay for them. */
  name?: string;
}

/**
 * The port the engine asks about statutory holidays and make-up working days (调休). Dates are
 * Shanghai calendar dates as 'YYYY-MM-DD' strings: an instant alone does not name a day.
 */
export interface HolidayCalendar {
  dayInfo(date: string): DayInfo;
}

function chineseName(entry: string): string | undefined {
  const name = entry.split(',')[1]?.trim();
  return name ? name : undefined;
}

let cached: HolidayCalendar | undefined;

/**
 * The `chinese-days` adapter. A year the package has no arrangement for is 'unknown', never
 * guessed: for such a year the package itself would silently answer "Mon–Fri are working days",
 * which is wrong for every holiday the State Council has not yet announced.
 */
export function chineseDaysCalendar(): HolidayCalendar {
  if (cached) return cached;
  const { holidays, workdays } = holidayTables();
  // Coverage is per year: the State Council announces a whole year's arrangement at once.
  const coveredYears = new Set(Object.keys(holidays).map((d) => d.slice(0, 4)));
  cached = {
    dayInfo(date: string): DayInfo {
      const day = dayOfDate(date); // also rejects anything that is not YYYY-MM-DD
      if (!coveredYears.has(date.slice(0, 4))) return { kind: 'unknown' };
      const makeup = workdays[date];
      if (makeup !== undefined) return { kind: 'makeup_workday', name: chineseName(makeup) };
      const holiday = holidays[date];
      if (holiday !== undefined) return { kind: 'holiday', name: chineseName(holiday) };
      return { kind: isoWeekday(day) >= 6 ? 'weekend' : 'workday' };
    },
  };
  return cached;
}

/** The years `chinese-days` has an arrangement for, e.g. to warn before a year runs out. */
export function chineseDaysCoveredYears(): number[] {
  return [...new Set(Object.keys(holidayTables().holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}
