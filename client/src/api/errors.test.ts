import type { ErrorBody } from '@bianmin/core';
import { ApiError, readEnvelope } from './errors';

describe('readEnvelope', () => {
  it('keeps the reason the server gives beside the code, for the page to tell cases apart', () => {
    const r = readEnvelope({ ok: false, error: { code: 'VERIFICATION_REQUIRED', message: '实名认证已超过 30 分钟', retryable: false, reason: 'verification_expired' } });
    expect(r).toEqual({ ok: false, error: { code: 'VERIFICATION_REQUIRED', message: '实名认证已超过 30 分钟', retryable: false, reason: 'verification_expired' } });
    expect(new ApiError((r as { error: ErrorBody }).error).reason).toBe('verification_expired');
  });

  it('drops a reason this build does not know, and one that is not a string: the code alone decides', () => {
    for (const reason of ['made_up', 42, null]) {
      const r = readEnvelope({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁', retryable: true, reason } });
      expect(r).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁', retryable: true } });
    }
  });
});
