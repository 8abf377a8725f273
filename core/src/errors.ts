import type { Availability } from './availability-types';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'VERIFICATION_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_CLOSED',
  'SERVICE_MAINTENANCE',
  'DEPARTMENT_UNAVAILABLE',
  'DEPARTMENT_ERROR',
  'PAYMENT_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why, where one code covers cases the client must tell apart (never read from the message,
 * which is a resident's words and may change): a verification none yet or one whose 30 minutes
 * ran out; which kind of attempt hit its rate limit.
 */
export const ERROR_REASONS = [
  /** VERIFICATION_REQUIRED: no live real-name verification (none yet, or the last one failed). */
  'verification_required',
  /** VERIFICATION_REQUIRED: the last verification's 30 minutes are over. */
  'verification_expired',
  /** RATE_LIMITED: too many failed proofs of an account (a household's holder, a vehicle's engine number). */
  'rate_limited_proofs',
  /** RATE_LIMITED: too many face verifications started. */
  'rate_limited_verifications',
  /** RATE_LIMITED: too many face verifications failed. */
  'rate_limited_failed_verifications',
  /** RATE_LIMITED: too many photos read (OCR). */
  'rate_limited_reads',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ErrorBody {
  code: ErrorCode;
  /** Plain Simplified Chinese for a resident: what happened and what to do next. */
  message: string;
  retryable: boolean;
  /** Which case of the code, where the client must tell them apart (ERROR_REASONS). */
  reason?: ErrorReason;
  availability?: Availability;
  /** Field path → what is wrong with it (INVALID_INPUT). */
  fields?: Record<string, string>;
  /** When a retry is likely to succeed (ISO 8601, +08:00), if known. */
  retryAt?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Codes a resident can fix by waiting and trying again. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'RATE_LIMITED',
  'SERVICE_CLOSED',
  'SERVICE_MAINTENANCE',
  'DEPARTMENT_UNAVAILABLE',
  'INTERNAL',
]);

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的信息有误，请检查后重试。',
  UNAUTHENTICATED: '请先登录后再使用此服务。',
  // Not retryable as is: the client turns it into the verify step (name, ID number, face check).
  VERIFICATION_REQUIRED: '为保护您的个人信息，请先完成实名认证（人脸核验）后再查看。',
  FORBIDDEN: '您无权查看或操作此内容。',
  NOT_FOUND: '没有找到相关记录，请刷新后重试。',
  CONFLICT: '该操作与已有记录冲突，请刷新后查看最新状态。',
  RATE_LIMITED: '操作太频繁，请稍后再试。',
  SERVICE_CLOSED: '该服务当前不在办理时间内。',
  SERVICE_MAINTENANCE: '该服务正在维护。',
  DEPARTMENT_UNAVAILABLE: '办理这项业务的单位暂时连不上，请稍后再试。',
  DEPARTMENT_ERROR: '办理这项业务的单位暂时出了问题，请稍后再试。',
  PAYMENT_FAILED: '支付未成功，您的钱款未被扣除，请重试。',
  INTERNAL: '系统开了个小差，请稍后再试。',
};

/**
 * The one error type a resident can cause or meet. Thrown anywhere in the domain; turned
 * into the envelope in exactly one place (the action runtime).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly reason?: ErrorReason;
  readonly fields?: Record<string, string>;
  readonly availability?: Availability;
  readonly retryAt?: string;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: { retryable?: boolean; reason?: ErrorReason; fields?: Record<string, string>; availability?: Availability; retryAt?: string; cause?: unknown } = {},
  ) {
    super(message ?? DEFAULT_MESSAGES[code], extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = extra.retryable ?? RETRYABLE.has(code);
    this.reason = extra.reason;
    this.fields = extra.fields;
    this.availability = extra.availability;
    this.retryAt = extra.retryAt;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.reason) body.reason = this.reason;
    if (this.fields) body.fields = this.fields;
    if (this.availability) body.availability = this.availability;
    if (this.retryAt) body.retryAt = this.retryAt;
    return body;
  }
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** The envelope for an error nobody anticipated: never leaks what went wrong inside. */
export function internalErrorBody(): ErrorBody {
  return { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL, retryable: true };
}
