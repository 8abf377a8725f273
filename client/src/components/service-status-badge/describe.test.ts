import type { Availability } from '@bianmin/core';
import { describeAvailability } from './describe';

const closed: Availability = {
  serviceId: 'bills.electricity.pay',
  state: 'closed',
  reason: 'hours',
  now: '2026-03-10T23:45:00+08:00',
  opensAt: '2026-03-11T00:30:00+08:00',
  message: '电费缴纳每日 23:30–次日 00:30 系统结算暂停，将于 00:30 恢复（还有 45 分钟）',
};

describe('describeAvailability', () => {
  it('gives the badge the shared words and the screen reader the server’s full sentence', () => {
    expect(describeAvailability(closed)).toEqual({ label: '暂停办理 · 00:30 恢复', tone: 'closed', spoken: closed.message });
  });

  it('names the department that is down', () => {
    const down: Availability = { ...closed, state: 'down', reason: 'department_unreachable', opensAt: undefined, message: '' };
    expect(describeAvailability(down, '国网市供电公司')).toEqual({ label: '国网市供电公司系统暂时连不上 · 每分钟自动重试', tone: 'down', spoken: '国网市供电公司系统暂时连不上 · 每分钟自动重试' });
  });

  it('counts down the last minutes before a close', () => {
    const soon: Availability = { ...closed, state: 'closing_soon', reason: undefined, opensAt: undefined, now: '2026-03-10T23:20:00+08:00', closesAt: '2026-03-10T23:30:00+08:00' };
    expect(describeAvailability(soon)).toMatchObject({ label: '即将暂停 · 还剩 10 分钟', tone: 'warn' });
  });
});
