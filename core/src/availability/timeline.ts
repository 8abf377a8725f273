import type { DayInfo, DayKind, HolidayCalendar } from './calendar';
import type { Schedule } from './schedule';
import { parseInstant } from '../time';
import { atMinute, dateOfDay, dayOf, isoWeekday, MINUTES_PER_DAY, parseClock, startOfDay } from './shanghai-time';

/**
 * A schedule unrolled onto real Shanghai days: which instants are within opening hours, which
 * are under maintenance, and where the next opening or closing really is. Open/closed only
 * changes at a few boundary instants a day (a window's start or end, a maintenance's start or
 * end), so searching those boundaries in order is minute-exact without stepping minute by minute.
 */

interface Span {
  start: number;
  end: number;
}
interface MinuteSpan {
  start: number;
  /** May exceed 1440: the window runs into the next day. */
  end: number;
}

export interface DayPlan {
  day: number;
  date: string;
  /** Kind after the fallback rule: an 'unknown' calendar day counts as Mon–Fri work, Sat/Sun weekend. */
  kind: Exclude<DayKind, 'unknown'>;
  /** The calendar could not say (year not covered) and the fallback rule was used. */
  unknown: boolean;
  name?: string;
  /** Any opening hours that day (days rule and holidays applied). */
  open: boolean;
}

/**
 * What an operator published for a service (a notice): a maintenance or an incident closes it for
 * [start, end) — an incident with no end until it is ended; a plain notice only informs.
 */
export interface NoticeWindow {
  id: string;
  kind: 'maintenance' | 'incident' | 'notice';
  start: number;
  /** Undefined: open-ended (an incident whose end nobody knows yet). */
  end?: number;
  reason: string;
  /** What still works meanwhile (GOV.UK: what happened to the resident's answers). */
  stillWorks?: string;
  /** Where else to go meanwhile, with hours. */
  alternative?: string;
}

/** A schedule that takes over from a Shanghai day on (an operator's new hours, with an effective date). */
export interface ScheduleVersion {
  fromDay: number;
  schedule: Schedule;
}

export interface MaintenanceHit {
  /** 'dated' from the schedule data; 'notice' an operator's published maintenance or incident. */
  kind: 'daily' | 'dated' | 'notice';
  start: number;
  end: number;
  reason: string;
  /** The clock times of a daily maintenance, for "每日 02:00–04:00 系统维护". */
  daily?: { start: string; end: string };
  notice?: NoticeWindow;
}

interface DatedSpan extends Span {
  reason: string;
  notice?: NoticeWindow;
}

/** Far enough for any real outage, bounded so a schedule that never reopens cannot loop forever. */
const OPENING_HORIZON_DAYS = 400;
/** A close more than a month away is not worth a "closes at" to anyone. */
const CLOSING_HORIZON_DAYS = 31;

const toMinuteSpan = (w: { start: string; end: string }): MinuteSpan => {
  const start = parseClock(w.start);
  let end = parseClock(w.end);
  if (end <= start) end += MINUTES_PER_DAY;
  return { start, end };
};

/**
 * Day plans shared by every Timeline of one schedule and calendar: a plan depends on nothing
 * else, and building one per service per call was most of the guard's and services.list's cost
 * (npm run bench). Keyed by object identity, so a schedule or calendar nobody holds is dropped.
 */
const SHARED_PLANS = new WeakMap<Schedule, WeakMap<HolidayCalendar, Map<number, DayPlan>>>();

function sharedPlans(schedule: Schedule, calendar: HolidayCalendar): Map<number, DayPlan> {
  let byCalendar = SHARED_PLANS.get(schedule);
  if (!byCalendar) SHARED_PLANS.set(schedule, (byCalendar = new WeakMap()));
  let plans = byCalendar.get(calendar);
  if (!plans) byCalendar.set(calendar, (plans = new Map()));
  return plans;
}

interface Compiled {
  windows: MinuteSpan[];
  daily: Array<MinuteSpan & { reason: string; clock: { start: string; end: string } }>;
  hoursReachNextDay: boolean;
  needsCalendar: boolean;
}

