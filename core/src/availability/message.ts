import type { Schedule } from './schedule';
import { clockAt, dayOf, HOUR_MS, parseClock } from './shanghai-time';
import { dateLabel, WEEKDAY, waitLabel, whenLabel } from './vocabulary';

// The clock and day words live with the rest of the vocabulary, which the client shares.
export { dateLabel, waitLabel, whenLabel } from './vocabulary';

/**
 * Plain Simplified Chinese for a resident: always the clock time and how long to wait, because
 * "the service is not working at this time" and nothing more is what residents complained about.
 * Every function takes instants as epoch ms and renders them in Shanghai time.
 */

/** '今日' / '明天' / a date: the day part of "今日 22:00 截止". */
function dayWord(target: number, now: number): string {
  const days = dayOf(target) - dayOf(now);
  if (days <= 0) return '今日';
  if (days === 1) return '明天';
  return dateLabel(target, now);
}

/** '23:30–次日 00:30' */
function spanLabel(start: string, end: string): string {
  const crosses = end !== '24:00' && parseClock(end) <= parseClock(start);
  return `${start}–${crosses ? '次日 ' : ''}${end}`;
}

function windowsLabel(schedule: Schedule): string {
  if (schedule.windows.some((w) => 'allDay' in w || (w.start === '00:00' && (w.end === '24:00' || w.end === '00:00')))) {
    return '24 小时';
  }
  return schedule.windows.map((w) => ('allDay' in w ? '24 小时' : spanLabel(w.start, w.end))).join('、');
}

function daysLabel(days: Schedule['days'], short: boolean): string {
  if (days === 'everyday') return '每天';
  if (days === 'workdays') return short ? '工作日' : '法定工作日';
  const sorted = [...days.weekdays].sort((a, b) => a - b);
  const consecutive = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (sorted.length === 7) return '每天';
  if (consecutive && sorted.length >= 3) return `周${WEEKDAY[sorted[0]! - 1]}至周${WEEKDAY[sorted[sorted.length - 1]! - 1]}`;
  return sorted.map((d) => `周${WEEKDAY[d - 1]}`).join('、');
}

/** The daily gap a `pausedLabel` names, when the schedule has exactly one daily gap. */
export function dailyPause(schedule: Schedule): { start: string; end: string; label: string } | undefined {
  const [w, ...more] = schedule.windows;
  if (!schedule.pausedLabel || schedule.days !== 'everyday' || more.length > 0 || !w || 'allDay' in w) return undefined;
  if (w.start === '00:00' && (w.end === '24:00' || w.end === '00:00')) return undefined;
  return { start: w.end === '24:00' ? '00:00' : w.end, end: w.start, label: schedule.pausedLabel };
}

/** One short line for inside a message: '每天 06:00–22:00', '工作日 09:00–18:00'. */
export function hoursSummary(schedule: Schedule): string {
  return `${daysLabel(schedule.days, true)} ${windowsLabel(schedule)}`;
}

/** The weekly hours as plain lines, for a service's page. */
export function describeWeek(schedule: Schedule): string[] {
  let first = `${daysLabel(schedule.days, false)} ${windowsLabel(schedule)}`;
  if (schedule.days === 'workdays') first += '（含调休上班日，法定节假日休息）';
  else if (schedule.closedOnHolidays) first += '（法定节假日休息）';
  const lines = [first];
  const pause = dailyPause(schedule);
  if (pause) lines.push(`每天 ${spanLabel(pause.start, pause.end)} ${pause.label}暂停`);
  for (const m of schedule.dailyMaintenance) lines.push(`每天 ${spanLabel(m.start, m.end)} ${m.reason}暂停`);
  return lines;
}

/** What happens at the next close, so that an open service can say what is coming. */
export type NextClose = { kind: 'hours' } | { kind: 'maintenance'; reason: string; until?: number };

export type Situation =
  | { type: 'open'; name: string; now: number; closesAt?: number; next?: NextClose; allDay: boolean }
  | { type: 'closing_soon'; name: string; now: number; closesAt: number }
  | {
      type: 'closed_hours';
      name: string;
      now: number;
      opensAt?: number;
      weekend: boolean;
      pause?: { start: string; end: string; label: string };
      hours: string;
    }
  | { type: 'closed_holiday'; name: string; now: number; opensAt?: number; holiday: string }
  | { type: 'maintenance'; name: string; now: number; opensAt?: number; reason: string; daily?: { start: string; end: string }; notes?: string }
  | { type: 'down'; who: string; now: number; retryAt?: number };

function reopening(now: number, opensAt: number | undefined): string {
  if (opensAt === undefined) return '恢复时间另行通知';
  const when = whenLabel(opensAt, now);
  // A space sets a clock time apart from Chinese text ('将于 00:30'), not a word ('将于明天 06:00').
  return `将于${/^\d/.test(when) ? ' ' : ''}${when} 恢复（还有 ${waitLabel(now, opensAt)}）`;
}

export function composeMessage(s: Situation): string {
  switch (s.type) {
    case 'open': {
      if (s.closesAt === undefined) return `${s.name}全天可办理`;
      if (s.closesAt - s.now >= 24 * HOUR_MS || !s.next) return s.allDay ? `${s.name}全天可办理` : `${s.name}正常办理中`;
      const at = `${dayWord(s.closesAt, s.now)} ${clockAt(s.closesAt)}`;
      if (s.next.kind === 'maintenance') {
        const until = s.next.until !== undefined ? `–${whenLabel(s.next.until, s.closesAt)}` : ' 起';
        return `${s.name}正常办理中，${at}${until} ${s.next.reason}暂停`;
      }
      return `${s.name}正常办理中，${at} 截止`;
    }
    case 'closing_soon':
      return `${s.name}将于 ${clockAt(s.closesAt)} 暂停（还剩 ${waitLabel(s.now, s.closesAt)}），请尽快办理`;
    case 'closed_hours': {
      if (s.pause) return `${s.name}每日 ${spanLabel(s.pause.start, s.pause.end)} ${s.pause.label}暂停，${reopening(s.now, s.opensAt)}`;
      if (s.weekend) return `${s.name}周末休息（办理时间：${s.hours}），${reopening(s.now, s.opensAt)}`;
      return `${s.name}当前不在办理时间（${s.hours}），${reopening(s.now, s.opensAt)}`;
    }
    case 'closed_holiday':
      return `${s.name}${s.holiday}假期休息，${reopening(s.now, s.opensAt)}`;
    case 'maintenance':
      if (s.daily) return `${s.name}每日 ${spanLabel(s.daily.start, s.daily.end)} ${s.reason}，${reopening(s.now, s.opensAt)}`;
      // An operator's notice adds what still works and where else to go, in their words.
      return `${s.name}因${s.reason}暂停办理，${reopening(s.now, s.opensAt)}${s.notes ? `。${s.notes}` : ''}`;
    case 'down':
      // What we know, and nothing we do not: the health probe tries at least once a minute
      // (30 s), while when the department recovers is unknown — a clock time here would be a
      // guess that moves every minute.
      return `${s.who}系统暂时连不上，我们每分钟自动重试`;
  }
}

/** Said whenever a calendar-dependent answer had to assume Mon–Fri working days. */
export function unknownCalendarNote(years: number[]): string {
  return `（${years.join('、')} 年法定节假日安排尚未公布，暂按周一至周五上班、周末休息估算，请以实际安排为准）`;
}
