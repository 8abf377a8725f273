import type { Availability, AvailabilityNotice } from '../availability-types';
import type { HolidayCalendar } from './calendar';
import type { Schedule } from './schedule';
import { composeMessage, dailyPause, dateLabel, hoursSummary, unknownCalendarNote, whenLabel, type NextClose, type Situation } from './message';
import { dayOf, DAY_MS, isoAt, MINUTE_MS, startOfDay, yearOfDay } from './shanghai-time';
import { type NoticeWindow, type ScheduleVersion, Timeline } from './timeline';

export type { NoticeWindow, ScheduleVersion } from './timeline';

export { describeWeek } from './message';

/** What the department's health probe last said; `retryAt` is when we will try it again. */
export type DepartmentHealth = { state: 'up' } | { state: 'down'; retryAt?: Date; cause?: string };

export interface ScheduledService {
  id: string;
  /** The resident-facing name, e.g. '电费缴纳'. */
  name: string;
  schedule: Schedule;
  /** Who is unreachable when the department is down, e.g. '国网市供电公司'; defaults to the service name. */
  departmentName?: string;
  /** Operators' later schedules, each in force from its day on (ascending); before the first, `schedule`. */
  versions?: readonly ScheduleVersion[];
  /** Operators' notices: maintenance and incidents close the service for their window; the rest inform. */
  notices?: readonly NoticeWindow[];
}

const timeline = (service: ScheduledService, calendar: HolidayCalendar) =>
  new Timeline(service.versions || service.notices ? { schedule: service.schedule, versions: service.versions, notices: service.notices } : service.schedule, calendar);

/** A notice as availability carries it to the tile, the sheet and the page. */
export function noticeView(n: NoticeWindow): AvailabilityNotice {
  return {
    noticeId: n.id,
    kind: n.kind,
    reason: n.reason,
    startsAt: isoAt(n.start),
    ...(n.end !== undefined && { endsAt: isoAt(n.end) }),
    ...(n.stillWorks && { stillWorks: n.stillWorks }),
    ...(n.alternative && { alternative: n.alternative }),
  };
}

/** What a notice tells a resident beyond the closure itself: what still works, and where else to go. */
function noticeNotes(n: NoticeWindow | undefined): string {
  if (!n) return '';
  const sentence = (x: string | undefined) => (x ? (/[。！？.!?]$/.test(x) ? x : `${x}。`) : '');
  return sentence(n.stillWorks) + sentence(n.alternative);
}

/** Residents are warned this long before a close so that they do not start what they cannot finish. */
export const CLOSING_SOON_MS = 15 * MINUTE_MS;

function holidayCausing(tl: Timeline, now: number, opensAt: number | undefined): string | undefined {
  // A closure is the holiday's doing when a holiday lies between now and the reopening: on the
  // make-up Saturday evening before the Spring Festival, the wait is the festival, not the evening.
  const last = opensAt === undefined ? dayOf(now) : dayOf(opensAt) - 1;
  for (let d = dayOf(now); d <= last; d++) {
    if (!tl.scheduleOn(d).closedOnHolidays) continue;
    const p = tl.plan(d);
    if (p.kind === 'holiday') return p.name ?? '法定节';
  }
  return undefined;
}

function nextCloseKind(tl: Timeline, closesAt: number): NextClose {
  const m = tl.maintenanceAt(closesAt);
  if (!m) return { kind: 'hours' };
  return { kind: 'maintenance', reason: m.reason, until: tl.nextOpening(closesAt) };
}

function withUnknownNote(message: string, tl: Timeline): string {
  if (tl.unknownDays.size === 0) return message;
  const years = [...new Set([...tl.unknownDays].map(yearOfDay))].sort((a, b) => a - b);
  return message + unknownCalendarNote(years);
}

