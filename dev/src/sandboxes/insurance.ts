import { divRoundHalfUp, INSURANCE_TYPES, type InsuranceStatus, type InsuranceType, RECORD_WINDOW_MONTHS, shanghaiDate, systemClock, type Clock } from '@bianmin/core';
import { createHash } from 'node:crypto';
import type { FixtureResident } from '../fixtures';
import type { Route, SandboxReply } from './http';
import { eligibilityRoutes } from './insurance-eligibility';
import { between, seededRandom } from './seeded';

/**
 * The city's social insurance bureau (人社局). Integrators look a person up once by ID number and
 * name and get the bureau's opaque person id; every later read names only that id, so no ID
 * number travels in a URL (where proxies and access logs would keep it).
 *
 * The data is deterministic, computed from the fixtures and the `asOf` date of each request
 * (the caller's clock): the bureau posts last month's records around the 20th, so on 10 March
 * the newest month it has is January, and on 25 March it is February.
 */

export type SandboxMonthStatus = 'paid' | 'unpaid' | 'backpaid';

export interface SandboxMonthRecord {
  month: string;
  status: SandboxMonthStatus;
  base: number;
  employer: number;
  personal: number;
  employerName: string;
  /** Who paid: an employer, or the person themselves (灵活就业, flexible employment). */
  payer: 'employer' | 'self';
  paidOn?: string;
}

/** Contribution rates in basis points of the base (Shenzhen's, rounded to what a resident sees on a statement). */
export const RATES_BP: Record<InsuranceType, { employer: number; personal: number }> = {
  pension: { employer: 1600, personal: 800 },
  medical: { employer: 500, personal: 200 },
  unemployment: { employer: 70, personal: 30 },
  injury: { employer: 40, personal: 0 },
  maternity: { employer: 50, personal: 0 },
};

/** The day of the month on which the bureau has posted the previous month's records. */
export const POSTING_DAY = 20;

const pad = (n: number) => String(n).padStart(2, '0');
export const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
export const monthOf = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;

/** The newest month the bureau has posted as of a Shanghai date. */
export function dataUpTo(asOf: string): string {
  const back = Number(asOf.slice(8, 10)) >= POSTING_DAY ? 1 : 2;
  return monthOf(monthIndex(asOf.slice(0, 7)) - back);
}

interface Story {
  since: string;
  /** Last month of contributions (retirement), if they have stopped. */
  contributionsEnd?: string;
  employerAt(month: string): string;
  /** null = no record for that month (a gap); otherwise how it was paid. */
  paymentOf(type: InsuranceType, month: string, upTo: string): { status: SandboxMonthStatus; paidOn?: string; employerName?: string; base?: number; payer?: 'self' } | null;
  statusOf(type: InsuranceType): { status: InsuranceStatus; contributionsEndMonth?: string };
  retiredOn?: string;
}

const paidNextMonth = (month: string, day: number) => `${monthOf(monthIndex(month) + 1)}-${pad(day)}`;

/** The three months the `gap` profile had no employer, and the day two of its insurances were back-paid. */
export const GAP_MONTHS = ['2025-01', '2025-02', '2025-03'];
export const BACKPAID_ON = '2025-08-12';
const MINIMUM_BASE = 236_000; // fen: Shenzhen's lowest contribution base for flexible employment

function storyOf(r: FixtureResident): Story | null {
  const since = r.insurance.since;
  switch (r.insurance.profile) {
    case 'worker':
      return {
        since,
        employerAt: (m) => (m < '2019-03' ? '深圳市莲花电子有限公司' : '深圳市景田科技有限公司'),
        paymentOf: (_t, m) => ({ status: 'paid', paidOn: paidNextMonth(m, 15) }),
        statusOf: () => ({ status: 'active' }),
      };
    case 'gap':
      return {
        since,
        employerAt: (m) => (m < GAP_MONTHS[0] ? '深圳市南山精密制造有限公司' : '深圳市粤海数据服务有限公司'),
        paymentOf: (t, m, upTo) => {
          if (GAP_MONTHS.includes(m)) {
            // Between jobs: pension and medical were back-paid later as flexible employment;
            // the employer-only insurances cannot be, so those months stay gaps.
            return t === 'pension' || t === 'medical' ? { status: 'backpaid', paidOn: BACKPAID_ON, employerName: '个人补缴（灵活就业）', base: MINIMUM_BASE, payer: 'self' } : null;
          }
          // The new employer pays late: the newest posted month is still owed.
          if (m === upTo) return { status: 'unpaid' };
          return { status: 'paid', paidOn: paidNextMonth(m, 15) };
        },
        statusOf: () => ({ status: 'active' }),
      };
    case 'retiree': {
      const end = '2008-09';
      return {
        since,
        contributionsEnd: end,
        retiredOn: monthOf(monthIndex(end) + 1),
        employerAt: () => '深圳市罗湖纺织厂',
        paymentOf: (_t, m) => (m <= end ? { status: 'paid', paidOn: paidNextMonth(m, 15) } : null),
        // Retirees keep medical cover without contributing; the others end with the job.
        statusOf: (t) => ({ status: t === 'medical' ? 'active' : 'terminated', contributionsEndMonth: end }),
      };
    }
    case 'unknown':
      return null;
  }
}

