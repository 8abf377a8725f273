import { ZHANG } from '../../testing/stack';
import { defineDevFlow, NOON, seeded } from '../attack';

/** A face verification passed in the FaceID sandbox, read back by the server. */
export const insuranceAttack = defineDevFlow({
  fn: 'insurance',
  async seed(stack) {
    const as = { openid: ZHANG.openid, now: NOON };
    const started = seeded<{ verificationId: string; bizToken: string }>(await stack.call('insurance', { action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }, as), 'verify');
    await fetch(`${stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
    seeded(await stack.call('insurance', { action: 'verification', verificationId: started.verificationId }, as), 'verification');
    return { verificationId: started.verificationId };
  },
  secrets: (o) => ({ verificationId: [o.verificationId] }),
  recipes: {
    // Starting a verification with someone else's name and number proves nothing: the face check does.
    verify: { body: () => ({ action: 'verify', name: ZHANG.name, idNumber: ZHANG.idNumber }), replay: 'own', mayEcho: ['holderName'] },
    verification: { body: (o) => ({ action: 'verification', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
    summary: { body: (o) => ({ action: 'summary', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
    records: { body: (o) => ({ action: 'records', insurance: 'pension', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
    accessLog: { body: () => ({ action: 'accessLog' }), replay: 'own' },
    eligibility: { body: (o) => ({ action: 'eligibility', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
    // Another resident's verification never posts a check for anyone.
    eligibilityCheck: { body: (o) => ({ action: 'eligibilityCheck', verificationId: o.verificationId }), replay: 'NOT_FOUND' },
  },
});
