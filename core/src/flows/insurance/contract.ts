import { z } from 'zod';
import { defineContract } from '../../contract';
import { idNumberSchema, realNameSchema } from '../../identity';
import type { EligibilityStatus } from './eligibility';
import { FACE_METHODS, type FaceMethod, INSURANCE_TYPES, type InsuranceStatus, type InsuranceType, type MonthStatus, RECORD_WINDOW_MONTHS } from '../../insurance-terms';

export * from '../../insurance-terms';
export * from './eligibility';

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);
const verificationId = uuid('认证编号 verificationId').optional();

const month = (what: string) =>
  z
    .string({ error: `请提供${what}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${what}应为 YYYY-MM 格式的月份，如 2026-01`);

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const insuranceInput = {
  verify: z.object({
    name: realNameSchema,
    idNumber: idNumberSchema,
    /** @default 'faceid' — what every client before the WeChat method sent. */
    method: z.enum(FACE_METHODS, { error: `认证方式 method 应为 ${FACE_METHODS.join(' | ')}` }).default('faceid'),
  }),
  verification: z.object({ verificationId }),
  summary: z.object({ verificationId }),
  records: z
    .object({
      insurance: z.enum(INSURANCE_TYPES, { error: `险种 insurance 应为 ${INSURANCE_TYPES.join(' | ')}` }),
      from: month('起始月份 from').optional(),
      to: month('截止月份 to').optional(),
      verificationId,
    })
    .superRefine((v, ctx) => {
      if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '起始月份不能晚于截止月份' });
      else if (v.from && v.to && monthIndex(v.to) - monthIndex(v.from) >= RECORD_WINDOW_MONTHS) {
        ctx.addIssue({ code: 'custom', path: ['from'], message: `一次最多查询 ${RECORD_WINDOW_MONTHS} 个月` });
      }
    }),
  accessLog: z.object({}),
  /** A retiree's 待遇资格认证: when it is due and where it stands. */
  eligibility: z.object({ verificationId }),
  /** The 待遇资格认证 done in the app: the face verification named (live, passed) is posted to the bureau as the check. */
  eligibilityCheck: z.object({ verificationId: uuid('认证编号 verificationId') }),
};

export type VerificationStatus = 'pending' | 'passed' | 'failed' | 'abandoned' | 'expired';

export interface VerificationView {
  verificationId: string;
  /** How the face check runs (or ran). */
  method: FaceMethod;
  status: VerificationStatus;
  /** 张*明 */
  nameMasked: string;
  /** 4403**********123X */
  idNumberMasked: string;
  createdAt: string;
  /** pending: when the face-check link stops working; passed: when access ends and the resident verifies again. */
  expiresAt: string;
  decidedAt?: string;
  /** Why it failed, in words for the resident (failed / abandoned / expired). */
  message?: string;
}

/** A face check started: what the client needs to run it, by method. */
export type VerifyResult =
  | {
      verificationId: string;
      method: 'faceid';
      /** FaceID's token. */
      bizToken: string;
      /** The face-check page (h5; the sandbox page locally). */
      url: string;
      expiresAt: string;
    }
  | {
      verificationId: string;
      method: 'wechat';
      /** WeChat's verify_id: the mini-program passes it to `wx.requestFacialVerify`. */
      verifyId: string;
      expiresAt: string;
    };

export interface InsuranceView {
  type: InsuranceType;
  name: string;
  status: InsuranceStatus;
  statusName: string;
  /** YYYY-MM */
  startMonth: string;
  /** Contributions stop here (retirement, leaving the city); absent while contributing. */
  contributionsEndMonth?: string;
  /** Months still owed (欠缴), oldest first. */
  owedMonths: string[];
  /** Months since the first without any contribution (断缴), oldest first. */
  gapMonths: string[];
}

/** What every answer built from the bureau's data says about that data. */
export interface BureauDataAge {
  /** When the bureau produced it (ISO 8601, +08:00). */
  fetchedAt: string;
  /** True when the bureau could not be reached and this is its last answer (a few minutes old at most). */
  stale: boolean;
  /** The last month the bureau has posted (it posts last month's records around the 20th). */
  dataUpTo: string;
}

