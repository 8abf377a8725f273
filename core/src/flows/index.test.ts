import { CATALOGUE } from '../catalogue';
import { DEPARTMENT_IDS } from '../departments';
import { API_INPUTS } from '../api';
import { CONTRACTS, SERVICE_IDS } from './index';

describe('the flows’ contracts', () => {
  it('name each function once', () => {
    const names = CONTRACTS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(API_INPUTS).sort()).toEqual([...names].sort());
  });

  it('declare exactly the services the catalogue lists, each in one flow, under the flow’s own name', () => {
    expect([...SERVICE_IDS].sort()).toEqual(CATALOGUE.services.map((s) => s.id).sort());
    expect(new Set(SERVICE_IDS).size).toBe(SERVICE_IDS.length);
    for (const c of CONTRACTS) for (const id of c.services) expect(id.startsWith(`${c.name}.`)).toBe(true);
  });

  it('reach only known departments, and a service’s department is one its flow declares', () => {
    for (const c of CONTRACTS) for (const d of c.departments) expect(DEPARTMENT_IDS).toContain(d);
    for (const s of CATALOGUE.services) {
      const owner = CONTRACTS.find((c) => (c.services as readonly string[]).includes(s.id))!;
      expect(owner.departments).toContain(s.department);
    }
  });

  it('give every action an input schema', () => {
    for (const c of CONTRACTS) for (const [action, schema] of Object.entries(c.inputs)) expect(typeof (schema as { safeParse?: unknown }).safeParse).toBe(action && 'function');
  });
});
