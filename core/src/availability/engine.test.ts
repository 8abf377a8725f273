import type { Availability } from '../availability-types';
import { chineseDaysCalendar, type HolidayCalendar } from './calendar';
import { scheduledService } from './catalogue-schedules';
import { availability, describeWeek, upcomingClosures, type DepartmentHealth, type ScheduledService } from './engine';
import { parseSchedule, type ScheduleInput } from './schedule';

const calendar = chineseDaysCalendar();
const up: DepartmentHealth = { state: 'up' };

function service(id: string): ScheduledService {
  const s = scheduledService(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

function at(id: string | ScheduledService, iso: string, health: DepartmentHealth = up, cal: HolidayCalendar = calendar): Availability {
  return availability(typeof id === 'string' ? service(id) : id, new Date(iso), cal, health);
}

function custom(name: string, schedule: ScheduleInput): ScheduledService {
  return { id: `test.${name}`, name, schedule: parseSchedule(schedule) };
}

describe('electricity payment and its nightly settlement (00:30–23:30)', () => {
  it('refuses an electricity payment at 23:45 and names 00:30 next day as the reopen time', () => {
    const a = at('bills.electricity.pay', '2026-03-10T23:45:00+08:00');
    expect(a).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2026-03-11T00:30:00+08:00', now: '2026-03-10T23:45:00+08:00' });
    expect(a.closesAt).toBeUndefined();
    expect(a.message).toBe('电费缴纳每日 23:30–次日 00:30 系统结算暂停，将于 00:30 恢复（还有 45 分钟）');
  });

  it('warns at 23:20 that payment closes at 23:30, ten minutes away', () => {
    const a = at('bills.electricity.pay', '2026-03-10T23:20:00+08:00');
    expect(a).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-10T23:30:00+08:00' });
    expect(a.message).toBe('电费缴纳将于 23:30 暂停（还剩 10 分钟），请尽快办理');
  });

  it('starts warning exactly 15 minutes before the close, not 16', () => {
    expect(at('bills.electricity.pay', '2026-03-10T23:15:00+08:00').state).toBe('closing_soon');
    expect(at('bills.electricity.pay', '2026-03-10T23:14:00+08:00').state).toBe('open');
  });

  it('is open at noon and says it closes at 23:30 today', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:00+08:00');
    expect(a).toMatchObject({ state: 'open', closesAt: '2026-03-10T23:30:00+08:00' });
    expect(a.opensAt).toBeUndefined();
    expect(a.message).toBe('电费缴纳正常办理中，今日 23:30 截止');
  });

  it('is closed at exactly 23:30 and open again at exactly 00:30', () => {
    expect(at('bills.electricity.pay', '2026-03-10T23:30:00+08:00').state).toBe('closed');
    expect(at('bills.electricity.pay', '2026-03-11T00:29:59+08:00').state).toBe('closed');
    expect(at('bills.electricity.pay', '2026-03-11T00:30:00+08:00').state).toBe('open');
  });

  it('names the reopening after midnight from an instant given in UTC', () => {
    // 2026-03-10T16:10Z is 00:10 on the 11th in Shanghai, already the next Shanghai day.
    expect(at('bills.electricity.pay', '2026-03-10T16:10:00Z')).toMatchObject({ state: 'closed', opensAt: '2026-03-11T00:30:00+08:00' });
  });
});

describe('traffic services and their daily 02:00–04:00 maintenance', () => {
  it('reports traffic fine payment at 03:00 as maintenance reopening at 04:00 the same day', () => {
    const a = at('traffic.pay', '2026-03-10T03:00:00+08:00');
    expect(a).toMatchObject({ state: 'maintenance', reason: 'maintenance', opensAt: '2026-03-10T04:00:00+08:00' });
    expect(a.message).toBe('罚款缴纳每日 02:00–04:00 系统维护，将于 04:00 恢复（还有 1 小时）');
  });

  it('is in maintenance from 02:00 sharp and open from 04:00 sharp', () => {
    expect(at('traffic.query', '2026-03-10T02:00:00+08:00').state).toBe('maintenance');
    expect(at('traffic.query', '2026-03-10T04:00:00+08:00').state).toBe('open');
  });

  it('warns at 01:50 that the maintenance begins at 02:00', () => {
    expect(at('traffic.pay', '2026-03-10T01:50:00+08:00')).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-10T02:00:00+08:00' });
  });

  it('tells a noon visitor about tonight’s maintenance rather than calling the service round-the-clock', () => {
    const a = at('traffic.pay', '2026-03-10T12:00:00+08:00');
    expect(a).toMatchObject({ state: 'open', closesAt: '2026-03-11T02:00:00+08:00' });
    expect(a.message).toBe('罚款缴纳正常办理中，明天 02:00–04:00 系统维护暂停');
  });
});

describe('the human agent (tickets.agent): statutory working days 09:00–18:00', () => {
  it('is closed for the holiday during the 2026 Spring Festival and reopens 09:00 on the first working day after it', () => {
    const a = at('tickets.agent', '2026-02-21T10:00:00+08:00');
    expect(a).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-02-24T09:00:00+08:00' });
    expect(a.message).toBe('人工客服春节假期休息，将于 2月24日（周二）09:00 恢复（还有 3 天）');
  });

  it('is closed for the holiday on the Spring Festival’s weekday Monday 2026-02-23', () => {
    expect(at('tickets.agent', '2026-02-23T10:00:00+08:00')).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-02-24T09:00:00+08:00' });
  });

  it('is open at 10:00 on the make-up Saturdays 2026-02-14 and 2026-02-28', () => {
    for (const d of ['2026-02-14', '2026-02-28']) {
      expect(at('tickets.agent', `${d}T10:00:00+08:00`)).toMatchObject({ state: 'open', closesAt: `${d}T18:00:00+08:00` });
    }
  });

  it('blames the festival, not the evening, after hours on the make-up Saturday before it', () => {
    expect(at('tickets.agent', '2026-02-14T19:00:00+08:00')).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-02-24T09:00:00+08:00' });
  });

  it('is closed on an ordinary weekend with reason hours and reopens Monday 09:00', () => {
    const a = at('tickets.agent', '2026-03-07T10:00:00+08:00');
    expect(a).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2026-03-09T09:00:00+08:00' });
    expect(a.message).toBe('人工客服周末休息（办理时间：工作日 09:00–18:00），将于 3月9日（周一）09:00 恢复（还有 2 天）');
  });

  it('on a Friday evening names Monday 09:00, across midnight and the weekend', () => {
    expect(at('tickets.agent', '2026-03-06T18:00:00+08:00')).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2026-03-09T09:00:00+08:00' });
    expect(at('tickets.agent', '2026-03-06T17:50:00+08:00')).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-06T18:00:00+08:00' });
  });

  it('on a weekday before opening says the same day’s 09:00', () => {
    const a = at('tickets.agent', '2026-03-10T07:30:00+08:00');
    expect(a).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2026-03-10T09:00:00+08:00' });
    expect(a.message).toContain('将于 09:00 恢复（还有 1 小时 30 分钟）');
  });

  describe('National Day week 2026 (10-01..10-07, make-up days 09-20 and 10-10)', () => {
    it('is closed for the holiday mid-week and reopens Thursday 10-08 09:00', () => {
      const a = at('tickets.agent', '2026-10-05T11:00:00+08:00');
      expect(a).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-10-08T09:00:00+08:00' });
      expect(a.message).toContain('国庆节假期休息');
    });

    it('on the evening before the holiday already names 10-08 09:00', () => {
      expect(at('tickets.agent', '2026-09-30T18:30:00+08:00')).toMatchObject({ state: 'closed', reason: 'holiday', opensAt: '2026-10-08T09:00:00+08:00' });
    });

    it('is open on the make-up Sunday 09-20 and the make-up Saturday 10-10', () => {
      expect(at('tickets.agent', '2026-09-20T09:00:00+08:00').state).toBe('open');
      expect(at('tickets.agent', '2026-10-10T17:00:00+08:00').state).toBe('open');
    });

    it('keeps every-day services open through the holiday week', () => {
      expect(at('bills.water.pay', '2026-10-03T12:00:00+08:00').state).toBe('open');
    });
  });
});

describe('a window that crosses midnight', () => {
  const night = custom('夜间服务', { timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '22:00', end: '06:00' }], closedOnHolidays: false });

  it('is open at 23:00 and closes at 06:00 the next morning', () => {
    expect(at(night, '2026-03-10T23:00:00+08:00')).toMatchObject({ state: 'open', closesAt: '2026-03-11T06:00:00+08:00' });
  });

  it('is still open after midnight on the window that began the day before', () => {
    expect(at(night, '2026-03-11T05:50:00+08:00')).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-11T06:00:00+08:00' });
  });

  it('at noon names 22:00 the same day', () => {
    expect(at(night, '2026-03-11T12:00:00+08:00')).toMatchObject({ state: 'closed', opensAt: '2026-03-11T22:00:00+08:00' });
  });

  it('water payment at 23:59:30 reopens at 06:00 the next day', () => {
    const a = at('bills.water.pay', '2026-03-10T23:59:30+08:00');
    expect(a).toMatchObject({ state: 'closed', opensAt: '2026-03-11T06:00:00+08:00' });
    expect(a.message).toBe('水费缴纳当前不在办理时间（每天 06:00–22:00），将于明天 06:00 恢复（还有 6 小时 1 分钟）');
  });

  it('an all-day service never reports a close at midnight', () => {
    const a = at('tickets.submit', '2026-03-10T23:59:00+08:00');
    expect(a).toMatchObject({ state: 'open', message: '投诉与咨询全天可办理' });
    expect(a.closesAt).toBeUndefined();
  });
});