/** A schedule's windows as minute spans, once per schedule object. */
const COMPILED = new WeakMap<Schedule, Compiled>();
function compiled(schedule: Schedule): Compiled {
  let c = COMPILED.get(schedule);
  if (c) return c;
  const windows = schedule.windows.map((w) => ('allDay' in w ? { start: 0, end: MINUTES_PER_DAY } : toMinuteSpan(w)));
  c = {
    windows,
    daily: schedule.dailyMaintenance.map((m) => ({ ...toMinuteSpan(m), reason: m.reason, clock: { start: m.start, end: m.end } })),
    hoursReachNextDay: windows.some((w) => w.end >= MINUTES_PER_DAY),
    // Services open every day regardless of holidays never consult the calendar, so a year the
    // calendar does not cover cannot make their answer uncertain.
    needsCalendar: schedule.days === 'workdays' || schedule.closedOnHolidays,
  };
  COMPILED.set(schedule, c);
  return c;
}

/** What a timeline is made of: the catalogue's schedule, operators' later versions and their notices. */
export interface TimelineSource {
  schedule: Schedule;
  versions?: readonly ScheduleVersion[];
  notices?: readonly NoticeWindow[];
}

export class Timeline {
  /** The schedule of the source's first day; `scheduleOn` gives each day's. */
  readonly schedule: Schedule;
  private readonly versions: readonly ScheduleVersion[];
  private readonly dated: DatedSpan[];
  /** Whether the previous day's windows can reach into today (and need looking at). */
  private readonly hoursReachNextDay: boolean;
  /** Days whose calendar was unknown and that were consulted to reach the answer. */
  readonly unknownDays = new Set<number>();

  constructor(
    source: Schedule | TimelineSource,
    private readonly calendar: HolidayCalendar,
  ) {
    const src: TimelineSource = 'timezone' in source ? { schedule: source } : source;
    this.schedule = src.schedule;
    this.versions = src.versions ?? [];
    const spans: Array<{ schedule: Schedule; from: number; to: number }> = [];
    const all = [{ fromDay: -Infinity, schedule: src.schedule }, ...this.versions];
    all.forEach((v, i) => {
      const next = all[i + 1];
      spans.push({ schedule: v.schedule, from: v.fromDay === -Infinity ? -Infinity : startOfDay(v.fromDay), to: next ? startOfDay(next.fromDay) : Infinity });
    });
    // A schedule's own dated maintenance counts while that schedule is in force; an operator's
    // maintenance or incident notice closes the service whatever the schedule.
    const dated: DatedSpan[] = [];
    for (const sp of spans) {
      for (const m of sp.schedule.maintenance) {
        const start = Math.max(parseInstant(m.start)!.getTime(), sp.from);
        const end = Math.min(parseInstant(m.end)!.getTime(), sp.to);
        if (end > start) dated.push({ start, end, reason: m.reason });
      }
    }
    for (const n of src.notices ?? []) {
      if (n.kind === 'notice') continue;
      const end = n.end ?? Infinity;
      if (end > n.start) dated.push({ start: n.start, end, reason: n.reason, notice: n });
    }
    this.dated = dated.sort((a, b) => a.start - b.start);
    this.hoursReachNextDay = all.some((v) => compiled(v.schedule).hoursReachNextDay);
  }

  /** The schedule in force on a Shanghai day. */
  scheduleOn(day: number): Schedule {
    let s = this.schedule;
    for (const v of this.versions) {
      if (v.fromDay > day) break;
      s = v.schedule;
    }
    return s;
  }

  /** Open around the clock on that day: every day, no holidays, one window of 24 hours. */
  allDayOn(day: number): boolean {
    const s = this.scheduleOn(day);
    return s.days === 'everyday' && !s.closedOnHolidays && compiled(s).windows.some((w) => w.end - w.start >= MINUTES_PER_DAY);
  }

  get allDay(): boolean {
    return this.versions.length === 0 && this.allDayOn(0);
  }

  plan(day: number): DayPlan {
    const schedule = this.scheduleOn(day);
    const plans = sharedPlans(schedule, this.calendar);
    const hit = plans.get(day);
    if (hit) {
      // The note about an uncovered year is per answer: only days this answer consulted count.
      if (hit.unknown) this.unknownDays.add(day);
      return hit;
    }
    const needsCalendar = compiled(schedule).needsCalendar;
    const weekday = isoWeekday(day);
    const date = dateOfDay(day);
    const info: DayInfo = needsCalendar ? this.calendar.dayInfo(date) : { kind: 'unknown' };
    const unknown = needsCalendar && info.kind === 'unknown';
    if (unknown) this.unknownDays.add(day);
    const kind: DayPlan['kind'] = info.kind === 'unknown' ? (weekday >= 6 ? 'weekend' : 'workday') : info.kind;
    const days = schedule.days;
    const byDays =
      days === 'everyday' ? true : days === 'workdays' ? kind === 'workday' || kind === 'makeup_workday' : days.weekdays.includes(weekday);
    const open = byDays && !(schedule.closedOnHolidays && kind === 'holiday');
    const plan: DayPlan = { day, date, kind, unknown, name: info.name, open };
    plans.set(day, plan);
    return plan;
  }

