import { type Clock, maskName, parseInstant, type ProviderId, shanghaiDate, systemClock, utilityLateFee } from '@bianmin/core';
import type { FixtureResident, FixtureUtilityAccount } from '../fixtures';
import type { Route } from './http';
import { between, seededRandom } from './seeded';

/**
 * Water company, power grid and gas company sandboxes. Each speaks its own account-number
 * format and bills monthly with tiered (阶梯) prices, the way the real utilities publish them.
 * Prices are integer fen per unit; usage is whole units, so every line is exact.
 */
export interface UtilityProfile {
  providerId: ProviderId;
  unit: 'm³' | 'kWh';
  accountNo: RegExp;
  tiers: Array<{ upTo: number | null; unitPrice: number; name: string }>;
  usage: [number, number];
  /** Bills are issued on the 1st and due on this day of the following month. */
  dueDay: number;
  /** Prepay meters: the smallest top-up and the step above it, fen (the power grid's counter rules). */
  topup?: { minimum: number; step: number };
}

export const PROFILES: Record<ProviderId, UtilityProfile> = {
  water: {
    providerId: 'water',
    unit: 'm³',
    accountNo: /^\d{9}$/,
    tiers: [
      { upTo: 22, unitPrice: 345, name: '第一阶梯' },
      { upTo: 30, unitPrice: 518, name: '第二阶梯' },
      { upTo: null, unitPrice: 690, name: '第三阶梯' },
    ],
    usage: [9, 38],
    dueDay: 20,
  },
  power: {
    providerId: 'power',
    unit: 'kWh',
    accountNo: /^\d{13}$/,
    tiers: [
      { upTo: 260, unitPrice: 68, name: '第一档' },
      { upTo: 600, unitPrice: 73, name: '第二档' },
      { upTo: null, unitPrice: 98, name: '第三档' },
    ],
    usage: [120, 720],
    dueDay: 15,
    topup: { minimum: 1000, step: 100 },
  },
  gas: {
    providerId: 'gas',
    unit: 'm³',
    accountNo: /^[A-Z]{2}\d{8}$/,
    tiers: [
      { upTo: 34, unitPrice: 350, name: '第一阶梯' },
      { upTo: 50, unitPrice: 420, name: '第二阶梯' },
      { upTo: null, unitPrice: 525, name: '第三阶梯' },
    ],
    usage: [6, 58],
    dueDay: 25,
  },
};

