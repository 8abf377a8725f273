import fc from 'fast-check';
import { CATALOGUE } from '../catalogue';
import { chineseDaysCalendar } from './calendar';
import { scheduledService } from './catalogue-schedules';
import { availability, type DepartmentHealth, type ScheduledService } from './engine';
import { parseSchedule } from './schedule';

// availability() keeps each service's last verdict until its next boundary. A service object
// with a new identity has no verdict yet: its answer is the engine's answer computed afresh.
const calendar = chineseDaysCalendar();
const up: DepartmentHealth = { state: 'up' };

function service(id: string): ScheduledService {
  const s = scheduledService(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

const fresh = (s: ScheduledService, t: number, health: DepartmentHealth = up) => availability({ ...s }, new Date(t), calendar, health);
const cached = (s: ScheduledService, t: number, health: DepartmentHealth = up) => availability(s, new Date(t), calendar, health);
const ms = (iso: string) => new Date(iso).getTime();

describe('each service answer kept until its next boundary', () => {
  it('is the same service object for the same id, so the hub and the guard share its verdict', () => {
    expect(scheduledService('bills.electricity.pay')).toBe(scheduledService('bills.electricity.pay'));
    expect(scheduledService('no.such.service')).toBeUndefined();
    expect(scheduledService('__proto__')).toBeUndefined();
  });

  it('turns closing soon exactly 15 minutes before the close, having answered open a millisecond before', () => {
    const s = service('bills.electricity.pay');
    const before = cached(s, ms('2026-03-10T23:00:00+08:00'));
    expect(before.state).toBe('open');
    expect(cached(s, ms('2026-03-10T23:14:59.999+08:00')).state).toBe('open');
    const at = cached(s, ms('2026-03-10T23:15:00+08:00'));
    expect(at).toEqual(fresh(s, ms('2026-03-10T23:15:00+08:00')));
    expect(at.state).toBe('closing_soon');
  });

  it('closes exactly at the close and reopens exactly at the reopening, with the minutes counted at every call', () => {
    const s = service('bills.electricity.pay');
    expect(cached(s, ms('2026-03-10T23:29:59.999+08:00')).state).toBe('closing_soon');
    const closed = cached(s, ms('2026-03-10T23:30:00+08:00'));
    expect(closed).toMatchObject({ state: 'closed', opensAt: '2026-03-11T00:30:00+08:00' });
    expect(closed.message).toContain('还有 1 小时');
    // Same verdict, later instant: the wait is counted again, `now` is the call's.
    const later = cached(s, ms('2026-03-11T00:10:00+08:00'));
    expect(later).toEqual(fresh(s, ms('2026-03-11T00:10:00+08:00')));
    expect(later.message).toContain('还有 20 分钟');
    expect(later.now).toBe('2026-03-11T00:10:00+08:00');
    expect(cached(s, ms('2026-03-11T00:29:59.999+08:00')).state).toBe('closed');
    expect(cached(s, ms('2026-03-11T00:30:00+08:00'))).toMatchObject({ state: 'open', closesAt: '2026-03-11T23:30:00+08:00' });
  });

  it('answers a department health change at once, both ways, within one verdict interval', () => {
    const s = service('bills.electricity.query');
    const t = ms('2026-03-10T12:00:00+08:00');
    expect(cached(s, t).state).toBe('open');
    const down = cached(s, t + 1000, { state: 'down', retryAt: new Date(t + 60_000) });
    expect(down).toMatchObject({ state: 'down', reason: 'department_unreachable', opensAt: '2026-03-10T12:01:00+08:00' });
    // A new retry time is a new health: the answer moves with it.
    expect(cached(s, t + 2000, { state: 'down', retryAt: new Date(t + 120_000) }).opensAt).toBe('2026-03-10T12:02:00+08:00');
    expect(cached(s, t + 3000, up).state).toBe('open');
  });

  it('stops promising a retry time once it has passed', () => {
    const s = service('bills.water.pay');
    const t = ms('2026-03-10T12:00:00+08:00');
    const health: DepartmentHealth = { state: 'down', retryAt: new Date(t + 30_000) };
    expect(cached(s, t, health).opensAt).toBe('2026-03-10T12:00:30+08:00');
    expect(cached(s, t + 29_999, health).opensAt).toBe('2026-03-10T12:00:30+08:00');
    const after = cached(s, t + 30_000, health);
    expect(after.state).toBe('down');
    expect(after.opensAt).toBeUndefined();
    expect(after).toEqual(fresh(s, t + 30_000, health));
  });

  it('moves to the next day at Shanghai midnight (Friday evening becomes the weekend), not at UTC midnight', () => {
    const s = service('tickets.agent');
    const friday = cached(s, ms('2026-03-13T23:59:59.999+08:00'));
    expect(friday).toEqual(fresh(s, ms('2026-03-13T23:59:59.999+08:00')));
    expect(friday.message).not.toContain('周末');
    // 2026-03-14T00:00+08:00 is 16:00 UTC on Friday: a UTC day would still say Friday.
    const saturday = cached(s, ms('2026-03-14T00:00:00+08:00'));
    expect(saturday).toEqual(fresh(s, ms('2026-03-14T00:00:00+08:00')));
    expect(saturday.message).toContain('周末休息');
  });

  it('starts and ends an announced maintenance exactly on time', () => {
    const s: ScheduledService = {
      id: 'test.upgrade',
      name: '测试服务',
      schedule: parseSchedule({
        timezone: 'Asia/Shanghai',
        days: 'everyday',
        windows: [{ allDay: true }],
        closedOnHolidays: false,
        maintenance: [{ start: '2026-03-11T21:00:00+08:00', end: '2026-03-11T23:00:00+08:00', reason: '系统升级' }],
      }),
    };
    expect(cached(s, ms('2026-03-11T20:44:59.999+08:00')).state).toBe('open');
    expect(cached(s, ms('2026-03-11T20:45:00+08:00')).state).toBe('closing_soon');
    expect(cached(s, ms('2026-03-11T20:59:59.999+08:00')).state).toBe('closing_soon');
    expect(cached(s, ms('2026-03-11T21:00:00+08:00'))).toMatchObject({ state: 'maintenance', opensAt: '2026-03-11T23:00:00+08:00' });
    expect(cached(s, ms('2026-03-11T22:59:59.999+08:00')).state).toBe('maintenance');
    expect(cached(s, ms('2026-03-11T23:00:00+08:00')).state).toBe('open');
  });

  it('answers every catalogue service at any sequence of instants and healths exactly as the engine does afresh', () => {
    const ids = CATALOGUE.services.map((s) => s.id);
    // Instants near the boundaries that matter: whole minutes around the clock, ±1 ms, over 2025–2027
    // (2027 is a year the calendar does not cover yet).
    const instant = fc
      .tuple(fc.integer({ min: ms('2025-12-25T00:00:00+08:00'), max: ms('2027-01-10T00:00:00+08:00') }), fc.constantFrom(-1, 0, 1))
      .map(([t, d]) => Math.floor(t / 60_000) * 60_000 + d);
    // A department down with a retry time somewhere in the next hour of the step's first instant.
    const health = fc.oneof(
      fc.constant((_t: number): DepartmentHealth => up),
      fc.constant((_t: number): DepartmentHealth => ({ state: 'down' })),
      fc.integer({ min: 0, max: 3_600_000 }).map((d) => (t: number): DepartmentHealth => ({ state: 'down', retryAt: new Date(t + d) })),
    );
    const step = fc.tuple(instant, fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { minLength: 1, maxLength: 8 }), health);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.array(step, { minLength: 1, maxLength: 6 }), (id, steps) => {
        const s = service(id);
        for (const [start, moves, healthAt] of steps) {
          const h = healthAt(start);
          // Each step: one instant, then the clock moving on, as a resident's calls come in.
          let t = start;
          for (const move of [0, ...moves]) {
            t += move;
            expect(cached(s, t, h)).toEqual(fresh(s, t, h));
          }
        }
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
