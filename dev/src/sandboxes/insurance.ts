import { maskIdNumber, maskName } from '@bianmin/core';
import type { FixtureResident } from '../fixtures';
import type { Route } from './http';
import { between, seededRandom } from './seeded';

/** Social insurance bureau: contributions by month and type for a verified person. */
export function insuranceRoutes(residents: FixtureResident[]): Route[] {
  const persons = new Map(residents.map((r) => [r.idNumber, r] as const));
  return [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/persons/:idNumber',
      handle: ({ params, query }) => {
        const r = persons.get(params.idNumber);
        if (!r || query.get('name') !== r.name) return { status: 404, body: { code: 'PERSON_NOT_FOUND', message: '未查询到参保信息' } };
        if (!r.insurance.insured) return { status: 200, body: { name: maskName(r.name), idNumber: maskIdNumber(r.idNumber), insured: false } };
        const rand = seededRandom(`insurance:${r.idNumber}`);
        const base = between(rand, 600, 1200) * 1000; // contribution base in fen
        return {
          status: 200,
          body: {
            name: maskName(r.name),
            idNumber: maskIdNumber(r.idNumber),
            insured: true,
            city: r.insurance.city,
            since: r.insurance.since,
            contributionBase: base,
            pensionBalance: between(rand, 30_000, 200_000) * 100,
            medicalBalance: between(rand, 500, 20_000) * 100,
          },
        };
      },
    },
  ];
}
