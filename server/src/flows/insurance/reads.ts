import {
  AppError,
  type BureauDataAge,
  INSURANCE_NAMES,
  INSURANCE_STATUS_NAMES,
  type InsuranceRecords,
  type InsuranceSummary,
  type InsuranceType,
  maskIdNumber,
  maskName,
  type MonthRecord,
  shanghaiDate,
  toShanghaiIso,
} from '@bianmin/core';
import type { Fetched } from '../../departments/client';
import { listAccess, recordRead } from './access-log';
import { type BureauRecords, bureauFor, NOT_KNOWN_MESSAGE } from './bureau';
import type { ResidentContext } from '../../runtime/types';
import { requireLiveVerification, type VerificationRow } from './verification';


/** The bureau's id for the verified person, or a plain answer that it has none. */
function personOf(v: VerificationRow): string {
  if (!v.personRef) throw new AppError('NOT_FOUND', NOT_KNOWN_MESSAGE);
  return v.personRef;
}

function age(f: Fetched<{ dataUpTo: string }>): BureauDataAge {
  return { fetchedAt: toShanghaiIso(f.fetchedAt), stale: f.stale, dataUpTo: f.data.dataUpTo };
}

const verificationOf = (v: VerificationRow) => ({ verificationId: v.id, expiresAt: toShanghaiIso(v.accessExpiresAt!) });

/** Insured status, the five insurances, balances and years: the summary page. */
export async function readInsuranceSummary(ctx: ResidentContext, input: { verificationId?: string }): Promise<InsuranceSummary> {
  const v = await requireLiveVerification(ctx, input.verificationId);
  const fetched = await bureauFor(ctx.deps).summary(personOf(v), shanghaiDate(ctx.clock.now()));
  const s = fetched.data;
  await recordRead(ctx, v, 'summary', '查看参保概况');
  return {
    holder: { nameMasked: maskName(s.name), idNumberMasked: maskIdNumber(s.idNumber), idNumber: s.idNumber },
    insured: s.insured,
    city: s.city,
    insurances: s.insurances.map((i) => ({
      type: i.type,
      name: INSURANCE_NAMES[i.type],
      status: i.status,
      statusName: INSURANCE_STATUS_NAMES[i.status],
      startMonth: i.startMonth,
      ...(i.contributionsEndMonth ? { contributionsEndMonth: i.contributionsEndMonth } : {}),
    })),
    balances: s.accounts,
    totalMonths: s.totalMonths,
    ...(s.retirement ? { retirement: s.retirement } : {}),
    ...(s.currentEmployer ? { currentEmployer: s.currentEmployer } : {}),
    ...age(fetched),
    verification: verificationOf(v),
  };
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * Every month of the range in which contributions were due, newest first: the bureau lists only
 * months it has a record for, so a month it does not list is shown as what it is — a gap.
 * Months before the first contribution or after contributions ended (retirement) are not gaps.
 */
export function monthsWithGaps(r: BureauRecords): MonthRecord[] {
  const byMonth = new Map(r.months.map((m) => [m.month, m] as const));
  const first = Math.max(monthIndex(r.from), monthIndex(r.startMonth));
  const last = Math.min(monthIndex(r.to), r.contributionsEndMonth ? monthIndex(r.contributionsEndMonth) : Infinity);
  const out: MonthRecord[] = [];
  for (let i = last; i >= first; i--) {
    const m = byMonth.get(monthOf(i));
    out.push(m ? { ...m } : { month: monthOf(i), status: 'gap' });
  }
  return out;
}

/** One insurance's monthly records (or a retiree's pension payments) over at most 36 months. */
export async function readInsuranceRecords(
  ctx: ResidentContext,
  input: { insurance: InsuranceType; from?: string; to?: string; verificationId?: string },
): Promise<InsuranceRecords> {
  const v = await requireLiveVerification(ctx, input.verificationId);
  const fetched = await bureauFor(ctx.deps).records(personOf(v), input.insurance, shanghaiDate(ctx.clock.now()), { from: input.from, to: input.to });
  const r = fetched.data;
  if (r.insurance !== input.insurance) throw new AppError('DEPARTMENT_ERROR', '社保系统返回了与查询不符的数据，请稍后再试。');
  const name = INSURANCE_NAMES[input.insurance];
  await recordRead(ctx, v, 'records', `查看${name}缴费记录（${r.from} 至 ${r.to}）`);
  return {
    insurance: r.insurance,
    name,
    from: r.from,
    to: r.to,
    months: monthsWithGaps(r),
    totals: r.totals,
    ...(r.payments ? { payments: [...r.payments].sort((a, b) => (a.month < b.month ? 1 : -1)) } : {}),
    ...age(fetched),
    verification: verificationOf(v),
  };
}

/** Every read of the resident's insurance data in the last year, newest first. */
export async function listAccessLog(ctx: ResidentContext) {
  const v = await requireLiveVerification(ctx);
  return { entries: await listAccess(ctx, v) };
}