export interface InsuranceSummary extends BureauDataAge {
  holder: {
    nameMasked: string;
    idNumberMasked: string;
    /** In full, for the reveal-on-tap: only ever sent to the verified person. */
    idNumber: string;
  };
  insured: boolean;
  city: string;
  insurances: InsuranceView[];
  /** Personal account balances, fen. */
  balances: { pension: number; medical: number };
  /** Months of pension contributions counted so far. */
  totalMonths: number;
  /** A retiree draws a pension instead of contributing. */
  retirement?: { retiredOn: string; monthlyPension: number };
  currentEmployer?: string;
  verification: { verificationId: string; expiresAt: string };
}

export interface MonthRecord {
  month: string;
  status: MonthStatus;
  /** Fen; absent in a gap. */
  base?: number;
  employer?: number;
  personal?: number;
  employerName?: string;
  /** Who paid: the person themselves (灵活就业) pays it all, and none of it is 单位 money. */
  payer?: 'employer' | 'self';
  /** When it was paid (YYYY-MM-DD); for 补缴 months, long after the month itself. */
  paidOn?: string;
}

export interface PensionPayment {
  month: string;
  /** Fen. */
  amount: number;
  paidOn: string;
}

export interface InsuranceRecords extends BureauDataAge {
  insurance: InsuranceType;
  name: string;
  from: string;
  to: string;
  /** The first month contributions were due: records before it do not exist (not gaps). */
  startMonth: string;
  /** Contributions ended here (retirement): nothing is due after it. */
  contributionsEndMonth?: string;
  /** Every month from `to` back to `from`, newest first; months without a record are gaps. */
  months: MonthRecord[];
  /** The bureau's own totals over the same months (paid and back-paid), fen. */
  totals: { employer: number; personal: number; paidMonths: number };
  /** A retiree's pension, newest first (pension only). */
  payments?: PensionPayment[];
  verification: { verificationId: string; expiresAt: string };
}

export type AccessAction = 'summary' | 'records' | 'eligibility';

export interface AccessLogEntry {
  at: string;
  action: AccessAction;
  /** 查看参保概况 / 查看养老保险缴费记录（2023-02 至 2026-01） */
  description: string;
  verificationId: string;
  /** False when the read came from another WeChat account verified as the same person. */
  thisAccount: boolean;
}

/** A retiree's 待遇资格认证 as the bureau has it, and what it means today. */
export interface EligibilityView {
  status: EligibilityStatus;
  /** 已认证 / 即将到期 / 已逾期 / 养老金已暂停发放 */
  statusName: string;
  /** The last check the bureau recorded (YYYY-MM-DD). */
  lastCheckedOn: string;
  /** How it was done: 手机认证, 社区上门认证… (the bureau's words). */
  lastCheckedBy: string;
  /** The deadline: 12 months after the last check (YYYY-MM-DD). */
  dueBy: string;
  /** Whole days to the deadline; negative once past it. */
  daysLeft: number;
  /** When the bureau said it (ISO 8601 +08:00); `stale` when it could not be asked and this is its last answer. */
  fetchedAt: string;
  stale: boolean;
}

export type EligibilityResult =
  | ({ required: true } & EligibilityView)
  /** Not drawing a pension from this city's bureau: no check is needed. */
  | { required: false; message: string };

/** What each action answers. */
export interface InsuranceOutputs {
  verify: VerifyResult;
  verification: { verification: VerificationView | null };
  summary: InsuranceSummary;
  records: InsuranceRecords;
  accessLog: { entries: AccessLogEntry[] };
  eligibility: EligibilityResult;
  eligibilityCheck: { eligibility: { required: true } & EligibilityView; checkNo: string };
}

/** Social insurance: real-name verification, then the resident's own records, and the log of every read. */
export const insuranceContract = defineContract<InsuranceOutputs>()({
  name: 'insurance',
  inputs: insuranceInput,
  services: ['insurance.query'],
  departments: ['insurance'],
});
