import type { Availability, ErrorBody, ErrorCode, ErrorReason } from '@bianmin/core';
import { ERROR_CODES, ERROR_REASONS } from '@bianmin/core/errors';

/** How a call failed before a function could answer (no envelope came back). */
export type TransportFailure = 'network' | 'timeout' | 'garbage';

/**
 * The one error a page meets from callFunction(): either the function's own error envelope,
 * or a transport failure dressed as one, so pages handle a single shape. `message` is always
 * plain Chinese fit to show a resident as-is.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Which case of the code (ERROR_REASONS), where the page must tell them apart. */
  readonly reason?: ErrorReason;
  readonly fields?: Record<string, string>;
  readonly availability?: Availability;
  readonly retryAt?: string;
  /** Set when nothing usable came back from the server at all. */
  readonly transport?: TransportFailure;
  /** Marker that survives transpiled `extends Error` (instanceof can fail on old runtimes). */
  readonly isApiError = true;

  constructor(body: ErrorBody, transport?: TransportFailure) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.retryable = body.retryable;
    this.reason = body.reason;
    this.fields = body.fields;
    this.availability = body.availability;
    this.retryAt = body.retryAt;
    this.transport = transport;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && (e as { isApiError?: unknown }).isApiError === true;
}

const TRANSPORT_MESSAGES: Record<TransportFailure, string> = {
  network: '网络连接不上，请检查手机网络后重试。',
  timeout: '网络较慢，请求超时了，请稍后重试。',
  garbage: '服务暂时无法使用，请稍后再试。',
};

export function transportError(kind: TransportFailure): ApiError {
  return new ApiError({ code: 'INTERNAL', message: TRANSPORT_MESSAGES[kind], retryable: true }, kind);
}

/** Anything a page catches becomes an ApiError, so a page never shows a raw JS message. */
export function toApiError(e: unknown): ApiError {
  return isApiError(e) ? e : transportError('garbage');
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const KNOWN_REASONS: ReadonlySet<string> = new Set(ERROR_REASONS);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Reads an answer as the envelope of ARCHITECTURE.md §2 without trusting it: a proxy's HTML
 * error page, an empty body or a half-formed object is not an envelope.
 */
export function readEnvelope(x: unknown): { ok: true; data: unknown } | { ok: false; error: ErrorBody } | null {
  if (!isRecord(x)) return null;
  if (x.ok === true && 'data' in x) return { ok: true, data: x.data };
  if (x.ok !== false || !isRecord(x.error)) return null;
  const e = x.error;
  if (typeof e.code !== 'string' || typeof e.message !== 'string' || e.message === '') return null;
  const body: ErrorBody = {
    code: KNOWN_CODES.has(e.code) ? (e.code as ErrorCode) : 'INTERNAL',
    message: e.message,
    retryable: typeof e.retryable === 'boolean' ? e.retryable : false,
  };
  // A reason this build does not know is dropped: the page then goes by the code alone.
  if (typeof e.reason === 'string' && KNOWN_REASONS.has(e.reason)) body.reason = e.reason as ErrorReason;
  if (isRecord(e.fields)) body.fields = e.fields as Record<string, string>;
  if (isRecord(e.availability)) body.availability = e.availability as unknown as Availability;
  if (typeof e.retryAt === 'string') body.retryAt = e.retryAt;
  return { ok: false, error: body };
}
