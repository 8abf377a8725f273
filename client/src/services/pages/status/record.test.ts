import type { StatusPageResult, StatusPageService } from '@bianmin/core';
import { departmentRecords, duration, percent, uptimeLine } from './record';

const NOW = '2026-03-11T02:00:00+08:00';
const OUTAGE = { kind: 'outage' as const, startedAt: '2026-03-08T10:00:00+08:00', endedAt: '2026-03-08T10:35:00+08:00', description: '系统连不上', minutes: 35 };

function service(serviceId: string, departmentId: 'power' | 'water', incidents: StatusPageService['incidents']): StatusPageService {
  return {
    serviceId,
    name: serviceId,
    departmentId,
    departmentName: departmentId === 'power' ? '国网市供电公司' : '市自来水公司',
    availability: { serviceId, state: 'open', message: '可办理', now: NOW },
    planned: [],
    notices: [],
    incidents,
    uptime: { days30: 0.99, days90: 0.99 },
  };
}

describe('the status page by department', () => {
  const page: StatusPageResult = {
    now: NOW,
    services: [
      service('bills.electricity.query', 'power', [OUTAGE]),
      service('bills.water.query', 'water', []),
      service('bills.electricity.pay', 'power', [OUTAGE, { kind: 'incident', startedAt: '2026-03-09T08:00:00+08:00', description: '缴费渠道故障', minutes: 90, endedAt: '2026-03-09T09:30:00+08:00' }]),
    ],
    departments: [
      { departmentId: 'water', name: '市自来水公司', state: 'up', uptime: { days30: 1, days90: 0.9996 } },
      { departmentId: 'power', name: '国网市供电公司', state: 'down', uptime: { days30: 0.98, days90: null } },
      { departmentId: 'gas', name: '市燃气集团', state: 'unknown', uptime: { days30: null, days90: null } },
    ],
    tickets: [],
    ticketsSince: '2025-12-11T02:00:00+08:00',
  };

  it('groups services under their department in the page’s order, leaving out a department with none', () => {
    const records = departmentRecords(page);
    expect(records.map((r) => [r.departmentId, r.state, r.services.map((s) => s.serviceId)])).toEqual([
      ['water', 'up', ['bills.water.query']],
      ['power', 'down', ['bills.electricity.query', 'bills.electricity.pay']],
    ]);
  });

  it('lists a department outage once although each of its services reports it, newest first', () => {
    const power = departmentRecords(page).find((r) => r.departmentId === 'power')!;
    expect(power.incidents.map((i) => i.description)).toEqual(['缴费渠道故障', '系统连不上']);
  });

  it('never rounds an imperfect uptime up to 100 %, and says when there is no data', () => {
    expect(percent(0.9996)).toBe('99.9%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('暂无数据');
    expect(uptimeLine({ days30: 0.98, days90: null })).toBe('可用率：近 30 天 98.0%，近 90 天 暂无数据');
    expect(uptimeLine({ days30: null, days90: null })).toBe('可用率：暂无探测数据');
  });

  it('says a duration in minutes, hours and days', () => {
    expect([duration(35), duration(120), duration(135), duration(60 * 27), duration(60 * 48)]).toEqual(['35 分钟', '2 小时', '2 小时 15 分钟', '1 天 3 小时', '2 天']);
  });
});