  /** Opening-hours spans that start on `day` (before maintenance is taken out). */
  hoursOf(day: number): Span[] {
    if (!this.plan(day).open) return [];
    return compiled(this.scheduleOn(day)).windows.map((w) => ({ start: atMinute(day, w.start), end: atMinute(day, w.end) }));
  }

  private dailyMaintenanceOf(day: number): Array<Span & { reason: string; clock: { start: string; end: string } }> {
    return compiled(this.scheduleOn(day)).daily.map((m) => ({ start: atMinute(day, m.start), end: atMinute(day, m.end), reason: m.reason, clock: m.clock }));
  }

  private hoursAround(t: number): Span[] {
    const day = dayOf(t);
    const spans = this.hoursOf(day);
    if (this.hoursReachNextDay) spans.push(...this.hoursOf(day - 1));
    return spans;
  }

  inHours(t: number): boolean {
    return this.hoursAround(t).some((s) => s.start <= t && t < s.end);
  }

  /** The maintenance covering `t`, the announced (dated) one first: it carries the specific reason. */
  maintenanceAt(t: number): MaintenanceHit | undefined {
    const dated = this.dated.find((m) => m.start <= t && t < m.end);
    if (dated) return { kind: dated.notice ? 'notice' : 'dated', start: dated.start, end: dated.end, reason: dated.reason, ...(dated.notice && { notice: dated.notice }) };
    const day = dayOf(t);
    const daily = [...this.dailyMaintenanceOf(day), ...this.dailyMaintenanceOf(day - 1)].find((m) => m.start <= t && t < m.end);
    return daily && { kind: 'daily', start: daily.start, end: daily.end, reason: daily.reason, daily: daily.clock };
  }

  isOpen(t: number): boolean {
    return this.inHours(t) && !this.maintenanceAt(t);
  }

  /** The first instant after `t` at which the service is open. */
  nextOpening(t: number, horizonDays = OPENING_HORIZON_DAYS): number | undefined {
    return this.search(t, horizonDays, 'opening');
  }

  /** The first instant after `t` at which the service is no longer open. */
  nextClosing(t: number, horizonDays = CLOSING_HORIZON_DAYS): number | undefined {
    return this.search(t, horizonDays, 'closing');
  }

  /** Dated maintenance overlapping [from, to). */
  datedMaintenanceBetween(from: number, to: number): DatedSpan[] {
    return this.dated.filter((m) => m.start < to && m.end > from);
  }

  /**
   * The first instant after `t` at which anything this timeline answers can change: a boundary of
   * `t`'s day (a window or maintenance starting or ending) or the next Shanghai midnight, where
   * the day's plan, "today" and "tomorrow" change. Between `t` and it, inHours, maintenanceAt,
   * nextOpening and nextClosing all answer as they do at `t`.
   */
  nextChange(t: number): number {
    const day = dayOf(t);
    let next = startOfDay(day + 1);
    for (const which of ['opening', 'closing'] as const) {
      for (const c of this.boundaries(day, which)) if (c > t && c < next) next = c;
    }
    return next;
  }

  private boundaries(day: number, which: 'opening' | 'closing'): number[] {
    const out: number[] = [];
    // A window or daily maintenance lasts at most 24 h, so whatever falls on `day` was generated
    // by `day` itself or by `day - 1`.
    const hours = this.hoursReachNextDay ? [...this.hoursOf(day - 1), ...this.hoursOf(day)] : this.hoursOf(day);
    for (const s of hours) out.push(which === 'opening' ? s.start : s.end);
    for (const m of [...this.dailyMaintenanceOf(day - 1), ...this.dailyMaintenanceOf(day)]) out.push(which === 'opening' ? m.end : m.start);
    for (const m of this.dated) out.push(which === 'opening' ? m.end : m.start);
    const lo = startOfDay(day);
    const hi = startOfDay(day + 1);
    return out.filter((x) => x >= lo && x < hi).sort((a, b) => a - b);
  }

  private search(t: number, horizonDays: number, which: 'opening' | 'closing'): number | undefined {
    const first = dayOf(t);
    for (let day = first; day <= first + horizonDays; day++) {
      for (const c of this.boundaries(day, which)) {
        if (c <= t) continue;
        if (this.isOpen(c) === (which === 'opening')) return c;
      }
    }
    return undefined;
  }
}
