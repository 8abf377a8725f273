import { toShanghaiIso } from '../time';

/**
 * Instants as epoch milliseconds, Shanghai calendar days as integers ("day numbers": days since
 * 1970-01-01 in Shanghai). China has had no daylight saving since 1991, so Asia/Shanghai is a
 * fixed UTC+8 and plain arithmetic is exact. Nothing here reads the host's zone: the host is
 * UTC in the cloud, and anything that used local-time getters would shift every date west of it.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 8 * HOUR_MS;

export const MINUTES_PER_DAY = 24 * 60;

/** The Shanghai calendar day an instant falls on. */
export const dayOf = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);

/** The instant a Shanghai calendar day starts (00:00 +08:00). */
export const startOfDay = (day: number): number => day * DAY_MS - OFFSET_MS;

/** The instant `minute` minutes after the start of a Shanghai day (may run into the next day). */
export const atMinute = (day: number, minute: number): number => startOfDay(day) + minute * MINUTE_MS;

export const minuteOfDay = (ms: number): number => Math.floor((ms - startOfDay(dayOf(ms))) / MINUTE_MS);

/** `YYYY-MM-DD`, computed in UTC on purpose: a day number is a pure date, with no zone left in it. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function dayOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`expected YYYY-MM-DD, got ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** ISO weekday, 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export const isoWeekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** `2026-03-11T00:30:00+08:00` */
export const isoAt = (ms: number): string => toShanghaiIso(new Date(ms));

/** 'HH:mm' (00:00–24:00) → minutes after midnight. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`expected HH:mm, got ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → 'HH:mm'; 1440 and beyond wrap to the next day's clock. */
export function formatClock(minute: number): string {
  const m = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export const clockAt = (ms: number): string => formatClock(minuteOfDay(ms));