export interface BureauPerson {
  personId: string;
  resident: FixtureResident;
  story: Story;
}

/** The bureau's id for a person: stable, opaque, not derived in any way a client could reverse. */
export function personIdOf(idNumber: string): string {
  return `SZ${createHash('sha256').update(`bureau-person:${idNumber}`).digest('hex').slice(0, 16).toUpperCase()}`;
}

/** The contribution base of a base year (July to June), whole yuan in fen. */
function baseFor(r: FixtureResident, month: string): number {
  const y = Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) < 7 ? 1 : 0);
  const rand = seededRandom(`insurance-base:${r.idNumber}:${y}`);
  const [lo, hi] = r.insurance.profile === 'gap' ? [4_000, 7_000] : [6_000, 14_000];
  return between(rand, lo, hi) * 100;
}

export function monthRecord(p: BureauPerson, type: InsuranceType, month: string, upTo: string): SandboxMonthRecord | null {
  const s = p.story;
  if (month < s.since || month > upTo) return null;
  if (s.contributionsEnd && month > s.contributionsEnd) return null;
  const pay = s.paymentOf(type, month, upTo);
  if (!pay) return null;
  const base = pay.base ?? baseFor(p.resident, month);
  const rate = RATES_BP[type];
  // Flexible employment (灵活就业) has no employer: the person pays both parts, and the bureau
  // books it all as theirs — never as 单位 money.
  const self = pay.payer === 'self';
  return {
    month,
    status: pay.status,
    base,
    employer: self ? 0 : divRoundHalfUp(base * rate.employer, 10_000),
    personal: self ? divRoundHalfUp(base * (rate.employer + rate.personal), 10_000) : divRoundHalfUp(base * rate.personal, 10_000),
    employerName: pay.employerName ?? s.employerAt(month),
    payer: self ? 'self' : 'employer',
    ...(pay.paidOn ? { paidOn: pay.paidOn } : {}),
  };
}

/** Every record from the first month up to `upTo`, oldest first. */
function history(p: BureauPerson, type: InsuranceType, upTo: string): SandboxMonthRecord[] {
  const out: SandboxMonthRecord[] = [];
  for (let i = monthIndex(p.story.since); i <= monthIndex(upTo); i++) {
    const rec = monthRecord(p, type, monthOf(i), upTo);
    if (rec) out.push(rec);
  }
  return out;
}

const counted = (r: SandboxMonthRecord) => r.status !== 'unpaid';

/** A retiree's monthly pension in a year: 2 480 yuan in 2009, raised 5% each January. */
function monthlyPension(year: number): number {
  let a = 248_000;
  for (let y = 2010; y <= year; y++) a += divRoundHalfUp(a * 5, 100);
  return a;
}

/**
 * The personal account balance: the personal parts paid in. The bureau also credits interest
 * each year; the sandbox leaves it out so that a test can check the sum. A retiree's account is
 * drawn down by 1/195 a month (the divisor for retiring at 50).
 */
function balances(p: BureauPerson, upTo: string): { pension: number; medical: number } {
  const paidIn = history(p, 'pension', upTo).filter(counted).reduce((s, r) => s + r.personal, 0);
  let pension = paidIn;
  if (p.story.retiredOn) {
    const months = monthIndex(upTo) - monthIndex(p.story.retiredOn) + 1;
    pension = Math.max(0, paidIn - months * divRoundHalfUp(paidIn, 195));
  }
  const rand = seededRandom(`insurance-medical:${p.resident.idNumber}:${upTo}`);
  return { pension, medical: between(rand, 500, 20_000) * 100 };
}

/**
 * What a person owes and where their record breaks, per insurance, over all the months
 * contributions were due (from the first, up to the newest posted or the last before retiring):
 * the bureau's own summary says it, so that nobody reads "参保缴费" over an owed month.
 */
function standing(p: BureauPerson, type: InsuranceType, upTo: string): { arrears: string[]; breaks: string[] } {
  const end = p.story.contributionsEnd && p.story.contributionsEnd < upTo ? p.story.contributionsEnd : upTo;
  const arrears: string[] = [];
  const breaks: string[] = [];
  for (let i = monthIndex(p.story.since); i <= monthIndex(end); i++) {
    const rec = monthRecord(p, type, monthOf(i), upTo);
    if (!rec) breaks.push(monthOf(i));
    else if (rec.status === 'unpaid') arrears.push(monthOf(i));
  }
  return { arrears, breaks };
}

