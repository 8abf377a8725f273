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
    `${pad(s.getUTCFullYear(), 4)}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}` +
    `T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`
  );
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of an instant. */
export function shanghaiDate(d: Date): string {
  return toShanghaiIso(d).slice(0, 10);
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 instant that names its offset (Z or ±hh:mm); anything else is rejected.
 * Only values that round-trip are accepted: `new Date()` quietly rolls 30 February into
 * 2 March and T24:00 into the next day, and a clock the caller did not mean is worse than a
 * refusal.
 */
export function parseInstant(s: string): Date | null {
  const m = INSTANT.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const offH = m[8] === 'Z' ? 0 : Number(m[10]);
  const offM = m[8] === 'Z' ? 0 : Number(m[11]);
  if (offH > 14 || offM > 59) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const local = new Date(0);
  local.setUTCFullYear(y, mo - 1, d);
  local.setUTCHours(h, mi, sec, ms);
  if (
    Number.isNaN(local.getTime()) ||
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    local.getUTCHours() !== h ||
    local.getUTCMinutes() !== mi ||
    local.getUTCSeconds() !== sec
  ) {
    return null;
  }
  const sign = m[9] === '-' ? -1 : 1;
  return new Date(local.getTime() - sign * (offH * 60 + offM) * 60_000);
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const d = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(d.getTime()) };
}
