/**
 * The words of social insurance that the client and the server share, free of zod so that the
 * mini-program can use them without carrying it.
 */
/** The five social insurances (五险), in the order the bureau and residents list them. */
export const INSURANCE_TYPES = ['pension', 'medical', 'unemployment', 'injury', 'maternity'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];

export const INSURANCE_NAMES: Record<InsuranceType, string> = {
  pension: '养老保险',
  medical: '医疗保险',
  unemployment: '失业保险',
  injury: '工伤保险',
  maternity: '生育保险',
};

/** Enrolment status as the bureau states it. */
export const INSURANCE_STATUSES = ['active', 'suspended', 'terminated'] as const;
export type InsuranceStatus = (typeof INSURANCE_STATUSES)[number];
export const INSURANCE_STATUS_NAMES: Record<InsuranceStatus, string> = { active: '参保缴费', suspended: '暂停', terminated: '终止' };

/** A month's contribution: paid on time, still owed, paid later (补缴), or no record at all (a gap). */
export type MonthStatus = 'paid' | 'unpaid' | 'backpaid' | 'gap';

/** How long a passed face verification lets a resident read their insurance data. */
export const VERIFICATION_TTL_MINUTES = 30;
/** Records are kept by the bureau for this many months back; one request spans at most this many. */
export const RECORD_WINDOW_MONTHS = 36;

/**
 * How the face check runs: `wechat` is WeChat's own 人脸核身 2.0 (`wx.requestFacialVerify`, the
 * mini-program's way for a government account), `faceid` is Tencent Cloud 慧眼 (its h5 page: the
 * h5 app's way, and the fallback). Here, free of the contract's zod schemas, so that the server's
 * configuration can name them without pulling the ID-number rules into every function bundle.
 */
export const FACE_METHODS = ['wechat', 'faceid'] as const;
export type FaceMethod = (typeof FACE_METHODS)[number];
