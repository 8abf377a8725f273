import { parseInstant, toShanghaiIso } from './time';

/**
 * An instant written as residents read it, in Shanghai time (dates.ts adds clock times, months,
 * calendar dates and recency). Its own module because the mini-program's main package — the
 * hub's hours sheet — needs only this, and all the main package imports counts against its budget.
 */

/** The Shanghai wall time of an instant as [YYYY, M, D, 'hh:mm'], or null when it is not one. */
export function wall(iso: string): { y: string; m: number; d: number; clock: string } | null {
  const at = parseInstant(iso);
  if (!at) return null;
  const s = toShanghaiIso(at);
  return { y: s.slice(0, 4), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)), clock: s.slice(11, 16) };
}

/** An instant as Shanghai wall time: '2026年3月10日 12:00'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const w = wall(iso);
  return w ? `${w.y}年${w.m}月${w.d}日 ${w.clock}` : iso;
}
