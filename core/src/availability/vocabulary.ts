import type { Availability, AvailabilityState, ClosureReason } from '../availability-types';
import { parseInstant } from '../time';
import { HOUR_MS, MINUTE_MS, clockAt, dayOf, isoWeekday, yearOfDay } from './shanghai-time';

/**
 * The words for availability that every screen uses — the hub's tiles and banner, the hours
 * sheet, a flow's notice and its pay button — so that one closure reads the same everywhere.
 * Times are said as the server's message says them (`whenLabel`): '00:30' at 23:45, not
 * '明天 00:30'. Light on purpose: the client's main package imports it.
 */

export const WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

/** '3月2日（周一）', with the year when it is not this year's. */
export function dateLabel(target: number, now: number): string {
  const day = dayOf(target);
  const d = new Date(day * 24 * HOUR_MS);
  const year = yearOfDay(day) === yearOfDay(dayOf(now)) ? '' : `${d.getUTCFullYear()}年`;
  return `${year}${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAY[isoWeekday(day) - 1]}）`;
}

/**
 * When something happens, as a resident would say it: '00:30' when it is today or only a short
 * wait past midnight (at 23:45 nobody means tomorrow's 00:30 as "tomorrow"), '明天 09:00', or the
 * date with its weekday.
 */
export function whenLabel(target: number, now: number): string {
  const days = dayOf(target) - dayOf(now);
  const clock = clockAt(target);
  if (days <= 0 || (days === 1 && target - now <= 3 * HOUR_MS)) return clock;
  if (days === 1) return `明天 ${clock}`;
  return `${dateLabel(target, now)}${clock}`;
}

/** How long until `target`: minutes, then hours and minutes, then calendar days. */
export function waitLabel(now: number, target: number): string {
  const minutes = Math.max(1, Math.ceil((target - now) / MINUTE_MS));
  if (minutes < 60) return `${minutes} 分钟`;
  if (target - now < 24 * HOUR_MS) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
  }
  // Past a day, residents count dates, not 24-hour periods: Friday evening to Monday is 3 days.
  return `${dayOf(target) - dayOf(now)} 天`;
}

/** States in which a service refuses a call (SERVICE_CLOSED, SERVICE_MAINTENANCE, DEPARTMENT_UNAVAILABLE). */
const REFUSING_STATES: ReadonlySet<AvailabilityState> = new Set<AvailabilityState>(['closed', 'maintenance', 'down']);

/** Whether a call to the service would be refused now. Unknown availability refuses nothing: the server decides. */
export function refusesCalls(a: Pick<Availability, 'state'> | null | undefined): boolean {
  return Boolean(a && REFUSING_STATES.has(a.state));
}

/** Why a service is not open, as the hub's banner groups closures. */
export type ClosureKind = 'hours' | 'holiday' | 'maintenance' | 'down' | 'incident';

const KIND_OF_REASON: Record<ClosureReason, ClosureKind> = { hours: 'hours', holiday: 'holiday', maintenance: 'maintenance', department_unreachable: 'down', incident: 'incident' };

/** The kind of a closure, from the availability the server sent. */
export function closureKind(a: Pick<Availability, 'state' | 'reason'>): ClosureKind | null {
  if (!REFUSING_STATES.has(a.state)) return null;
  // An operator's incident is down, but not "unreachable": the department told us, in its words.
  if (a.reason === 'incident') return 'incident';
  if (a.state === 'down') return 'down';
  if (a.state === 'maintenance') return 'maintenance';
  return KIND_OF_REASON[a.reason ?? 'hours'];
}

/** A closure in a few words: 暂停办理 / 节假日休息 / 系统维护 / 国网市供电公司系统暂时连不上. */
export function closureLabel(kind: ClosureKind, departmentName?: string): string {
  switch (kind) {
    case 'hours':
      return '暂停办理';
    case 'holiday':
      return '节假日休息';
    case 'maintenance':
      return '系统维护';
    case 'down':
      return departmentName ? `${departmentName}系统暂时连不上` : '对方系统暂时连不上';
    case 'incident':
      return '故障处理中';
  }
}

