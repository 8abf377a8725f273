import { fixedClock } from '@bianmin/core';
import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { sandboxContentCheck } from '../content/sandbox';
import { silentLogger } from '../log';
import { recordingNotifier } from '../notify/notifier';
import { payableKinds } from '../payments/kinds';
import { unavailablePaymentProvider } from '../payments/provider';
import type { CallContext, Deps } from './types';

/** Deps for unit tests: no database, no departments, unless a test supplies them. */
export function testDeps(over: Partial<Deps> = {}): Deps {
  return {
    db: () => Promise.reject(new Error('no database in this test')),
    log: silentLogger,
    departments: {},
    calendar: chineseDaysCalendar(),
    notifier: recordingNotifier(),
    payments: unavailablePaymentProvider(),
    payables: payableKinds([]),
    storage: { read: () => Promise.reject(new Error('no storage in this test')), stat: () => Promise.reject(new Error('no storage in this test')), displayUrl: () => Promise.reject(new Error('no storage in this test')) },
    contentCheck: sandboxContentCheck(),
    ...over,
  };
}

export function testContext(now: string, opts: { openid?: string | null; deps?: Partial<Deps> } = {}): CallContext {
  const openid = opts.openid === undefined ? 'oResident000001' : opts.openid;
  return {
    caller: openid ? { openid, source: 'test' } : null,
    clock: fixedClock(now),
    deps: testDeps(opts.deps),
    log: silentLogger,
    requestId: 'test',
  };
}
