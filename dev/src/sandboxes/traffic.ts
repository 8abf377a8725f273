import { fineLateFee, PLATE_KIND_INFO, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import type { FixtureResident, FixtureVehicle } from '../fixtures';
import type { Route } from './http';

/**
 * The traffic police (交管) sandbox. A vehicle is proven by plate + plate kind + the engine
 * number's last six, as 交管12123 asks; a mismatch and an unknown plate get the same answer, so
 * the sandbox never says whether a plate exists.
 *
 * Records are fixed data, not random: on the demo date 2026-03-10 one violation was decided 60
 * days earlier (late fee capped), one 17 days earlier (2 overdue days), one is under appeal.
 * Status moves unhandled → decided (confirm, or decided on the spot) → paid (a posting);
 * under_appeal is not payable until the appeal ends.
 *
 * Each answer about a vehicle's records says when the department last changed them
 * (`recordsUpdatedAt`, ISO 8601 +08:00): records from cameras and officers reach the system in
 * batches, days after the event, so a resident needs to know how current the list is. Seeded as
 * the overnight import before the demo date; a confirm or a payment moves it to that moment.
 */
/** The overnight import the seeded records came with (the demo date is 2026-03-10). */
export const SEEDED_RECORDS_UPDATED_AT = '2026-03-09T02:15:00+08:00';

export type ViolationStatus = 'unhandled' | 'decided' | 'paid' | 'under_appeal';

export interface SandboxViolation {
  violationId: string;
  plate: string;
  occurredAt: string;
  place: string;
  /** 违法代码 (GA 408.1) */
  code: string;
  description: string;
  /** The provision violated. */
  law: string;
  /** The provision the penalty is based on. */
  basis: string;
  /** Fen. */
  fine: number;
  points: number;
  source: 'electronic' | 'onsite';
  /** 采集机关 */
  office: string;
  /** Paths on this sandbox (public, like a department's image CDN). */
  evidence: string[];
  status: ViolationStatus;
  decisionNo?: string;
  decisionDate?: string;
  appealNote?: string;
  paidAt?: string;
  paymentRef?: string;
}

export interface TrafficPosting {
  orderId: string;
  /** The violation id: what bills call the bill. */
  billId: string;
  /** The plate: what bills call the account. */
  accountNo: string;
  decisionNo: string;
  amount: number;
  paidAt: string;
  paymentRef: string;
  /** Times the same posting arrived again (answered, not repeated). */
  repeats: number;
}

type Offence = Pick<SandboxViolation, 'code' | 'description' | 'law' | 'basis' | 'fine' | 'points'>;

const OFFENCES: Record<string, Offence> = {
  parking: {
    code: '1039',
    description: '机动车违反规定停放、临时停车，驾驶人不在现场或者虽在现场但拒绝立即驶离，妨碍其他车辆、行人通行的',
    law: '《中华人民共和国道路交通安全法》第五十六条',
    basis: '《中华人民共和国道路交通安全法》第九十三条第二款、《深圳经济特区道路交通安全违法行为处罚条例》第十九条',
    fine: 20000,
    points: 0,
  },
  lane: {
    code: '1345',
    description: '机动车不按规定车道行驶的',
    law: '《中华人民共和国道路交通安全法实施条例》第四十四条第一款',
    basis: '《中华人民共和国道路交通安全法》第九十条',
    fine: 10000,
    points: 3,
  },
  speeding: {
    code: '1352',
    description: '驾驶中型以上载客载货汽车、校车、危险物品运输车辆以外的其他机动车在高速公路以外的道路上行驶超过规定时速 10% 未达 20% 的',
    law: '《中华人民共和国道路交通安全法》第四十二条第一款',
    basis: '《中华人民共和国道路交通安全法》第九十条',
    fine: 20000,
    points: 3,
  },
  redLight: {
    code: '1625',
    description: '驾驶机动车违反道路交通信号灯通行的',
    law: '《中华人民共和国道路交通安全法》第三十八条',
    basis: '《中华人民共和国道路交通安全法》第九十条',
    fine: 20000,
    points: 6,
  },
  noYield: {
    code: '1357',
    description: '驾驶机动车行经人行横道，不按规定减速、停车、避让行人的',
    law: '《中华人民共和国道路交通安全法》第四十七条第一款',
    basis: '《中华人民共和国道路交通安全法》第九十条',
    fine: 20000,
    points: 3,
  },
};

const OFFICE = '深圳市公安局交通警察局福田大队';

/** The fixture records, per plate. Evidence images are real JPEG files under dev/assets/traffic. */
function seed(): SandboxViolation[] {
  const v = (plate: string, n: number, o: Offence, rest: Omit<SandboxViolation, 'violationId' | 'plate' | keyof Offence | 'office' | 'evidence'> & { evidence?: string[] }): SandboxViolation => {
    const violationId = `4403${plate === '粤B12345' ? '01' : '02'}26${String(n).padStart(6, '0')}`;
    return { violationId, plate, ...o, office: OFFICE, evidence: rest.evidence ?? [`/evidence/${violationId}.jpg`], ...rest };
  };
  return [
    // 粤B12345 (张晓明): one decided 60 days before 2026-03-10, one 17 days before, one to confirm, one paid.
    v('粤B12345', 1, OFFENCES.parking, {
      occurredAt: '2026-01-05T08:42:00+08:00',
      place: '福田区深南大道与彩田路交叉口东约 50 米',
      source: 'onsite',
      status: 'decided',
      decisionNo: '440304100012345678',
      decisionDate: '2026-01-09',
    }),
    v('粤B12345', 2, OFFENCES.lane, {
      occurredAt: '2026-02-16T18:15:00+08:00',
      place: '南山区滨海大道科技园段（往宝安方向）',
      source: 'electronic',
      status: 'decided',
      decisionNo: '440305100023456789',
      decisionDate: '2026-02-21',
    }),
    v('粤B12345', 3, OFFENCES.parking, {
      occurredAt: '2026-03-02T10:05:00+08:00',
      place: '福田区景田北路 18 号路段',
      source: 'electronic',
      status: 'unhandled',
    }),
    v('粤B12345', 4, OFFENCES.speeding, {
      occurredAt: '2025-11-20T14:30:00+08:00',
      place: '罗湖区北环大道香蜜湖立交（往东方向）',
      source: 'electronic',
      status: 'paid',
      decisionNo: '440303100009876543',
      decisionDate: '2025-11-28',
      paidAt: '2025-12-01T09:12:00+08:00',
      paymentRef: 'JJPAY2025120100031',
    }),
    // 粤B6D7K8 (王建国): one needing the licence holder (points), one under appeal.
    v('粤B6D7K8', 1, OFFENCES.redLight, {
      occurredAt: '2026-03-01T21:48:00+08:00',
      place: '南山区南海大道与登良路交叉口',
      source: 'electronic',
      status: 'unhandled',
    }),
    v('粤B6D7K8', 2, OFFENCES.noYield, {
      occurredAt: '2026-02-10T07:55:00+08:00',
      place: '南山区科技园南区科苑南路人行横道',
      source: 'electronic',
      status: 'under_appeal',
      decisionNo: '440305100034567890',
      decisionDate: '2026-02-20',
      appealNote: '车主已于 2026-02-25 提出申诉（称当时行人未进入人行横道），复核中，复核结束前不能缴款',
    }),
    // 粤BD12345 (王建国's electric car): nothing on record.
  ];
}

const EVIDENCE_DIR = 'traffic';

export interface TrafficDepartment {
  routes: Route[];
  /** What was posted to us, in arrival order (the dev postings listing). */
  postings(): TrafficPosting[];
  /** Read-only view of the current records (tests). */
  violations(plate?: string): SandboxViolation[];
}

/**
 * The department keeps its own state: a confirm issues a decision, a posting marks a violation
 * paid. Both are idempotent on the caller's id, because callers retry after timeouts.
 */
export function trafficDepartment(residents: FixtureResident[], opts: { assetsDir?: string; readAsset?: (name: string) => Buffer | null } = {}): TrafficDepartment {
  const vehicles = new Map<string, FixtureVehicle>(residents.flatMap((r) => r.vehicles.map((x) => [x.plate, x] as const)));
  const records = seed();
  const byId = new Map(records.map((r) => [r.violationId, r]));
  const postings = new Map<string, TrafficPosting>();
  /** Posting requests received per order id, booked or not (the dev postings report). */
  const received = new Map<string, number>();
  const postingsReport = () => {
    const counts: Record<string, { received: number; booked: number }> = {};
    for (const [orderId, n] of received) counts[orderId] = { received: n, booked: 0 };
    for (const p of postings.values()) counts[p.orderId] = { received: counts[p.orderId]?.received ?? 0, booked: (counts[p.orderId]?.booked ?? 0) + 1 };
    return { postings: [...postings.values()].map((p) => ({ ...p })), counts };
  };
  const confirms = new Map<string, string>();
  let decisions = 0;
  /** When each plate's records last changed here. */
  const updatedAt = new Map<string, string>();
  const touched = (plate: string, at: string) => updatedAt.set(plate, toShanghaiIso(new Date(at)));

  const notMatched = { status: 404, body: { code: 'VEHICLE_NOT_MATCHED', message: '号牌号码、号牌种类与发动机号后六位不匹配' } };

  /** The vehicle, if the three proofs match (plate kind as its GA code). */
  const proven = (plate: string, q: URLSearchParams | Record<string, unknown>): FixtureVehicle | undefined => {
    const get = (k: string) => (q instanceof URLSearchParams ? q.get(k) : typeof q[k] === 'string' ? (q[k] as string) : null);
    const v = vehicles.get(plate);
    if (!v) return undefined;
    if (get('plateKind') !== PLATE_KIND_INFO[v.plateKind].code) return undefined;
    if ((get('engineNoSuffix') ?? '').toUpperCase() !== v.engineNoSuffix) return undefined;
    return v;
  };

  const view = (r: SandboxViolation) => ({ ...r });

  const routes: Route[] = [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    // Dev-only, the utilities' shape (GET /api/__dev/departments/traffic/postings): fines booked, and per order id
    // the posting requests received and payments booked (never more than 1).
    { method: 'GET', path: '/postings', handle: () => ({ status: 200, body: postingsReport() }) },
    {
      method: 'GET',
      path: '/vehicles/:plate',
      handle: ({ params, query }) => {
        const v = proven(params.plate, query);
        if (!v) return notMatched;
        return { status: 200, body: { plate: v.plate, plateKind: PLATE_KIND_INFO[v.plateKind].code, vehicleType: v.vehicleTypeName, status: '正常' } };
      },
    },
    {
      method: 'GET',
      path: '/vehicles/:plate/violations',
      handle: ({ params, query }) => {
        const v = proven(params.plate, query);
        if (!v) return notMatched;
        return { status: 200, body: { plate: v.plate, recordsUpdatedAt: updatedAt.get(v.plate) ?? SEEDED_RECORDS_UPDATED_AT, violations: records.filter((r) => r.plate === v.plate).map(view) } };
      },
    },
    {
      // The resident accepts an electronic-monitoring record online; the department issues the decision.
      method: 'POST',
      path: '/violations/:violationId/confirm',
      handle: ({ params, body }) => {
        const b = (body ?? {}) as Record<string, unknown>;
        const r = byId.get(params.violationId);
        if (!r || typeof b.plate !== 'string' || r.plate !== b.plate || !proven(b.plate, b)) return notMatched;
        if (typeof b.requestId !== 'string' || typeof b.confirmedAt !== 'string' || !Number.isFinite(Date.parse(b.confirmedAt))) {
          return { status: 400, body: { code: 'BAD_REQUEST', message: 'requestId, confirmedAt required' } };
        }
        const earlier = confirms.get(b.requestId);
        if (earlier === r.violationId) return { status: 200, body: { ...view(r), duplicate: true } };
        if (r.status === 'under_appeal') return { status: 409, body: { code: 'UNDER_APPEAL', message: '该违法记录正在申诉复核中' } };
        if (r.status !== 'unhandled') return { status: 409, body: { code: 'ALREADY_DECIDED', message: '该违法记录已处理' } };
        if (r.source !== 'electronic') return { status: 422, body: { code: 'ONSITE_RECORD', message: '现场处罚记录无需确认' } };
        if (r.points > 0) {
          return { status: 422, body: { code: 'LICENCE_HOLDER_REQUIRED', message: `该违法行为记 ${r.points} 分，须由机动车驾驶人本人使用驾驶证处理` } };
        }
        decisions++;
        r.status = 'decided';
        r.decisionDate = shanghaiDate(new Date(b.confirmedAt));
        r.decisionNo = `44030410${String(90000000 + decisions).padStart(10, '0')}`;
        confirms.set(b.requestId, r.violationId);
        touched(r.plate, b.confirmedAt);
        return { status: 200, body: { ...view(r), duplicate: false } };
      },
    },
    {
      // Posting a payment is idempotent on our order id; the late fee is checked as of the payment's time.
      method: 'POST',
      path: '/payments',
      handle: ({ body }) => {
        const b = (body ?? {}) as Partial<{ orderId: string; violationId: string; plate: string; decisionNo: string; amount: number; paidAt: string }>;
        if (typeof b.orderId !== 'string' || typeof b.violationId !== 'string' || typeof b.plate !== 'string' || !Number.isInteger(b.amount) || typeof b.paidAt !== 'string' || !Number.isFinite(Date.parse(b.paidAt))) {
          return { status: 400, body: { code: 'BAD_REQUEST', message: 'orderId, violationId, plate, amount, paidAt required' } };
        }
        received.set(b.orderId, (received.get(b.orderId) ?? 0) + 1);
        const seen = postings.get(b.orderId);
        if (seen) {
          seen.repeats++;
          return { status: 200, body: { ...seen, duplicate: true } };
        }
        const r = byId.get(b.violationId);
        if (!r || r.plate !== b.plate) return { status: 404, body: { code: 'VIOLATION_NOT_FOUND', message: '违法记录不存在' } };
        if (r.status === 'paid') return { status: 409, body: { code: 'ALREADY_PAID', message: '该罚款已缴纳' } };
        if (r.status === 'under_appeal') return { status: 409, body: { code: 'UNDER_APPEAL', message: '该违法记录正在申诉复核中，不能缴款' } };
        if (r.status !== 'decided' || !r.decisionDate || !r.decisionNo) return { status: 409, body: { code: 'NOT_DECIDED', message: '尚未作出处罚决定' } };
        const due = r.fine + fineLateFee(r.fine, r.decisionDate, shanghaiDate(new Date(b.paidAt))).lateFee;
        if ((b.amount as number) < due) return { status: 422, body: { code: 'AMOUNT_MISMATCH', message: `应缴 ${due} 分` } };
        const p: TrafficPosting = {
          orderId: b.orderId,
          billId: r.violationId,
          accountNo: r.plate,
          decisionNo: r.decisionNo,
          amount: b.amount as number,
          paidAt: b.paidAt,
          paymentRef: `JJPAY${String(postings.size + 1).padStart(10, '0')}`,
          repeats: 0,
        };
        postings.set(b.orderId, p);
        r.status = 'paid';
        r.paidAt = b.paidAt;
        r.paymentRef = p.paymentRef;
        touched(r.plate, b.paidAt);
        return { status: 200, body: { ...p, duplicate: false } };
      },
    },
    {
      method: 'GET',
      path: '/evidence/:file',
      public: true,
      handle: ({ params }) => {
        const m = /^(\d{14})\.jpg$/.exec(params.file);
        const bytes = m && byId.has(m[1]) ? opts.readAsset?.(`${EVIDENCE_DIR}/evidence-${byId.get(m[1])!.code}.jpg`) : null;
        if (!bytes) return { status: 404, body: { code: 'NO_IMAGE', message: 'no such image' } };
        return { status: 200, body: bytes, contentType: 'image/jpeg' };
      },
    },
  ];

  return {
    routes,
    postings: () => [...postings.values()].map((p) => ({ ...p })),
    violations: (plate) => records.filter((r) => !plate || r.plate === plate).map(view),
  };
}
