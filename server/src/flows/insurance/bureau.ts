import { AppError, INSURANCE_STATUSES, INSURANCE_TYPES, type InsuranceType } from '@bianmin/core';
import { z } from 'zod';
import { type DepartmentClient, DepartmentRejection, type Fetched } from '../../departments/client';
import { departmentApi, type DepartmentsDeps } from '../../departments/index';

/**
 * The social insurance bureau's API as we use it. A person is looked up once, by ID number and
 * name in a POST body; every read after that names only the bureau's opaque person id, so the
 * ID number never appears in a URL, a cache key or a log line. Every answer is validated: an
 * amount that is not integer fen is the bureau's error, never the resident's record.
 */
const fen = z.number().int().nonnegative();
const month = z.string().regex(/^\d{4}-\d{2}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const lookupSchema = z.object({ personId: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/) });

export const bureauSummarySchema = z.object({
  personId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  insured: z.boolean(),
  city: z.string(),
  insurances: z.array(
    z.object({
      type: z.enum(INSURANCE_TYPES),
      status: z.enum(INSURANCE_STATUSES),
      startMonth: month,
      contributionsEndMonth: month.optional(),
      /** Months still owed. */
      arrears: z.array(month).default([]),
      /** Months since the first without any contribution (断缴). */
      breaks: z.array(month).default([]),
    }),
  ),
  accounts: z.object({ pension: fen, medical: fen }),
  totalMonths: z.number().int().nonnegative(),
  dataUpTo: month,
  retirement: z.object({ retiredOn: month, monthlyPension: fen }).optional(),
  currentEmployer: z.string().optional(),
});

export const bureauRecordsSchema = z.object({
  personId: z.string(),
  insurance: z.enum(INSURANCE_TYPES),
  /** The months in which contributions are due: outside them a missing month is no gap. */
  startMonth: month,
  contributionsEndMonth: month.optional(),
  from: month,
  to: month,
  dataUpTo: month,
  months: z.array(
    z.object({
      month,
      status: z.enum(['paid', 'unpaid', 'backpaid']),
      base: fen,
      employer: fen,
      personal: fen,
      employerName: z.string(),
      /** The person paid it themselves (灵活就业): none of it is employer money. */
      payer: z.enum(['employer', 'self']).default('employer'),
      paidOn: date.optional(),
    }),
  ),
  totals: z.object({ employer: fen, personal: fen, paidMonths: z.number().int().nonnegative() }),
  payments: z.array(z.object({ month, amount: fen, paidOn: date })).optional(),
});

/** 待遇资格认证: a retiree's last check as the bureau records it; `required: false` for anyone not drawing a pension. */
export const bureauEligibilitySchema = z.discriminatedUnion('required', [
  z.object({ personId: z.string(), required: z.literal(false) }),
  z.object({
    personId: z.string(),
    required: z.literal(true),
    lastCheckedOn: date,
    /** How it was done: community (社区上门), counter (窗口), mobile (the bureau's own app), app (an integrator's). */
    channel: z.string().min(1).max(32),
    /** The bureau has stopped the pension until the next check. */
    paymentStatus: z.enum(['normal', 'suspended']),
  }),
]);

export const bureauCheckSchema = z.object({ checkNo: z.string().min(1).max(64), personId: z.string(), checkedOn: date, channel: z.string() });

export type BureauSummary = z.infer<typeof bureauSummarySchema>;
export type BureauEligibility = z.infer<typeof bureauEligibilitySchema>;
export type BureauCheck = z.infer<typeof bureauCheckSchema>;
export type BureauRecords = z.infer<typeof bureauRecordsSchema>;

export interface BureauApi {
  /** The bureau's id for the person, or null when it has no record of them. */
  lookup(idNumber: string, name: string): Promise<string | null>;
  /** `asOf`: the Shanghai date of the call (the bureau's posting schedule depends on it). */
  summary(personId: string, asOf: string): Promise<Fetched<BureauSummary>>;
  /** Without `from`/`to` the bureau answers its whole window (36 months up to its newest posting). */
  records(personId: string, insurance: InsuranceType, asOf: string, range: { from?: string; to?: string }): Promise<Fetched<BureauRecords>>;
  /** The last 待遇资格认证; `allowStale` for a resident's read (the job wants the bureau's answer or nothing). */
  eligibility(personId: string, asOf: string, opts?: { allowStale?: boolean }): Promise<Fetched<BureauEligibility>>;
  /**
   * Posts a check done in the app. `reference` is ours (the verification's): the bureau records
   * one check per reference, so a retry after a lost answer gets the same check, never a second.
   */
  postCheck(personId: string, check: { reference: string; checkedAt: string }): Promise<BureauCheck>;
}

export const NOT_KNOWN_MESSAGE = '市人力资源和社会保障局没有查到您的参保记录。如果您在外地参保，请向参保地查询；如有疑问请拨打 12333。';

/** The bureau's considered refusals, in words for the resident; its own codes stay in the log. */
function refusal(e: unknown): unknown {
  if (e instanceof DepartmentRejection && e.status === 404) return new AppError('NOT_FOUND', NOT_KNOWN_MESSAGE);
  if (e instanceof DepartmentRejection) return new AppError('DEPARTMENT_ERROR', '社保系统暂时无法处理该查询，请稍后再试。', { retryable: true, cause: e });
  return e;
}

async function mapped<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw refusal(e);
  }
}

export function bureauApi(client: DepartmentClient): BureauApi {
  const enc = encodeURIComponent;
  return {
    async lookup(idNumber, name) {
      try {
        // A POST because the ID number must not be in a URL; the lookup changes nothing, so the
        // client's retry for idempotent writes is safe.
        return (await client.write('/persons/lookup', { idNumber, name }, lookupSchema)).personId;
      } catch (e) {
        if (e instanceof DepartmentRejection && e.status === 404) return null;
        throw refusal(e);
      }
    },
    // Served marked stale for a few minutes when the bureau is down (the client's stale window).
    summary: (personId, asOf) => mapped(client.read(`/persons/${enc(personId)}/summary?asOf=${enc(asOf)}`, bureauSummarySchema, { allowStale: true })),
    records: (personId, insurance, asOf, { from, to }) =>
      mapped(
        client.read(
          `/persons/${enc(personId)}/records/${insurance}?asOf=${enc(asOf)}${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`,
          bureauRecordsSchema,
          { allowStale: true },
        ),
      ),
    eligibility: (personId, asOf, opts = {}) =>
      mapped(client.read(`/persons/${enc(personId)}/eligibility?asOf=${enc(asOf)}`, bureauEligibilitySchema, { allowStale: opts.allowStale ?? false })),
    async postCheck(personId, check) {
      try {
        return await client.write(`/persons/${enc(personId)}/eligibility/checks`, { ...check, method: 'face', channel: 'app' }, bureauCheckSchema, {
          changes: [`/persons/${enc(personId)}/eligibility`],
        });
      } catch (e) {
        if (e instanceof DepartmentRejection && e.departmentCode === 'NOT_PENSIONER') {
          throw new AppError('CONFLICT', '社保系统显示您目前未领取养老保险待遇，无需进行待遇资格认证。');
        }
        throw refusal(e);
      }
    },
  };
}

/** The social insurance bureau's typed client. */
export const bureauFor = (deps: DepartmentsDeps): BureauApi => departmentApi(deps, 'insurance', bureauApi);
