import type { ErrorCode } from './errors';

/** The HTTP status of an envelope (the local gateway, the admin HTTP function); the body is the envelope either way. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  VERIFICATION_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_CLOSED: 503,
  SERVICE_MAINTENANCE: 503,
  DEPARTMENT_UNAVAILABLE: 503,
  DEPARTMENT_ERROR: 502,
  PAYMENT_FAILED: 402,
  INTERNAL: 500,
};
