import type { Availability, ServiceListItem, ServicesListResult } from '@bianmin/core';
import { groupServices, tileLabel } from './group';

const NOW = '2026-03-10T23:45:00+08:00';
const open = (serviceId: string): Availability => ({ serviceId, state: 'open', now: NOW, message: '正常办理中' });
const closed = (serviceId: string): Availability => ({ serviceId, state: 'closed', reason: 'hours', now: NOW, opensAt: '2026-03-11T00:30:00+08:00', message: '暂停，将于 00:30 恢复' });

function service(id: string, over: Partial<ServiceListItem> = {}): ServiceListItem {
  return { id, name: id, department: 'power', departmentName: '国网市供电公司', category: id.split('.')[0]!, categoryName: '', path: `/${id}`, icon: 'electricity', live: true, availability: open(id), ...over };
}

function result(services: ServiceListItem[]): ServicesListResult {
  return {
    categories: [
      { id: 'traffic', name: '交通出行', order: 2 },
      { id: 'bills', name: '生活缴费', order: 1 },
    ],
    services,
    notices: [],
    now: NOW,
  };
}

describe('groupServices', () => {
  it('folds a utility’s query and pay into one tile that says both', () => {
    const [bills] = groupServices(
      result([
        service('bills.electricity.query', { name: '电费查询', tile: '电费', verb: '查询' }),
        service('bills.electricity.pay', { name: '电费缴纳', tile: '电费', verb: '缴费', availability: closed('bills.electricity.pay') }),
      ]),
    );
    expect(bills!.tiles).toHaveLength(1);
    const tile = bills!.tiles[0]!;
    expect(tile).toMatchObject({ name: '电费', ids: ['bills.electricity.query', 'bills.electricity.pay'], status: '可查询 · 缴费 00:30 恢复', blocked: false, live: true });
    expect(tile.main.id).toBe('bills.electricity.pay');
    expect(tileLabel(tile)).toBe('电费，国网市供电公司，可查询，缴费 00:30 恢复');
  });

  it('blocks a tile only when every action refuses calls', () => {
    const [bills] = groupServices(
      result([
        service('bills.gas.query', { tile: '燃气费', verb: '查询', availability: closed('bills.gas.query') }),
        service('bills.gas.pay', { tile: '燃气费', verb: '缴费', availability: closed('bills.gas.pay') }),
      ]),
    );
    expect(bills!.tiles[0]).toMatchObject({ blocked: true, status: '暂停办理 · 00:30 恢复', id: 'bills.gas.pay' });
    // A tap explains the first refusal; the tile keeps its id whatever the state.
    expect(bills!.tiles[0]!.main.id).toBe('bills.gas.query');
  });

  it('says nothing about the hours of a service that is not live: it is coming soon', () => {
    const groups = groupServices(result([service('traffic.pay', { name: '罚款缴纳', live: false, availability: closed('traffic.pay') })]));
    expect(groups[0]!.tiles[0]).toMatchObject({ live: false, status: null, availability: null, blocked: false });
    expect(tileLabel(groups[0]!.tiles[0]!)).toBe('罚款缴纳，国网市供电公司，即将上线');
  });

  it('orders categories by the catalogue and keeps a service of an unknown category under 其他服务', () => {
    const groups = groupServices(result([service('traffic.query'), service('bills.water.pay'), service('moon.walk')]));
    expect(groups.map((g) => g.category.name)).toEqual(['生活缴费', '交通出行', '其他服务']);
  });
});