describe('a dated maintenance window', () => {
  const base: ScheduleInput = { timezone: 'Asia/Shanghai', days: 'everyday', windows: [{ start: '06:00', end: '22:00' }], closedOnHolidays: false };
  const upgrade = custom('水费缴纳', { ...base, maintenance: [{ start: '2026-03-10T21:00:00+08:00', end: '2026-03-10T23:59:00+08:00', reason: '系统升级' }] });

  it('overlapping the evening hours reopens the next day at 06:00, not when the maintenance ends', () => {
    const a = at(upgrade, '2026-03-10T21:30:00+08:00');
    expect(a).toMatchObject({ state: 'maintenance', reason: 'maintenance', opensAt: '2026-03-11T06:00:00+08:00' });
    expect(a.message).toBe('水费缴纳因系统升级暂停办理，将于明天 06:00 恢复（还有 8 小时 30 分钟）');
  });

  it('moves the day’s close forward to the maintenance start', () => {
    expect(at(upgrade, '2026-03-10T20:50:00+08:00')).toMatchObject({ state: 'closing_soon', closesAt: '2026-03-10T21:00:00+08:00' });
    const a = at(upgrade, '2026-03-10T12:00:00+08:00');
    expect(a).toMatchObject({ state: 'open', closesAt: '2026-03-10T21:00:00+08:00' });
    expect(a.message).toContain('系统升级');
  });

  it('running past the morning opening reopens when the maintenance ends, to the minute', () => {
    const late = custom('水费缴纳', { ...base, maintenance: [{ start: '2026-03-11T05:00:00+08:00', end: '2026-03-11T07:17:00+08:00', reason: '系统升级' }] });
    expect(at(late, '2026-03-11T05:30:00+08:00')).toMatchObject({ state: 'maintenance', opensAt: '2026-03-11T07:17:00+08:00' });
    expect(at(late, '2026-03-10T23:00:00+08:00')).toMatchObject({ state: 'closed', opensAt: '2026-03-11T07:17:00+08:00' });
  });

  it('lasting several days is skipped over by the opening search', () => {
    const long = custom('水费缴纳', { ...base, maintenance: [{ start: '2026-03-10T00:00:00+08:00', end: '2026-03-13T12:00:00+08:00', reason: '系统迁移' }] });
    expect(at(long, '2026-03-11T10:00:00+08:00')).toMatchObject({ state: 'maintenance', opensAt: '2026-03-13T12:00:00+08:00' });
  });
});

