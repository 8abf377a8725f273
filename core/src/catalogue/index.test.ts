import { CATALOGUE, parseCatalogue, summarise } from './index';

describe('the service catalogue', () => {
  it('marks live only the services whose flow exists', () => {
    expect(CATALOGUE.services.filter((s) => s.live).map((s) => s.id)).toEqual([
      'bills.water.query',
      'bills.water.pay',
      'bills.electricity.query',
      'bills.electricity.pay',
      'bills.gas.query',
      'bills.gas.pay',
      'traffic.query',
      'traffic.pay',
      'insurance.query',
      'tickets.submit',
      'tickets.agent',
    ]);
  });

  it('puts each utility’s query and pay on one tile, each with its verb', () => {
    const shared = CATALOGUE.services.filter((s) => s.tile);
    expect([...new Set(shared.map((s) => s.tile))]).toEqual(['水费', '电费', '燃气费']);
    expect(shared.filter((s) => s.tile === '电费').map((s) => s.verb)).toEqual(['查询', '缴费']);
  });

  it('tells the client whether a service is live and how it shares a tile', () => {
    const pay = summarise(CATALOGUE.services.find((s) => s.id === 'bills.gas.pay')!);
    expect(pay).toMatchObject({ live: true, tile: '燃气费', verb: '缴费', departmentName: expect.any(String) });
    expect(summarise(CATALOGUE.services.find((s) => s.id === 'insurance.query')!)).toMatchObject({ live: true });
    expect(summarise(CATALOGUE.services.find((s) => s.id === 'tickets.agent')!)).not.toHaveProperty('tile');
  });

  it('says which services do not depend on their department’s health: only 人工客服 (WeChat’s conversation)', () => {
    expect(CATALOGUE.services.filter((s) => !s.needsDepartment).map((s) => s.id)).toEqual(['tickets.agent']);
  });

  it('refuses a catalogue whose service has no live flag, or shares a tile without a verb', () => {
    const base = { categories: [{ id: 'bills', name: '生活缴费', order: 1 }] };
    const service = { id: 'bills.water.pay', name: '水费缴纳', department: 'water', category: 'bills', path: '/bills/x', icon: 'water' };
    expect(() => parseCatalogue({ ...base, services: [service] })).toThrow(/live/);
    expect(() => parseCatalogue({ ...base, services: [{ ...service, live: true, tile: '水费' }] })).toThrow(/needs a verb/);
    expect(parseCatalogue({ ...base, services: [{ ...service, live: true, tile: '水费', verb: '缴费' }] }).services).toHaveLength(1);
  });
});
