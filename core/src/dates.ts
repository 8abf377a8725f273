import { formatDateTime, wall } from './date-time';
import { toShanghaiIso } from './time';

export { formatDateTime };

/**
 * How every screen writes months, dates and times (format.ts adds money): one style, in Shanghai
 * time whatever the phone's or the function's zone, as residents write them (2026年3月25日) —
 * never 2026-03-25 beside 2026年3月25日 on one screen. Instants alone (date and time, clock) are
 * in date-time.ts, which the mini-program's main package (the hub's hours sheet) imports alone.
 */

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-02' → '2026年2月'; anything else is shown as given. */
export function formatMonth(month: string): string {
  const m = MONTH.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** '2023-02', '2026-01' → '2023年2月至2026年1月'; one month is just that month. */
export function formatMonthRange(from: string, to: string): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)}至${formatMonth(to)}`;
}

/** '2026-03-15' (a calendar date) or an instant (its Shanghai date) → '2026年3月15日'. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const d = DAY.exec(date);
  if (d) return `${d[1]}年${Number(d[2])}月${Number(d[3])}日`;
  const w = wall(date);
  return w ? `${w.y}年${w.m}月${w.d}日` : date;
}

/** An instant's Shanghai clock time: '12:30'. */
export function formatClock(iso: string | null | undefined): string {
  if (!iso) return '';
  return wall(iso)?.clock ?? iso;
}

/**
 * An instant relative to `now`, for lists where recency matters (the message centre): '今天 00:31',
 * '昨天 21:05', otherwise the full date and time.
 */
export function formatRecent(iso: string, now: Date): string {
  const w = wall(iso);
  if (!w) return iso;
  const today = toShanghaiIso(now).slice(0, 10);
  const yesterday = toShanghaiIso(new Date(now.getTime() - 24 * 60 * 60 * 1000)).slice(0, 10);
  const day = `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
  if (day === today) return `今天 ${w.clock}`;
  if (day === yesterday) return `昨天 ${w.clock}`;
  return formatDateTime(iso);
}

/** How old department data is, as a resident says it: 刚刚 / 40 秒前 / 3 分钟前 / 2 小时前 / 1 天前. */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 10) return '刚刚';
  if (seconds < 60) return `${Math.floor(seconds)} 秒前`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} 小时前`;
  return `${Math.floor(seconds / 86400)} 天前`;
}
