import type { FixtureResident } from '../fixtures';
import type { Route } from './http';
import { between, seededRandom } from './seeded';

/** Traffic police: violations per vehicle, proven by plate + the engine number's last six. */
const OFFENCES = [
  { code: '1039', text: '机动车违反规定停放、临时停车', fine: 20000, points: 0 },
  { code: '1352', text: '机动车超过规定时速 10% 未达 20%', fine: 20000, points: 3 },
  { code: '1625', text: '驾驶机动车违反道路交通信号灯通行', fine: 20000, points: 6 },
  { code: '1345', text: '机动车不按规定车道行驶', fine: 10000, points: 3 },
];
const PLACES = ['深南大道与彩田路交叉口', '滨河大道车公庙段', '北环大道香蜜湖立交', '南海大道科技园段'];

export function trafficRoutes(residents: FixtureResident[]): Route[] {
  const vehicles = new Map(residents.flatMap((r) => r.vehicles.map((v) => [v.plate, v] as const)));
  return [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    // Dev-only, as for the utilities: fines are not paid through us yet, so nothing is ever posted here.
    { method: 'GET', path: '/postings', handle: () => ({ status: 200, body: { postings: [], counts: {} } }) },
    {
      method: 'GET',
      path: '/vehicles/:plate/violations',
      handle: ({ params, query }) => {
        const v = vehicles.get(params.plate);
        if (!v || query.get('engineNoSuffix') !== v.engineNoSuffix) {
          return { status: 404, body: { code: 'VEHICLE_NOT_FOUND', message: '号牌号码与发动机号不匹配' } };
        }
        const rand = seededRandom(`traffic:${v.plate}`);
        const n = between(rand, 0, 3);
        const violations = Array.from({ length: n }, (_x, i) => {
          const o = OFFENCES[between(rand, 0, OFFENCES.length - 1)];
          const day = between(rand, 1, 28);
          return {
            violationId: `WF${v.plate.slice(1)}${String(i + 1).padStart(3, '0')}`,
            occurredAt: `2026-${String(between(rand, 6, 10)).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(between(rand, 7, 21)).padStart(2, '0')}:${String(between(rand, 0, 59)).padStart(2, '0')}:00+08:00`,
            place: PLACES[between(rand, 0, PLACES.length - 1)],
            code: o.code,
            description: o.text,
            fine: o.fine,
            points: o.points,
            status: 'unpaid',
          };
        });
        return { status: 200, body: { plate: v.plate, violations } };
      },
    },
  ];
}
