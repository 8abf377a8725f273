/**
 * Run as a child process by host-zone.test.ts with TZ set to different zones. It prints, as JSON,
 * everything the availability engine and the calendar adapter answer for a fixed set of instants,
 * so that the test can require identical answers whatever zone the host runs in.
 */
import { getDayDetail } from 'chinese-days';
import { SCHEDULES, scheduledService } from '../catalogue-schedules';
import { chineseDaysCalendar } from '../calendar';
import { availability, upcomingClosures, type DepartmentHealth } from '../engine';
import { dateOfDay, dayOfDate } from '../shanghai-time';
import { nextDeadline } from '../../flows/tickets/deadlines';
import { TICKET_KINDS } from '../../flows/tickets/rules';

const calendar = chineseDaysCalendar();

// Instants around every boundary that matters: midnight, the nightly settlement, the traffic
// maintenance, working hours, a holiday week, make-up days, a weekend, and the uncovered 2027.
const days = ['2026-02-13', '2026-02-14', '2026-02-21', '2026-02-24', '2026-03-07', '2026-03-10', '2026-09-30', '2026-10-01', '2026-10-10', '2026-12-31', '2027-01-01', '2027-01-04'];
const clocks = ['00:00', '00:10', '00:30', '02:30', '05:59', '06:00', '08:50', '09:00', '12:00', '17:50', '18:00', '21:50', '22:00', '23:20', '23:45', '23:59'];
const instants = days.flatMap((d) => clocks.map((c) => `${d}T${c}:00+08:00`));

const healths: DepartmentHealth[] = [{ state: 'up' }, { state: 'down', retryAt: new Date('2026-03-10T12:05:00+08:00') }];

const answers = Object.keys(SCHEDULES).flatMap((id) => {
  const service = scheduledService(id)!;
  return instants.flatMap((iso) => healths.map((h) => availability(service, new Date(iso), calendar, h)));
});

const closures = Object.keys(SCHEDULES).map((id) => upcomingClosures(scheduledService(id)!, new Date('2026-02-10T08:00:00+08:00'), 7, calendar));

// 12345 deadlines in working time from the same instants: each kind, accept and answer, and urgent.
const deadlines = instants.flatMap((iso) =>
  TICKET_KINDS.flatMap((kind) =>
    (['submitted', 'accepted'] as const).map((status) => nextDeadline({ kind, urgent: false, status, filedAt: new Date(iso) }, calendar)?.at.toISOString()),
  ),
);

const calendarDays: Record<string, string> = {};
// How often the package's own API, given the same date strings, disagrees with our adapter in this
// zone: shows that the zone really changed and why the adapter reads the package's data tables.
let packageApiDisagreements = 0;
for (let d = dayOfDate('2025-01-01'); d <= dayOfDate('2027-12-31'); d++) {
  const date = dateOfDay(d);
  const info = calendar.dayInfo(date);
  calendarDays[date] = info.kind + (info.name ? `:${info.name}` : '');
  if (info.kind !== 'unknown') {
    const detail = getDayDetail(date);
    const ours = info.kind === 'workday' || info.kind === 'makeup_workday';
    if (detail.work !== ours || detail.date !== date) packageApiDisagreements++;
  }
}

process.stdout.write(
  JSON.stringify({
    host: { tz: process.env.TZ, offsetMinutes: new Date('2026-07-01T12:00:00Z').getTimezoneOffset() },
    packageApiDisagreements,
    result: { answers, closures, calendarDays, deadlines },
  }),
);
