import { AppError, defaultMessage, ERROR_CODES } from './errors';

describe('error codes', () => {
  it('ask for real-name verification with a message for residents, not as something to retry', () => {
    const e = new AppError('VERIFICATION_REQUIRED');
    expect(e.toBody()).toEqual({ code: 'VERIFICATION_REQUIRED', message: defaultMessage('VERIFICATION_REQUIRED'), retryable: false });
    expect(e.message).toMatch(/实名认证/);
  });

  it('give every code a Chinese default message', () => {
    for (const code of ERROR_CODES) expect(defaultMessage(code)).toMatch(/[\u4e00-\u9fff]/);
  });
});