export interface SandboxBillLine {
  name: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

export interface SandboxBill {
  billId: string;
  accountNo: string;
  period: string;
  usage: number;
  unit: string;
  lines: SandboxBillLine[];
  amount: number;
  issuedOn: string;
  dueDate: string;
  status: 'unpaid' | 'paid';
  paidAt?: string;
  paymentRef?: string;
}

export interface SandboxTopup {
  orderId: string;
  accountNo: string;
  amount: number;
  paidAt: string;
  /** The meter's balance just before and just after this top-up, fen: the department's to say. */
  balanceBefore: number;
  balanceAfter: number;
  paymentRef: string;
}

export interface SandboxPayment {
  orderId: string;
  billId: string;
  amount: number;
  paidAt: string;
  paymentRef: string;
}

function tieredLines(usage: number, profile: UtilityProfile): SandboxBillLine[] {
  const lines: SandboxBillLine[] = [];
  let floor = 0;
  for (const t of profile.tiers) {
    const cap = t.upTo ?? Infinity;
    const q = Math.max(0, Math.min(usage, cap) - floor);
    if (q > 0) {
      const range = t.upTo === null ? `${floor} ${profile.unit} 以上` : `${floor}–${t.upTo} ${profile.unit}`;
      lines.push({ name: `${t.name}（${range}）`, quantity: q, unit: profile.unit, unitPrice: t.unitPrice, amount: q * t.unitPrice });
    }
    floor = cap;
    if (usage <= cap) break;
  }
  return lines;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The `months` periods before the one containing `asOf` (a Shanghai date), oldest first. */
function lastPeriods(asOf: string, months: number): string[] {
  const [y, m] = asOf.split('-').map(Number);
  const out: string[] = [];
  for (let i = months; i >= 1; i--) {
    const idx = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`);
  }
  return out;
}

function nextMonth(period: string, day: number): string {
  const [y, m] = period.split('-').map(Number);
  const idx = y * 12 + m; // the month after `period`, zero-based month index
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}-${pad(day)}`;
}

/** Names compare as people write them: NFC, no spaces, and the middle dot of names like 阿依古丽·买买提 in any of its forms. */
function sameName(given: string, holder: string): boolean {
  const norm = (n: string) => n.normalize('NFC').replace(/\s+/g, '').replace(/[·•・‧]/g, '·');
  return norm(given) === norm(holder);
}

/** `clock`: the department's own today, for a request that names no `asOf` (the local stack's clock). */
export function utilityRoutes(profile: UtilityProfile, residents: FixtureResident[], clock: Clock = systemClock): Route[] {
  const accounts = new Map<string, FixtureUtilityAccount>();
  for (const r of residents) for (const a of r.utilityAccounts) if (a.providerId === profile.providerId) accounts.set(a.accountNo, a);
  /** Payments the department has posted, by our order id: posting twice is answered, not repeated. */
  const payments = new Map<string, SandboxPayment>();
  const paidBills = new Map<string, SandboxPayment>();
  /** Every posting request that reached the route, by order id: how often we asked, against `payments` (booked once). */
  const received = new Map<string, number>();
  /** Prepay meters' balances as they move, fen; top-ups booked by our order id (booked once). */
  const balances = new Map<string, number>();
  for (const a of accounts.values()) if (a.prepaidBalance !== undefined) balances.set(a.accountNo, a.prepaidBalance);
  const topups = new Map<string, SandboxTopup>();
  const prepay = (a: FixtureUtilityAccount) =>
    profile.topup && balances.has(a.accountNo) ? { prepaidBalance: balances.get(a.accountNo)!, topup: profile.topup } : {};

  const billsFor = (a: FixtureUtilityAccount, asOf: string): SandboxBill[] => {
    const periods = lastPeriods(asOf, 12);
    return periods.map((period, i) => {
      const rand = seededRandom(`${profile.providerId}:${a.accountNo}:${period}`);
      const usage = between(rand, profile.usage[0], profile.usage[1]);
      const lines = tieredLines(usage, profile);
      const billId = `${profile.providerId.toUpperCase()}-${a.accountNo}-${period.replace('-', '')}`;
      const paid = paidBills.get(billId);
      // The last `unpaidMonths` periods start unpaid; older ones were paid at the counter.
      const unpaid = !paid && i >= periods.length - a.unpaidMonths;
      return {
        billId,
        accountNo: a.accountNo,
        period,
        usage,
        unit: profile.unit,
        lines,
        amount: lines.reduce((s, l) => s + l.amount, 0),
        issuedOn: nextMonth(period, 1),
        dueDate: nextMonth(period, profile.dueDay),
        status: unpaid ? 'unpaid' : 'paid',
        ...(paid ? { paidAt: paid.paidAt, paymentRef: paid.paymentRef } : {}),
      };
    });
  };

  const asOfOf = (q: URLSearchParams) => {
    const v = q.get('asOf');
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : shanghaiDate(clock.now());
  };

  const notFound = { status: 404, body: { code: 'ACCOUNT_NOT_FOUND', message: '户号不存在' } };

  return [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/accounts/:accountNo',
      handle: ({ params }) => {
        if (!profile.accountNo.test(params.accountNo)) return { status: 400, body: { code: 'BAD_ACCOUNT_NO', message: '户号格式错误' } };
        const a = accounts.get(params.accountNo);
        if (!a) return notFound;
        return {
          status: 200,
          body: {
            accountNo: a.accountNo,
            holderName: maskName(a.holderName),
            address: a.address,
            ...prepay(a),
          },
        };
      },
    },
    {
      // Proof before disclosure, as the utilities' own apps ask it: the holder's full name must
      // match before the department says anything about the household (the address above all).
      method: 'POST',
      path: '/accounts/:accountNo/verify',
      handle: ({ params, body }) => {
        const b = body as { holderName?: unknown } | undefined;
        if (!b || typeof b.holderName !== 'string' || !b.holderName.trim()) return { status: 400, body: { code: 'BAD_REQUEST', message: 'holderName required' } };
        if (!profile.accountNo.test(params.accountNo)) return { status: 400, body: { code: 'BAD_ACCOUNT_NO', message: '户号格式错误' } };
        const a = accounts.get(params.accountNo);
        if (!a) return notFound;
        if (sameName(b.holderName, a.holderName) === false) return { status: 422, body: { code: 'HOLDER_MISMATCH', message: '户主姓名不符' } };
        return {
          status: 200,
          body: {
            accountNo: a.accountNo,
            holderName: maskName(a.holderName),
            address: a.address,
            ...prepay(a),
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/accounts/:accountNo/bills',
      handle: ({ params, query }) => {
        const a = accounts.get(params.accountNo);
        if (!a) return notFound;
        return { status: 200, body: { accountNo: a.accountNo, bills: billsFor(a, asOfOf(query)).reverse() } };
      },
    },
    {
      // The last 12 months' usage and amounts in one answer, oldest first, with the tier
      // thresholds the prices step at (per month, as the bills price them): what the power
      // grid's own app charts. One call, not one bill lookup per month.
      method: 'GET',
      path: '/accounts/:accountNo/usage',
      handle: ({ params, query }) => {
        const a = accounts.get(params.accountNo);
        if (!a) return notFound;
        return {
          status: 200,
          body: {
            accountNo: a.accountNo,
            unit: profile.unit,
            tiers: profile.tiers.map((t) => ({ name: t.name, upTo: t.upTo })),
            months: billsFor(a, asOfOf(query)).map((b) => ({ period: b.period, usage: b.usage, amount: b.amount })),
          },
        };
      },
    },
    {
      // A prepay meter's top-up, idempotent on our order id like a bill's posting: asked again
      // (a retry after a timeout), it answers the first booking and the balance moves once. The
      // department's own rules (minimum, step) are checked here too: it is their counter.
      method: 'POST',
      path: '/topups',
      handle: ({ body }) => {
        const b = body as Partial<{ orderId: string; accountNo: string; amount: number; paidAt: string }> | undefined;
        if (!b || typeof b.orderId !== 'string' || typeof b.accountNo !== 'string' || !Number.isInteger(b.amount) || typeof b.paidAt !== 'string' || !parseInstant(b.paidAt)) {
          return { status: 400, body: { code: 'BAD_REQUEST', message: 'orderId, accountNo, amount, paidAt required' } };
        }
        received.set(b.orderId, (received.get(b.orderId) ?? 0) + 1);
        const seen = topups.get(b.orderId);
        if (seen) return { status: 200, body: { ...seen, duplicate: true } };
        const a = accounts.get(b.accountNo);
        if (!a) return notFound;
        const rules = profile.topup;
        if (!rules || !balances.has(a.accountNo)) return { status: 422, body: { code: 'NOT_PREPAID', message: '该户不是预付费电表，不能预存' } };
        const amount = b.amount as number;
        if (amount < rules.minimum || amount % rules.step !== 0) {
          return { status: 422, body: { code: 'BAD_TOPUP_AMOUNT', message: `预存金额最少 ${rules.minimum} 分，且为 ${rules.step} 分的整数倍` } };
        }
        const before = balances.get(a.accountNo)!;
        const t: SandboxTopup = {
          orderId: b.orderId,
          accountNo: a.accountNo,
          amount,
          paidAt: b.paidAt as string,
          balanceBefore: before,
          balanceAfter: before + amount,
          paymentRef: `${profile.providerId.toUpperCase()}TOP${String(topups.size + 1).padStart(8, '0')}`,
        };
        balances.set(a.accountNo, t.balanceAfter);
        topups.set(b.orderId, t);
        return { status: 200, body: { ...t, duplicate: false } };
      },
    },
    {
      // A top-up as the department booked it (the receipt's balance before → after).
      method: 'GET',
      path: '/topups/:orderId',
      handle: ({ params }) => {
        const t = topups.get(params.orderId);
        return t ? { status: 200, body: t } : { status: 404, body: { code: 'TOPUP_NOT_FOUND', message: '没有这笔预存' } };
      },
    },
    {
      // Posting a payment is idempotent on our order id: a retry after a timeout gets the same answer.
      // The department books a payment in the period it was paid in: `paidAt` (the resident's
      // payment time) must fall on or after the bill was issued and not after the department's
      // today, and the amount must cover the bill with its late fee as of that day (one day's
      // grace for a payment begun before midnight). A posting dated with the day it is posted
      // instead of the day it was paid is refused as WRONG_PERIOD once the late fee has grown.
      method: 'POST',
      path: '/payments',
      handle: ({ body, query }) => {
        const b = body as Partial<{ orderId: string; accountNo: string; billId: string; amount: number; paidAt: string }> | undefined;
        const paidAt = typeof b?.paidAt === 'string' ? parseInstant(b.paidAt) : null;
        if (!b || typeof b.orderId !== 'string' || typeof b.billId !== 'string' || typeof b.accountNo !== 'string' || !Number.isInteger(b.amount) || !paidAt) {
          return { status: 400, body: { code: 'BAD_REQUEST', message: 'orderId, accountNo, billId, amount, paidAt required' } };
        }
        received.set(b.orderId, (received.get(b.orderId) ?? 0) + 1);
        const seen = payments.get(b.orderId);
        if (seen) return { status: 200, body: { ...seen, duplicate: true } };
        const a = accounts.get(b.accountNo);
        if (!a) return notFound;
        const today = asOfOf(query);
        const bill = billsFor(a, today).find((x) => x.billId === b.billId);
        if (!bill) return { status: 404, body: { code: 'BILL_NOT_FOUND', message: '账单不存在' } };
        if (bill.status === 'paid') return { status: 409, body: { code: 'BILL_ALREADY_PAID', message: '账单已缴清' } };
        const paidOn = shanghaiDate(paidAt);
        if (paidOn > today || paidOn < bill.issuedOn) {
          return { status: 422, body: { code: 'WRONG_PERIOD', message: `缴费时间 ${paidOn} 不在账单 ${bill.period} 的缴费期内` } };
        }
        const dayBefore = shanghaiDate(new Date(paidAt.getTime() - 86_400_000));
        const owed = bill.amount + utilityLateFee(bill.amount, bill.dueDate, dayBefore < bill.issuedOn ? paidOn : dayBefore).lateFee;
        if ((b.amount as number) < owed) {
          return { status: 422, body: { code: 'WRONG_PERIOD', message: `缴费金额不足以结清 ${paidOn} 的应缴金额（含违约金）` } };
        }
        const p: SandboxPayment = {
          orderId: b.orderId,
          billId: b.billId,
          amount: b.amount as number,
          paidAt: b.paidAt as string,
          paymentRef: `${profile.providerId.toUpperCase()}PAY${String(payments.size + 1).padStart(8, '0')}`,
        };
        payments.set(b.orderId, p);
        paidBills.set(b.billId, p);
        return { status: 200, body: { ...p, duplicate: false } };
      },
    },
    {
      // Dev-only: what this department received and booked, for tests that count postings.
      method: 'GET',
      path: '/postings',
      handle: () => {
        const report = postingsReport(payments, received);
        if (!profile.topup) return { status: 200, body: report };
        // Top-ups are bookings too: counted per order id beside the bills' (never more than 1).
        for (const t of topups.values()) report.counts[t.orderId] = { received: report.counts[t.orderId]?.received ?? 0, booked: (report.counts[t.orderId]?.booked ?? 0) + 1 };
        return { status: 200, body: { ...report, topups: [...topups.values()] } };
      },
    },
  ];
}

export interface PostingsReport {
  /** Booked payments, in the order they were booked. */
  postings: SandboxPayment[];
  /** Per order id: posting requests received, and payments booked (must never exceed 1). */
  counts: Record<string, { received: number; booked: number }>;
}

export function postingsReport(booked: Map<string, SandboxPayment>, received: Map<string, number>): PostingsReport {
  const counts: PostingsReport['counts'] = {};
  for (const [orderId, n] of received) counts[orderId] = { received: n, booked: 0 };
  const postings = [...booked.values()];
  for (const p of postings) counts[p.orderId] = { received: counts[p.orderId]?.received ?? 0, booked: (counts[p.orderId]?.booked ?? 0) + 1 };
  return { postings, counts };
}