describe('a department that cannot be reached', () => {
  it('is reported down with the retry time as opensAt when the retry is known', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:00+08:00', { state: 'down', retryAt: new Date('2026-03-10T12:05:00+08:00') });
    expect(a).toMatchObject({ state: 'down', reason: 'department_unreachable', opensAt: '2026-03-10T12:05:00+08:00' });
  });

  it('says that we retry every minute, naming the department, and never promises when the department recovers', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:30+08:00', { state: 'down', retryAt: new Date('2026-03-10T12:01:00+08:00') });
    expect(a.message).toBe('国网市供电公司系统暂时连不上，我们每分钟自动重试');
    expect(a.message).not.toMatch(/预计|恢复/);
  });

  it('is reported down without opensAt when no retry time is known', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:00+08:00', { state: 'down' });
    expect(a).toMatchObject({ state: 'down', reason: 'department_unreachable' });
    expect(a.opensAt).toBeUndefined();
    expect(a.message).toBe('国网市供电公司系统暂时连不上，我们每分钟自动重试');
  });

  it('does not promise a retry time that has already passed', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:00+08:00', { state: 'down', retryAt: new Date('2026-03-10T11:00:00+08:00') });
    expect(a.opensAt).toBeUndefined();
  });

  it('leaves a scheduled closure in charge: the schedule’s reopening is the useful answer', () => {
    expect(at('bills.electricity.pay', '2026-03-10T23:45:00+08:00', { state: 'down' })).toMatchObject({
      state: 'closed',
      opensAt: '2026-03-11T00:30:00+08:00',
    });
  });
});