/** Tone of a state for colour and shape (never the only carrier: the words say it too). */
export type StatusTone = 'open' | 'warn' | 'closed' | 'maintenance' | 'down';

export function statusTone(a: Pick<Availability, 'state'>): StatusTone {
  return a.state === 'closing_soon' ? 'warn' : a.state;
}

/** The state in a few words: 可办理 / 即将暂停 / and the closure labels above. */
export function stateLabel(a: Availability, departmentName?: string): string {
  if (a.state === 'open') return '可办理';
  if (a.state === 'closing_soon') return '即将暂停';
  return closureLabel(closureKind(a) ?? 'hours', departmentName);
}

function ms(iso: string | undefined): number | null {
  const d = iso ? parseInstant(iso) : null;
  return d ? d.getTime() : null;
}

/**
 * When the state changes, as the server's own message says it: '00:30 恢复', '明天 09:00 恢复',
 * '还剩 10 分钟', '22:00 暂停'. Null when there is nothing to say (open all day, no known time).
 */
export function changeLabel(a: Availability): string | null {
  const now = ms(a.now);
  if (now === null) return null;
  if (a.state === 'closing_soon') {
    const closes = ms(a.closesAt);
    if (closes === null) return null;
    return closes - now < HOUR_MS ? `还剩 ${waitLabel(now, closes)}` : `${whenLabel(closes, now)} 暂停`;
  }
  if (!REFUSING_STATES.has(a.state)) return null;
  // A down department's opensAt is our next retry, not its recovery: never print it as one.
  if (a.state === 'down' && a.reason !== 'incident') return '每分钟自动重试';
  const opens = ms(a.opensAt);
  if (opens === null) return a.reason === 'incident' ? '恢复时间另行通知' : null;
  return `${whenLabel(opens, now)} 恢复`;
}

/** The status line of a tile or badge: '可办理', '暂停办理 · 00:30 恢复', '即将暂停 · 还剩 10 分钟'. */
export function statusLabel(a: Availability, departmentName?: string): string {
  const change = changeLabel(a);
  return change ? `${stateLabel(a, departmentName)} · ${change}` : stateLabel(a, departmentName);
}

/** One action of a service that has several (查询 and 缴费 of 电费). */
export interface ActionAvailability {
  /** The action in a word: 查询, 缴费. */
  verb: string;
  availability: Availability;
}

/**
 * One status line for a tile that stands for several actions. Said once when they agree
 * ('暂停办理 · 00:30 恢复'), action by action when they do not ('可查询 · 缴费 00:30 恢复').
 */
export function actionsLabel(actions: readonly ActionAvailability[], departmentName?: string): string {
  if (actions.length === 0) return '';
  const lines = actions.map((x) => statusLabel(x.availability, departmentName));
  if (lines.every((l) => l === lines[0])) return lines[0]!;
  return actions
    .map(({ verb, availability: a }) => {
      if (a.state === 'open') return `可${verb}`;
      const change = changeLabel(a);
      if (a.state === 'closing_soon') return `${verb}即将暂停${change ? `，${change}` : ''}`;
      if (a.state === 'down') return `${verb}暂不可用${change ? `，${change}` : ''}`;
      return change ? `${verb} ${change}` : `暂停${verb}`;
    })
    .join(' · ');
}

/** The day an instant falls on, relative to `now`: 今天 / 明天 / 昨天 / 3月11日（周三）. */
export function dayLabel(iso: string, nowIso: string): string {
  const at = ms(iso);
  const now = ms(nowIso);
  if (at === null || now === null) return '';
  const days = dayOf(at) - dayOf(now);
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  if (days === -1) return '昨天';
  return dateLabel(at, now);
}

/** An instant with its day, for "as of" lines: '今天 09:30', '昨天 21:05', '3月8日（周日）09:00'. */
export function momentLabel(iso: string, nowIso: string): string {
  const at = ms(iso);
  if (at === null) return '';
  const clock = clockAt(at);
  const day = dayLabel(iso, nowIso);
  return /^[今明昨]/.test(day) ? `${day} ${clock}` : `${day}${clock}`;
}

/** Said on a service whose flow is not built yet: no state, no reminder. */
export const COMING_SOON = '即将上线';
