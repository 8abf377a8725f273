import { chineseDaysCalendar } from './calendar';
import { scheduledService } from './catalogue-schedules';
import { availability, closureMayStartOn, upcomingClosures, type DepartmentHealth } from './engine';
import { withOverrides } from './overrides';
import { parseSchedule } from './schedule';
import { dayOf } from './shanghai-time';
import type { NoticeWindow } from './timeline';
import { closureKind, changeLabel, stateLabel } from './vocabulary';

const calendar = chineseDaysCalendar();
const up: DepartmentHealth = { state: 'up' };
const ms = (iso: string) => new Date(iso).getTime();
const query = scheduledService('bills.electricity.query')!;
const pay = scheduledService('bills.electricity.pay')!;

const maintenance: NoticeWindow = {
  id: 'n-1',
  kind: 'maintenance',
  start: ms('2026-03-11T01:00:00+08:00'),
  end: ms('2026-03-11T03:00:00+08:00'),
  reason: '电费系统升级',
  stillWorks: '已缴的电费和账单不受影响',
  alternative: '急需缴费可拨打 95598',
};

describe('an operator’s maintenance notice', () => {
  const s = withOverrides(query, { notices: [maintenance] });

  it('closes an all-day service for exactly its window, with the operator’s reason, what still works and the alternative', () => {
    expect(availability(s, new Date('2026-03-11T00:59:59+08:00'), calendar, up).state).toBe('closing_soon');
    const a = availability(s, new Date('2026-03-11T02:00:00+08:00'), calendar, up);
    expect(a).toMatchObject({ state: 'maintenance', reason: 'maintenance', opensAt: '2026-03-11T03:00:00+08:00' });
    expect(a.message).toBe('电费查询因电费系统升级暂停办理，将于 03:00 恢复（还有 1 小时）。已缴的电费和账单不受影响。急需缴费可拨打 95598。');
    expect(a.notice).toEqual({
      noticeId: 'n-1',
      kind: 'maintenance',
      reason: '电费系统升级',
      startsAt: '2026-03-11T01:00:00+08:00',
      endsAt: '2026-03-11T03:00:00+08:00',
      stillWorks: '已缴的电费和账单不受影响',
      alternative: '急需缴费可拨打 95598',
    });
    expect(availability(s, new Date('2026-03-11T03:00:00+08:00'), calendar, up)).toMatchObject({ state: 'open' });
    expect(availability(s, new Date('2026-03-11T03:00:00+08:00'), calendar, up).notice).toBeUndefined();
  });

  it('is told ahead: the day before says when it stops, and the 7-day outlook lists it with the notice', () => {
    const noon = new Date('2026-03-10T12:00:00+08:00');
    const a = availability(s, noon, calendar, up);
    expect(a).toMatchObject({ state: 'open', closesAt: '2026-03-11T01:00:00+08:00' });
    expect(a.message).toBe('电费查询正常办理中，明天 01:00–03:00 电费系统升级暂停');
    const outlook = upcomingClosures(s, noon, 7, calendar);
    expect(outlook).toEqual([
      expect.objectContaining({ kind: 'maintenance', reason: '电费系统升级', startsAt: '2026-03-11T01:00:00+08:00', endsAt: '2026-03-11T03:00:00+08:00', notice: expect.objectContaining({ noticeId: 'n-1' }) }),
    ]);
    expect(closureMayStartOn(s, dayOf(ms('2026-03-11T00:00:00+08:00')), calendar)).toBe(true);
  });

  it('leaves the catalogue’s own service untouched, and returns it as is when nothing was published', () => {
    expect(availability(query, new Date('2026-03-11T02:00:00+08:00'), calendar, up).state).toBe('open');
    expect(withOverrides(query, { notices: [], schedules: [] })).toBe(query);
    expect(withOverrides(query, undefined)).toBe(query);
  });

  it('answers the same whichever way the verdict cache was warmed (before, during and after the window)', () => {
    const fresh = withOverrides(query, { notices: [maintenance] });
    const instants = ['2026-03-11T00:40:00+08:00', '2026-03-11T00:50:00+08:00', '2026-03-11T01:30:00+08:00', '2026-03-11T02:59:00+08:00', '2026-03-11T03:01:00+08:00'];
    const forward = instants.map((i) => availability(s, new Date(i), calendar, up).state);
    const backward = [...instants].reverse().map((i) => availability(fresh, new Date(i), calendar, up).state).reverse();
    expect(forward).toEqual(['open', 'closing_soon', 'maintenance', 'maintenance', 'open']);
    expect(backward).toEqual(forward);
  });
});

