import type { Availability, ServiceListItem, ServicesListResult } from '@bianmin/core';
import { groupServices } from './group';
import { openNowSentence } from './summary';

const AT_3 = '2026-03-10T03:00:00+08:00';
const open = (serviceId: string): Availability => ({ serviceId, state: 'open', now: AT_3, message: '正常办理中' });
const shut = (serviceId: string, opensAt: string, state: 'closed' | 'maintenance' = 'closed'): Availability => ({
  serviceId,
  state,
  reason: state === 'maintenance' ? 'maintenance' : 'hours',
  now: AT_3,
  opensAt,
  message: '暂停',
});

function service(id: string, category: string, over: Partial<ServiceListItem> = {}): ServiceListItem {
  return { id, name: id, department: 'x', departmentName: '部门', category, categoryName: '', path: `/${id}`, icon: 'x', live: true, availability: open(id), ...over };
}

/** The hub at 03:00 on a Tuesday, as the resident saw it: five tiles closed, three open. */
function at3(): ServicesListResult {
  const day = (h: string) => `2026-03-10T${h}:00+08:00`;
  return {
    categories: [
      { id: 'bills', name: '生活缴费', order: 1 },
      { id: 'traffic', name: '交通出行', order: 2 },
      { id: 'insurance', name: '社保查询', order: 3 },
      { id: 'tickets', name: '12345 诉求', order: 4 },
    ],
    services: [
      service('bills.water.query', 'bills', { name: '水费查询', tile: '水费', verb: '查询' }),
      service('bills.water.pay', 'bills', { name: '水费缴纳', tile: '水费', verb: '缴费', availability: shut('bills.water.pay', day('06:00')) }),
      service('bills.electricity.query', 'bills', { name: '电费查询', tile: '电费', verb: '查询' }),
      service('bills.electricity.pay', 'bills', { name: '电费缴纳', tile: '电费', verb: '缴费' }),
      service('bills.gas.query', 'bills', { name: '燃气费查询', tile: '燃气费', verb: '查询' }),
      service('bills.gas.pay', 'bills', { name: '燃气费缴纳', tile: '燃气费', verb: '缴费', availability: shut('bills.gas.pay', day('07:00')) }),
      service('traffic.query', 'traffic', { name: '违章查询', availability: shut('traffic.query', day('04:00'), 'maintenance') }),
      service('traffic.pay', 'traffic', { name: '罚款缴纳', availability: shut('traffic.pay', day('04:00'), 'maintenance') }),
      service('insurance.query', 'insurance', { name: '社保查询', availability: shut('insurance.query', day('06:00')) }),
      service('tickets.submit', 'tickets', { name: '投诉与咨询' }),
      service('tickets.agent', 'tickets', { name: '人工客服', availability: shut('tickets.agent', day('09:00')) }),
    ],
    notices: [],
    now: AT_3,
  };
}

describe('the hub header', () => {
  it('at 03:00 names only what is open, in the tiles’ words, and the next reopening', () => {
    const sentence = openNowSentence(groupServices(at3()).flatMap((g) => g.tiles));
    expect(sentence).toBe('现在可办理：电费、投诉与咨询；水费、燃气费可查询。违章查询、罚款缴纳 04:00 恢复。');
    for (const closed of ['社保查询', '人工客服']) expect(sentence).not.toContain(closed);
  });

  it('says everything is paused, and what opens first, when nothing is open', () => {
    const r = at3();
    r.services = r.services.map((s) => (s.availability.state === 'open' ? { ...s, availability: shut(s.id, '2026-03-10T06:30:00+08:00') } : s));
    expect(openNowSentence(groupServices(r).flatMap((g) => g.tiles))).toBe('现在都暂停办理。违章查询、罚款缴纳 04:00 恢复。');
  });

  it('lists every tile when all are open, and names no reopening', () => {
    const r = at3();
    r.services = r.services.map((s) => ({ ...s, availability: open(s.id) }));
    expect(openNowSentence(groupServices(r).flatMap((g) => g.tiles))).toBe('现在可办理：水费、电费、燃气费、违章查询、罚款缴纳、社保查询、投诉与咨询、人工客服。');
  });
});
