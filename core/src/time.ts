/**
 * China has one zone and no daylight saving: Asia/Shanghai is UTC+8 all year. Every calendar
 * decision goes through these helpers so that nothing depends on the host's zone (cloud
 * functions run in UTC; the tests run with TZ=UTC).
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-03-10T23:45:00+08:00` for an instant. */
export function toShanghaiIso(d: Date): string {
  const s = new Date(d.getTime() + OFFSET_MS);
  return (
    `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}` +
    `T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
  );
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(d: Date): string {
  return toShanghaiIso(d).slice(0, 10);
}

/** Parses an ISO 8601 instant that names its offset (Z or ±hh:mm); anything else is rejected. */
export function parseInstant(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const d = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(d.getTime()) };
}
