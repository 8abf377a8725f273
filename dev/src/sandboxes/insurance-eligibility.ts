import { type Clock, eligibilityState, parseInstant, shanghaiDate } from '@bianmin/core';
import type { FixtureInsurance } from '../fixtures';
import type { Route, SandboxReply } from './http';

/**
 * The bureau's 待遇资格认证 (pension eligibility check) service. A retiree's last check is read by
 * the bureau's person id; a check done elsewhere (our app, after its face verification) is posted
 * with the integrator's own reference, which the bureau keeps: posting the same reference again
 * answers the first check and records nothing new. The bureau stops the pension once a check is
 * long overdue and starts it again with the next check.
 */

export type EligibilityChannel = NonNullable<FixtureInsurance['eligibility']>['channel'];

export interface EligibilityPerson {
  personId: string;
  /** Only retirees drawing a pension here are checked. */
  pensioner: boolean;
  eligibility?: FixtureInsurance['eligibility'];
}

interface Check {
  checkNo: string;
  personId: string;
  checkedOn: string;
  channel: EligibilityChannel;
}

const bad = (message: string): SandboxReply => ({ status: 400, body: { code: 'BAD_REQUEST', message } });
const notFound: SandboxReply = { status: 404, body: { code: 'PERSON_NOT_FOUND', message: '未查询到参保信息' } };
const REFERENCE = /^[A-Za-z0-9_-]{8,64}$/;

export function eligibilityRoutes(people: (personId: string) => EligibilityPerson | undefined, clock: Clock): Route[] {
  // The bureau's own record: the fixtures' last check, moved by every check posted since.
  const last = new Map<string, { lastCheckedOn: string; channel: EligibilityChannel }>();
  const byReference = new Map<string, Check>();
  let seq = 0;
  const lastOf = (p: EligibilityPerson) => last.get(p.personId) ?? p.eligibility;

  return [
    {
      method: 'GET',
      path: '/persons/:personId/eligibility',
      handle: ({ params, query }) => {
        const p = people(params.personId);
        if (!p) return notFound;
        const l = lastOf(p);
        if (!p.pensioner || !l) return { status: 200, body: { personId: p.personId, required: false } };
        const asOf = query.get('asOf');
        const today = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : shanghaiDate(clock.now());
        const suspended = eligibilityState(l.lastCheckedOn, today).status === 'suspended';
        return { status: 200, body: { personId: p.personId, required: true, lastCheckedOn: l.lastCheckedOn, channel: l.channel, paymentStatus: suspended ? 'suspended' : 'normal' } };
      },
    },
    {
      method: 'POST',
      path: '/persons/:personId/eligibility/checks',
      handle: ({ params, body }) => {
        const p = people(params.personId);
        if (!p) return notFound;
        const b = body as { reference?: unknown; checkedAt?: unknown; method?: unknown; channel?: unknown } | undefined;
        if (!b || typeof b.reference !== 'string' || !REFERENCE.test(b.reference)) return bad('reference required: 8–64 of [A-Za-z0-9_-]');
        if (typeof b.checkedAt !== 'string' || !parseInstant(b.checkedAt)) return bad('checkedAt must be an ISO 8601 instant with its offset');
        if (b.method !== 'face') return bad('method must be face');
        if (b.channel !== 'app') return bad('channel must be app');
        const seen = byReference.get(b.reference);
        if (seen) {
          // The same reference for another person is the integrator's bug, never a second check.
          if (seen.personId !== p.personId) return { status: 409, body: { code: 'REFERENCE_REUSED', message: '该业务流水号已用于其他人员' } };
          return { status: 200, body: seen };
        }
        if (!p.pensioner || !lastOf(p)) return { status: 409, body: { code: 'NOT_PENSIONER', message: '该人员未领取养老保险待遇，无需认证' } };
        const checkedOn = shanghaiDate(parseInstant(b.checkedAt)!);
        const check: Check = { checkNo: `RZ${checkedOn.replace(/-/g, '')}${String(++seq).padStart(6, '0')}`, personId: p.personId, checkedOn, channel: 'app' };
        byReference.set(b.reference, check);
        last.set(p.personId, { lastCheckedOn: checkedOn, channel: 'app' });
        return { status: 200, body: check };
      },
    },
  ];
}