describe('an operator’s incident notice', () => {
  const incident: NoticeWindow = { id: 'n-2', kind: 'incident', start: ms('2026-03-10T10:00:00+08:00'), reason: '缴费系统故障', alternative: '可到供电营业厅缴费' };
  const s = withOverrides(pay, { notices: [incident] });

  it('takes the service down from its start with no promised end, in words that are not "unreachable"', () => {
    const a = availability(s, new Date('2026-03-10T12:00:00+08:00'), calendar, up);
    expect(a).toMatchObject({ state: 'down', reason: 'incident' });
    expect(a.opensAt).toBeUndefined();
    expect(a.message).toBe('电费缴纳因缴费系统故障暂停办理，恢复时间另行通知。可到供电营业厅缴费。');
    expect(closureKind(a)).toBe('incident');
    expect(stateLabel(a)).toBe('故障处理中');
    expect(changeLabel(a)).toBe('恢复时间另行通知');
  });

  it('reopens once the operator ends it (its end is then known)', () => {
    const ended = withOverrides(pay, { notices: [{ ...incident, end: ms('2026-03-10T13:00:00+08:00') }] });
    expect(availability(ended, new Date('2026-03-10T12:00:00+08:00'), calendar, up)).toMatchObject({ state: 'down', opensAt: '2026-03-10T13:00:00+08:00' });
    expect(availability(ended, new Date('2026-03-10T13:00:00+08:00'), calendar, up).state).toBe('open');
  });

  it('is not listed as a plan in the 7-day outlook when its end is unknown', () => {
    expect(upcomingClosures(s, new Date('2026-03-10T09:00:00+08:00'), 7, calendar)).toEqual([]);
  });
});

describe('a plain notice', () => {
  it('informs without closing: the availability carries it while it is in force', () => {
    const note: NoticeWindow = { id: 'n-3', kind: 'notice', start: ms('2026-03-10T00:00:00+08:00'), end: ms('2026-03-12T00:00:00+08:00'), reason: '3 月账单延迟 1 天出账' };
    const s = withOverrides(query, { notices: [note] });
    const a = availability(s, new Date('2026-03-10T12:00:00+08:00'), calendar, up);
    expect(a).toMatchObject({ state: 'open', notice: { noticeId: 'n-3', kind: 'notice', reason: '3 月账单延迟 1 天出账' } });
    expect(availability(s, new Date('2026-03-12T00:00:00+08:00'), calendar, up).notice).toBeUndefined();
  });
});

describe('a schedule with an effective date', () => {
  // Water payments 06:00–22:00 until the 15th, then 08:00–20:00.
  const water = scheduledService('bills.water.pay')!;
  const shorter = parseSchedule({ timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '08:00', end: '20:00' }], closedOnHolidays: false });
  const s = withOverrides(water, { schedules: [{ effectiveFrom: '2026-03-15', schedule: shorter }] });

  it('keeps the old hours before the date and the new ones from it', () => {
    expect(availability(s, new Date('2026-03-14T07:00:00+08:00'), calendar, up).state).toBe('open');
    expect(availability(s, new Date('2026-03-15T07:00:00+08:00'), calendar, up)).toMatchObject({ state: 'closed', opensAt: '2026-03-15T08:00:00+08:00' });
    expect(availability(s, new Date('2026-03-15T20:30:00+08:00'), calendar, up)).toMatchObject({ state: 'closed', opensAt: '2026-03-16T08:00:00+08:00' });
  });

  it('names the new opening time across the change: closed on the 14th at 23:00, it opens at 08:00 on the 15th', () => {
    expect(availability(s, new Date('2026-03-14T23:00:00+08:00'), calendar, up)).toMatchObject({ state: 'closed', opensAt: '2026-03-15T08:00:00+08:00' });
  });

  it('can close a service on holidays from its date on, and lists those holidays ahead', () => {
    const holidays = parseSchedule({ timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '06:00', end: '22:00' }], closedOnHolidays: true });
    const h = withOverrides(water, { schedules: [{ effectiveFrom: '2026-09-01', schedule: holidays }] });
    expect(availability(h, new Date('2026-10-02T10:00:00+08:00'), calendar, up)).toMatchObject({ state: 'closed', reason: 'holiday' });
    expect(availability(water, new Date('2026-10-02T10:00:00+08:00'), calendar, up).state).toBe('open');
    expect(upcomingClosures(h, new Date('2026-09-28T10:00:00+08:00'), 7, calendar)[0]).toMatchObject({ kind: 'holiday', startsAt: expect.stringMatching(/^2026-10-01/) });
  });
});