/**
 * What a service's schedule and its department's health decide at an instant, apart from the
 * words that depend on the instant itself (how long to wait, today or tomorrow): constant from
 * `from` until `until`, the next instant at which anything here can change.
 */
interface Verdict {
  from: number;
  until: number;
  health: string;
  result: Omit<Availability, 'message' | 'serviceId' | 'now'>;
  situation: DistributiveOmit<Situation, 'now'>;
  unknownNote: string;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const healthKey = (h: DepartmentHealth): string => (h.state === 'up' ? 'up' : `down:${h.retryAt?.getTime() ?? ''}`);

/** The operator's informational notice in force at `t` (closing ones are maintenance hits), and when that changes. */
function noticeAt(service: ScheduledService, t: number): { notice?: NoticeWindow; next: number } {
  let notice: NoticeWindow | undefined;
  let next = Infinity;
  for (const n of service.notices ?? []) {
    const end = n.end ?? Infinity;
    if (n.start > t) next = Math.min(next, n.start);
    else if (t < end) {
      next = Math.min(next, end);
      if (n.kind === 'notice' && !notice) notice = n;
    }
  }
  return { notice, next };
}

function decide(service: ScheduledService, t: number, calendar: HolidayCalendar, health: DepartmentHealth): Verdict {
  const tl = timeline(service, calendar);
  const name = service.name;
  const schedule = tl.scheduleOn(dayOf(t));
  let situation: Verdict['situation'];
  let result: Verdict['result'];
  let until = tl.nextChange(t);
  const informing = service.notices ? noticeAt(service, t) : undefined;
  if (informing) until = Math.min(until, informing.next);

  const maintenance = tl.maintenanceAt(t);
  if (maintenance) {
    const opensAt = tl.nextOpening(t);
    const n = maintenance.notice;
    situation = { type: 'maintenance', name, opensAt, reason: maintenance.reason, daily: maintenance.daily, notes: noticeNotes(n) || undefined };
    // An operator's incident: the service does not work, and nobody may promise when it will.
    const incident = n?.kind === 'incident';
    result = {
      state: incident ? 'down' : 'maintenance',
      reason: incident ? 'incident' : 'maintenance',
      ...(opensAt !== undefined && { opensAt: isoAt(opensAt) }),
      ...(n && { notice: noticeView(n) }),
    };
  } else if (!tl.inHours(t)) {
    const opensAt = tl.nextOpening(t);
    const holiday = holidayCausing(tl, t, opensAt);
    const today = tl.plan(dayOf(t));
    if (holiday) {
      situation = { type: 'closed_holiday', name, opensAt, holiday };
    } else {
      situation = {
        type: 'closed_hours',
        name,
        opensAt,
        weekend: !today.open && today.kind === 'weekend',
        pause: dailyPause(schedule),
        hours: hoursSummary(schedule),
      };
    }
    result = { state: 'closed', reason: holiday ? 'holiday' : 'hours', ...(opensAt !== undefined && { opensAt: isoAt(opensAt) }) };
  } else if (health.state === 'down') {
    const retryAt = health.retryAt && health.retryAt.getTime() > t ? health.retryAt.getTime() : undefined;
    // Once the retry time has passed it is no longer promised.
    if (retryAt !== undefined) until = Math.min(until, retryAt);
    situation = { type: 'down', who: service.departmentName ?? name, retryAt };
    result = { state: 'down', reason: 'department_unreachable', ...(retryAt !== undefined && { opensAt: isoAt(retryAt) }) };
  } else {
    const closesAt = tl.nextClosing(t);
    if (closesAt !== undefined && closesAt - t <= CLOSING_SOON_MS) {
      situation = { type: 'closing_soon', name, closesAt };
      result = { state: 'closing_soon', closesAt: isoAt(closesAt) };
    } else {
      // Open turns into closing soon a quarter of an hour before the close.
      if (closesAt !== undefined) until = Math.min(until, closesAt - CLOSING_SOON_MS);
      const next = closesAt !== undefined ? nextCloseKind(tl, closesAt) : undefined;
      situation = { type: 'open', name, closesAt, next, allDay: tl.allDayOn(dayOf(t)) };
      result = { state: 'open', ...(closesAt !== undefined && { closesAt: isoAt(closesAt) }) };
    }
  }
  if (informing?.notice && !result.notice) result = { ...result, notice: noticeView(informing.notice) };
  return { from: t, until, health: healthKey(health), result, situation, unknownNote: withUnknownNote('', tl) };
}

/**
 * Each service's last verdict, per calendar. The hub asks for every service on every open, and
 * the guard for one on every action: between two boundaries the verdict is the same, so only
 * the words that count minutes are made again. Keyed by object identity (services are indexed
 * by id, see scheduledService), so a service nobody holds is dropped.
 */
const VERDICTS = new WeakMap<ScheduledService, WeakMap<HolidayCalendar, Verdict>>();

function verdict(service: ScheduledService, t: number, calendar: HolidayCalendar, health: DepartmentHealth): Verdict {
  let byCalendar = VERDICTS.get(service);
  if (!byCalendar) VERDICTS.set(service, (byCalendar = new WeakMap()));
  const last = byCalendar.get(calendar);
  if (last && last.from <= t && t < last.until && last.health === healthKey(health)) return last;
  const fresh = decide(service, t, calendar, health);
  byCalendar.set(calendar, fresh);
  return fresh;
}

let lastNow = NaN;
let lastNowIso = '';
/** Every service of one services.list is answered at the same instant. */
function nowIso(t: number): string {
  if (t !== lastNow) {
    lastNowIso = isoAt(t);
    lastNow = t;
  }
  return lastNowIso;
}

/**
 * Whether a service can be used at `now`, why not, and exactly when that changes.
 *
 * The schedule is decided before department health: while a service is closed or in maintenance
 * anyway, the schedule's reopening time is the useful answer, and a department being down only
 * matters when the schedule would let the resident in.
 */
export function availability(service: ScheduledService, now: Date, calendar: HolidayCalendar, health: DepartmentHealth): Availability {
  const t = now.getTime();
  const v = verdict(service, t, calendar, health);
  const message = composeMessage({ ...v.situation, now: t } as Situation) + v.unknownNote;
  return { serviceId: service.id, now: nowIso(t), ...v.result, message };
}

/**
 * Whether a closure that upcomingClosures() lists can start on `day`: the first day of a holiday
 * the service closes for, or an announced maintenance starting that day. The hub lists a later
 * closure only when one starts today, and most days none can: no need to list them all.
 */
export function closureMayStartOn(service: ScheduledService, day: number, calendar: HolidayCalendar): boolean {
  const last = MAY_CLOSE.get(service);
  if (last && last.day === day && last.calendar === calendar) return last.may;
  const tl = timeline(service, calendar);
  const may =
    (tl.scheduleOn(day).closedOnHolidays && tl.plan(day).kind === 'holiday' && tl.plan(day - 1).kind !== 'holiday') ||
    tl.datedMaintenanceBetween(startOfDay(day), startOfDay(day + 1)).some((m) => dayOf(m.start) === day);
  MAY_CLOSE.set(service, { day, calendar, may });
  return may;
}
const MAY_CLOSE = new WeakMap<ScheduledService, { day: number; calendar: HolidayCalendar; may: boolean }>();

export interface UpcomingClosure {
  /** 'calendar_unknown': the holidays of these days are not published yet, so none could be listed. */
  kind: 'holiday' | 'maintenance' | 'calendar_unknown';
  /** In Chinese: '春节', '系统升级'. */
  reason: string;
  startsAt: string;
  endsAt: string;
  /** When the service really reopens afterwards (its first opening at or after `endsAt`). */
  opensAt?: string;
  message: string;
  /** The operator's notice behind a maintenance (what still works, where else to go). */
  notice?: AvailabilityNotice;
}

/**
 * The holidays and announced maintenance that close a service in the next `days` days — the
 * exceptions a resident should plan around, not the ordinary nightly close (see describeWeek).
 */
export function upcomingClosures(service: ScheduledService, from: Date, days: number, calendar: HolidayCalendar): UpcomingClosure[] {
  const t = from.getTime();
  const end = t + days * DAY_MS;
  const tl = timeline(service, calendar);
  const out: Array<UpcomingClosure & { at: number }> = [];
  const reopen = (after: number) => tl.nextOpening(after - 1);
  const firstDay = dayOf(t);
  const lastDay = dayOf(end - 1);
  const holidayClosed = (d: number) => tl.scheduleOn(d).closedOnHolidays && tl.plan(d).kind === 'holiday';

  if ([...Array(lastDay - firstDay + 1).keys()].some((i) => tl.scheduleOn(firstDay + i).closedOnHolidays)) {
    let d = firstDay;
    while (d <= lastDay) {
      if (!holidayClosed(d)) {
        d++;
        continue;
      }
      // Report the whole holiday even when `from` falls in the middle of it.
      let a = d;
      while (holidayClosed(a - 1)) a--;
      let b = d;
      while (holidayClosed(b + 1)) b++;
      const reason = rangeNames(tl, a, b).join('、') || '法定节';
      const startsAt = startOfDay(a);
      const endsAt = startOfDay(b + 1);
      const opensAt = reopen(endsAt);
      out.push({
        at: startsAt,
        kind: 'holiday',
        reason,
        startsAt: isoAt(startsAt),
        endsAt: isoAt(endsAt),
        ...(opensAt !== undefined && { opensAt: isoAt(opensAt) }),
        message: `${reason}假期 ${dateLabel(startsAt, t)}至${dateLabel(endsAt - 1, t)}休息${opensAt !== undefined ? `，${whenLabel(opensAt, t)} 恢复` : ''}`,
      });
      d = b + 1;
    }
    const unknown = [...Array(lastDay - firstDay + 1).keys()].map((i) => firstDay + i).filter((x) => tl.scheduleOn(x).closedOnHolidays && tl.plan(x).unknown);
    if (unknown.length > 0) {
      const startsAt = startOfDay(unknown[0]!);
      const endsAt = startOfDay(unknown[unknown.length - 1]! + 1);
      const year = yearOfDay(unknown[0]!);
      out.push({
        at: startsAt,
        kind: 'calendar_unknown',
        reason: `${year} 年节假日安排未公布`,
        startsAt: isoAt(startsAt),
        endsAt: isoAt(endsAt),
        message: `${year} 年法定节假日安排尚未公布，${dateLabel(startsAt, t)}起暂按周一至周五上班估算`,
      });
    }
  }

  for (const m of tl.datedMaintenanceBetween(t, end)) {
    // An incident nobody can give an end for is news of now (the status page's), not a plan.
    if (!Number.isFinite(m.end)) continue;
    const opensAt = reopen(m.end);
    out.push({
      at: m.start,
      kind: 'maintenance',
      reason: m.reason,
      startsAt: isoAt(m.start),
      endsAt: isoAt(m.end),
      ...(opensAt !== undefined && { opensAt: isoAt(opensAt) }),
      message: `${whenLabel(m.start, t)} 至 ${whenLabel(m.end, m.start)} ${m.reason}，暂停办理`,
      ...(m.notice && { notice: noticeView(m.notice) }),
    });
  }
  return out.sort((x, y) => x.at - y.at).map(({ at: _at, ...c }) => c);
}

function rangeNames(tl: Timeline, a: number, b: number): string[] {
  const names: string[] = [];
  for (let d = a; d <= b; d++) {
    const n = tl.plan(d).name;
    if (n && !names.includes(n)) names.push(n);
  }
  return names;
}
