import type { Availability, ServiceListItem, ServiceNotice } from '@bianmin/core';
import { unusualNotices } from './notices';

const NOW = '2026-03-10T12:00:00+08:00';
const down = (serviceId: string): Availability => ({ serviceId, state: 'down', reason: 'department_unreachable', now: NOW, message: '国网市供电公司系统暂时连不上，我们每分钟自动重试' });
const service = (id: string): ServiceListItem => ({ id, name: id, department: 'power', departmentName: '国网市供电公司', category: 'bills', categoryName: '', path: '/x', icon: 'electricity', live: true, availability: down(id) });
const notice = (serviceId: string, over: Partial<ServiceNotice> = {}): ServiceNotice => ({ serviceId, serviceName: serviceId, kind: 'down', text: '国网市供电公司系统暂时连不上，我们每分钟自动重试', routine: false, ...over });

describe("the hub's banner of unusual closures", () => {
  it('lists one department outage once, though it refuses both the query and the pay service', () => {
    const services = [service('bills.electricity.query'), service('bills.electricity.pay')];
    const shown = unusualNotices([notice('bills.electricity.query'), notice('bills.electricity.pay')], services);
    expect(shown).toHaveLength(1);
  });

  it('keeps different closures apart, and leaves out routine hours and services not live', () => {
    const services = [service('bills.electricity.pay'), service('traffic.query'), { ...service('later.one'), live: false }];
    const shown = unusualNotices(
      [notice('bills.electricity.pay'), notice('traffic.query', { kind: 'maintenance', text: '违章查询系统维护，10:00 恢复' }), notice('traffic.query', { kind: 'hours', routine: true }), notice('later.one')],
      services,
    );
    expect(shown.map((n) => `${n.serviceId}:${n.kind}`)).toEqual(['bills.electricity.pay:down', 'traffic.query:maintenance']);
  });
});