export function summaryOf(p: BureauPerson, asOf: string) {
  const upTo = dataUpTo(asOf);
  const s = p.story;
  const retired = s.retiredOn && s.retiredOn <= upTo;
  return {
    personId: p.personId,
    name: p.resident.name,
    idNumber: p.resident.idNumber,
    insured: true,
    city: p.resident.insurance.city,
    insurances: INSURANCE_TYPES.map((type) => ({ type, startMonth: s.since, ...s.statusOf(type), ...standing(p, type, upTo) })),
    accounts: balances(p, upTo),
    totalMonths: history(p, 'pension', upTo).filter(counted).length,
    dataUpTo: upTo,
    ...(retired ? { retirement: { retiredOn: s.retiredOn, monthlyPension: monthlyPension(Number(upTo.slice(0, 4))) } } : { currentEmployer: s.employerAt(upTo) }),
  };
}

/**
 * One insurance's months over a range of at most 36 (RECORD_WINDOW_MONTHS) — any range of the
 * person's history, so earlier years are reachable a window at a time. Without `from` it is the
 * 36 months before `to` (the newest posted month by default).
 */
export function recordsOf(p: BureauPerson, type: InsuranceType, asOf: string, range: { from?: string; to?: string }) {
  const upTo = dataUpTo(asOf);
  const to = range.to && range.to < upTo ? range.to : upTo;
  const earliest = monthOf(monthIndex(to) - (RECORD_WINDOW_MONTHS - 1));
  const from = range.from && range.from > earliest ? range.from : earliest;
  const months: SandboxMonthRecord[] = [];
  for (let i = monthIndex(to); i >= monthIndex(from); i--) {
    const rec = monthRecord(p, type, monthOf(i), upTo);
    if (rec) months.push(rec);
  }
  const paid = months.filter(counted);
  const payments =
    type === 'pension' && p.story.retiredOn
      ? Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, k) => monthOf(monthIndex(to) - k))
          .filter((m) => m >= p.story.retiredOn!)
          .map((m) => ({ month: m, amount: monthlyPension(Number(m.slice(0, 4))), paidOn: `${m}-10` }))
      : undefined;
  const status = p.story.statusOf(type);
  return {
    personId: p.personId,
    insurance: type,
    startMonth: p.story.since,
    ...(status.contributionsEndMonth ? { contributionsEndMonth: status.contributionsEndMonth } : {}),
    from,
    to,
    dataUpTo: upTo,
    months,
    totals: { employer: paid.reduce((s, r) => s + r.employer, 0), personal: paid.reduce((s, r) => s + r.personal, 0), paidMonths: paid.length },
    ...(payments ? { payments } : {}),
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const bad = (message: string): SandboxReply => ({ status: 400, body: { code: 'BAD_REQUEST', message } });
const notFound: SandboxReply = { status: 404, body: { code: 'PERSON_NOT_FOUND', message: '未查询到参保信息' } };

/** `clock`: the bureau's own today, for a request that names no `asOf` (the local stack's clock). */
export function insuranceRoutes(residents: FixtureResident[], clock: Clock = systemClock): Route[] {
  const byIdNumber = new Map<string, BureauPerson>();
  const byPersonId = new Map<string, BureauPerson>();
  for (const r of residents) {
    const story = storyOf(r);
    if (!story) continue;
    const p = { personId: personIdOf(r.idNumber), resident: r, story };
    byIdNumber.set(r.idNumber, p);
    byPersonId.set(p.personId, p);
  }
  const asOfOf = (q: URLSearchParams) => {
    const v = q.get('asOf');
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : shanghaiDate(clock.now());
  };
  const eligibilityPerson = (personId: string) => {
    const p = byPersonId.get(personId);
    return p && { personId, pensioner: p.resident.insurance.profile === 'retiree', eligibility: p.resident.insurance.eligibility };
  };
  return [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    ...eligibilityRoutes(eligibilityPerson, clock),
    {
      // ID number and name travel in the body; the answer is the bureau's id for the person.
      method: 'POST',
      path: '/persons/lookup',
      handle: ({ body }) => {
        const b = body as { idNumber?: unknown; name?: unknown } | undefined;
        if (!b || typeof b.idNumber !== 'string' || typeof b.name !== 'string') return bad('idNumber and name required');
        const p = byIdNumber.get(b.idNumber);
        // A wrong name answers exactly like an unknown number: the bureau is no oracle for names.
        if (!p || p.resident.name !== b.name) return notFound;
        return { status: 200, body: { personId: p.personId } };
      },
    },
    {
      method: 'GET',
      path: '/persons/:personId/summary',
      handle: ({ params, query }) => {
        const p = byPersonId.get(params.personId);
        return p ? { status: 200, body: summaryOf(p, asOfOf(query)) } : notFound;
      },
    },
    {
      method: 'GET',
      path: '/persons/:personId/records/:insurance',
      handle: ({ params, query }) => {
        const p = byPersonId.get(params.personId);
        if (!p) return notFound;
        if (!(INSURANCE_TYPES as readonly string[]).includes(params.insurance)) return bad(`unknown insurance ${params.insurance}`);
        const from = query.get('from') ?? undefined;
        const to = query.get('to') ?? undefined;
        if ((from && !MONTH.test(from)) || (to && !MONTH.test(to))) return bad('from/to must be YYYY-MM');
        return { status: 200, body: recordsOf(p, params.insurance as InsuranceType, asOfOf(query), { from, to }) };
      },
    },
  ];
}
