import type { Availability } from '../availability-types';
import { chineseDaysCalendar } from './calendar';
import { scheduledService } from './catalogue-schedules';
import { availability, type DepartmentHealth } from './engine';
import { actionsLabel, changeLabel, closureKind, closureLabel, dayLabel, momentLabel, refusesCalls, stateLabel, statusLabel, statusTone } from './vocabulary';

const calendar = chineseDaysCalendar();

function at(id: string, iso: string, health: DepartmentHealth = { state: 'up' }): Availability {
  return availability(scheduledService(id)!, new Date(iso), calendar, health);
}

describe('availability vocabulary', () => {
  it('says the 23:30 electricity pause the same way the server message does: 00:30, not 明天 00:30', () => {
    const a = at('bills.electricity.pay', '2026-03-10T23:45:00+08:00');
    expect(stateLabel(a)).toBe('暂停办理');
    expect(changeLabel(a)).toBe('00:30 恢复');
    expect(statusLabel(a)).toBe('暂停办理 · 00:30 恢复');
    expect(a.message).toContain('将于 00:30 恢复');
  });

  it('counts down the minutes when a service closes within the hour', () => {
    const a = at('bills.water.pay', '2026-03-10T21:50:00+08:00');
    expect(statusLabel(a)).toBe('即将暂停 · 还剩 10 分钟');
    expect(statusTone(a)).toBe('warn');
  });

  it('names a holiday closure and the day it reopens', () => {
    // 2026-10-01 is National Day: the hotline's agents are off until the 8th.
    const a = at('tickets.agent', '2026-10-02T10:00:00+08:00');
    expect(stateLabel(a)).toBe('节假日休息');
    expect(changeLabel(a)).toMatch(/^10月\d+日（周.）09:00 恢复$/);
  });

  it('names maintenance as 系统维护', () => {
    const a = at('traffic.query', '2026-03-11T03:00:00+08:00');
    expect(closureKind(a)).toBe('maintenance');
    expect(statusLabel(a)).toBe('系统维护 · 04:00 恢复');
  });

  it('says which department is down and that we retry every minute, never a recovery time it cannot know', () => {
    const a = at('bills.electricity.pay', '2026-03-10T12:00:00+08:00', { state: 'down', retryAt: new Date('2026-03-10T12:05:00+08:00') });
    expect(stateLabel(a, '国网市供电公司')).toBe('国网市供电公司系统暂时连不上');
    expect(stateLabel(a)).toBe('对方系统暂时连不上');
    expect(changeLabel(a)).toBe('每分钟自动重试');
  });

  it('refuses calls exactly in the closed, maintenance and down states', () => {
    expect(['open', 'closing_soon', 'closed', 'maintenance', 'down'].filter((state) => refusesCalls({ state } as Availability))).toEqual(['closed', 'maintenance', 'down']);
    expect(refusesCalls(undefined)).toBe(false);
  });

  it('labels every closure kind', () => {
    expect(['hours', 'holiday', 'maintenance', 'down'].map((k) => closureLabel(k as never))).toEqual(['暂停办理', '节假日休息', '系统维护', '对方系统暂时连不上']);
  });

  it('says a tile of several actions once when they agree and action by action when not', () => {
    const query = at('bills.electricity.query', '2026-03-10T23:45:00+08:00');
    const pay = at('bills.electricity.pay', '2026-03-10T23:45:00+08:00');
    expect(actionsLabel([{ verb: '查询', availability: query }, { verb: '缴费', availability: pay }])).toBe('可查询 · 缴费 00:30 恢复');
    const noon = [at('bills.electricity.query', '2026-03-10T12:00:00+08:00'), at('bills.electricity.pay', '2026-03-10T12:00:00+08:00')];
    expect(actionsLabel(noon.map((availability, i) => ({ verb: ['查询', '缴费'][i]!, availability })))).toBe('可办理');
    const water = [at('bills.water.query', '2026-03-10T21:50:00+08:00'), at('bills.water.pay', '2026-03-10T21:50:00+08:00')];
    expect(actionsLabel(water.map((availability, i) => ({ verb: ['查询', '缴费'][i]!, availability })))).toBe('可查询 · 缴费即将暂停，还剩 10 分钟');
  });

  it('says the day relative to now: 今天 / 明天 / 昨天 / a date with its weekday', () => {
    const now = '2026-03-10T23:45:00+08:00';
    expect(dayLabel('2026-03-10T08:00:00+08:00', now)).toBe('今天');
    expect(dayLabel('2026-03-11T00:30:00+08:00', now)).toBe('明天');
    expect(dayLabel('2026-03-09T00:30:00+08:00', now)).toBe('昨天');
    expect(dayLabel('2026-03-12T00:30:00+08:00', now)).toBe('3月12日（周四）');
    // Computed in Shanghai time whatever the host's zone: 23:45 in Shanghai is 15:45 UTC.
    expect(dayLabel('2026-03-10T16:10:00Z', now)).toBe('明天');
  });

  it('says an instant with its day for "as of" lines', () => {
    expect(momentLabel('2026-03-10T09:30:00+08:00', '2026-03-10T12:00:00+08:00')).toBe('今天 09:30');
    expect(momentLabel('2026-03-08T09:00:00+08:00', '2026-03-10T12:00:00+08:00')).toBe('3月8日（周日）09:00');
    expect(momentLabel('garbage', '2026-03-10T12:00:00+08:00')).toBe('');
  });
});
