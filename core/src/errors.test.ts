import { AppError, defaultMessage, ERROR_CODES } from './errors';

describe('error codes', () => {
  it('ask for real-name verification with a message for residents, not as something to retry', () => {
    const e = new AppError('VERIFICATION_REQUIRED');
    expect(e.toBody()).toEqual({ code: 'VERIFICATION_REQUIRED', message: defaultMessage('VERIFICATION_REQUIRED'), retryable: false });
    expect(e.message).toMatch(/实名认证/);
  });

  it('carry the case the client must tell apart as a machine-readable reason, and leave it out when there is none', () => {
    const expired = new AppError('VERIFICATION_REQUIRED', '实名认证已超过 30 分钟', { reason: 'verification_expired' });
    expect(expired.toBody()).toEqual({ code: 'VERIFICATION_REQUIRED', message: '实名认证已超过 30 分钟', retryable: false, reason: 'verification_expired' });
    expect('reason' in new AppError('NOT_FOUND').toBody()).toBe(false);
  });

  it('give every code a Chinese default message', () => {
    for (const code of ERROR_CODES) expect(defaultMessage(code)).toMatch(/[\u4e00-\u9fff]/);
  });
});