describe('a year chinese-days does not cover (2027)', () => {
  // When chinese-days publishes 2027, move these to the first year it does not cover.
  it('is reported as unknown by the calendar', () => {
    expect(calendar.dayInfo('2027-01-01')).toEqual({ kind: 'unknown' });
  });

  it('falls back to Mon–Fri working days and says so in the message', () => {
    const fri = at('tickets.agent', '2027-01-01T10:00:00+08:00');
    expect(fri).toMatchObject({ state: 'open', closesAt: '2027-01-01T18:00:00+08:00' });
    expect(fri.message).toContain('2027 年法定节假日安排尚未公布');
    const sat = at('tickets.agent', '2027-01-02T10:00:00+08:00');
    expect(sat).toMatchObject({ state: 'closed', reason: 'hours', opensAt: '2027-01-04T09:00:00+08:00' });
    expect(sat.message).toContain('暂按周一至周五上班');
  });

  it('notes the assumption when the answer from 2026 reaches into 2027', () => {
    const a = at('tickets.agent', '2026-12-31T19:00:00+08:00');
    expect(a).toMatchObject({ state: 'closed', opensAt: '2027-01-01T09:00:00+08:00' });
    expect(a.message).toContain('2027 年');
  });

  it('adds no note to services that do not depend on the holiday calendar', () => {
    expect(at('bills.water.pay', '2027-01-01T10:00:00+08:00').message).toBe('水费缴纳正常办理中，今日 22:00 截止');
  });
});

describe('upcomingClosures', () => {
  it('lists the whole Spring Festival with the first working day after it', () => {
    const list = upcomingClosures(service('tickets.agent'), new Date('2026-02-12T10:00:00+08:00'), 7, calendar);
    expect(list).toEqual([
      expect.objectContaining({
        kind: 'holiday',
        reason: '春节',
        startsAt: '2026-02-15T00:00:00+08:00',
        endsAt: '2026-02-24T00:00:00+08:00',
        opensAt: '2026-02-24T09:00:00+08:00',
      }),
    ]);
  });

  it('does not list ordinary nightly closes or holidays for services open on holidays', () => {
    expect(upcomingClosures(service('bills.electricity.pay'), new Date('2026-02-12T10:00:00+08:00'), 7, calendar)).toEqual([]);
  });

  it('lists an announced maintenance in range and not one outside it', () => {
    const s = custom('水费缴纳', {
      timezone: 'Asia/Shanghai',
      days: 'everyday',
      windows: [{ start: '06:00', end: '22:00' }],
      closedOnHolidays: false,
      maintenance: [
        { start: '2026-03-12T21:00:00+08:00', end: '2026-03-12T23:59:00+08:00', reason: '系统升级' },
        { start: '2026-04-12T21:00:00+08:00', end: '2026-04-12T23:59:00+08:00', reason: '系统升级' },
      ],
    });
    const list = upcomingClosures(s, new Date('2026-03-10T10:00:00+08:00'), 7, calendar);
    expect(list).toEqual([
      expect.objectContaining({ kind: 'maintenance', reason: '系统升级', startsAt: '2026-03-12T21:00:00+08:00', opensAt: '2026-03-13T06:00:00+08:00' }),
    ]);
  });

  it('flags days whose holidays are not yet published instead of listing none', () => {
    const list = upcomingClosures(service('tickets.agent'), new Date('2026-12-28T10:00:00+08:00'), 7, calendar);
    expect(list.map((c) => c.kind)).toEqual(['calendar_unknown']);
    expect(list[0]!.startsAt).toBe('2027-01-01T00:00:00+08:00');
  });
});

describe('describeWeek', () => {
  it('describes the weekly hours of the catalogue in plain Chinese', () => {
    expect(describeWeek(service('bills.water.pay').schedule)).toEqual(['每天 06:00–22:00']);
    expect(describeWeek(service('bills.electricity.pay').schedule)).toEqual(['每天 00:30–23:30', '每天 23:30–次日 00:30 系统结算暂停']);
    expect(describeWeek(service('traffic.pay').schedule)).toEqual(['每天 24 小时', '每天 02:00–04:00 系统维护暂停']);
    expect(describeWeek(service('tickets.agent').schedule)).toEqual(['法定工作日 09:00–18:00（含调休上班日，法定节假日休息）']);
  });

  it('names fixed weekdays and midnight-crossing windows', () => {
    const s = parseSchedule({ timezone: 'Asia/Shanghai', days: { weekdays: [1, 2, 3, 4, 5] }, windows: [{ start: '22:00', end: '06:00' }], closedOnHolidays: true });
    expect(describeWeek(s)).toEqual(['周一至周五 22:00–次日 06:00（法定节假日休息）']);
  });
});
