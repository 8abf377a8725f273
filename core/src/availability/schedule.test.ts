import services from '../catalogue/services.json';
import { SCHEDULES, scheduleFor, scheduledService } from './catalogue-schedules';
import { scheduleSchema } from './schedule';

const ok = { timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '06:00', end: '22:00' }], closedOnHolidays: false };

describe('scheduleSchema', () => {
  it('accepts a minimal schedule and fills in empty maintenance lists', () => {
    expect(scheduleSchema.parse(ok)).toMatchObject({ maintenance: [], dailyMaintenance: [] });
  });

  it.each([
    ['a clock time that is not HH:mm', { ...ok, windows: [{ start: '6:00', end: '22:00' }] }],
    ['a clock time past 24:00', { ...ok, windows: [{ start: '06:00', end: '24:30' }] }],
    ['a window starting at 24:00', { ...ok, windows: [{ start: '24:00', end: '06:00' }] }],
    ['no windows', { ...ok, windows: [] }],
    ['another time zone', { ...ok, timezone: 'UTC' }],
    ['weekday 0', { ...ok, days: { weekdays: [0, 1] } }],
    ['statutory working days open on holidays', { ...ok, days: 'workdays', closedOnHolidays: false }],
    ['a maintenance that ends before it starts', { ...ok, maintenance: [{ start: '2026-03-10T22:00:00+08:00', end: '2026-03-10T21:00:00+08:00', reason: '升级' }] }],
    ['a maintenance instant without an offset', { ...ok, maintenance: [{ start: '2026-03-10T21:00:00', end: '2026-03-10T22:00:00+08:00', reason: '升级' }] }],
    ['a misspelt field', { ...ok, closedOnHoliday: true }],
  ])('rejects %s', (_what, raw) => {
    expect(scheduleSchema.safeParse(raw).success).toBe(false);
  });
});

describe('catalogue schedules', () => {
  it('has a schedule for every service in services.json and for nothing else', () => {
    expect(Object.keys(SCHEDULES).sort()).toEqual(services.services.map((s) => s.id).sort());
  });

  it('encodes the published hours', () => {
    expect(scheduleFor('bills.electricity.pay')).toMatchObject({ days: 'everyday', windows: [{ start: '00:30', end: '23:30' }], pausedLabel: '系统结算' });
    expect(scheduleFor('bills.water.pay')?.windows).toEqual([{ start: '06:00', end: '22:00' }]);
    expect(scheduleFor('bills.gas.pay')?.windows).toEqual([{ start: '07:00', end: '21:00' }]);
    expect(scheduleFor('insurance.query')?.windows).toEqual([{ start: '06:00', end: '23:00' }]);
    expect(scheduleFor('traffic.pay')?.dailyMaintenance).toEqual([{ start: '02:00', end: '04:00', reason: '系统维护' }]);
    expect(scheduleFor('tickets.agent')).toMatchObject({ days: 'workdays', closedOnHolidays: true, windows: [{ start: '09:00', end: '18:00' }] });
    expect(scheduleFor('no.such.service')).toBeUndefined();
  });

  it('gives availability() the department’s name for "cannot be reached" messages', () => {
    expect(scheduledService('bills.electricity.pay')).toMatchObject({ name: '电费缴纳', departmentName: '国网市供电公司' });
  });
});
