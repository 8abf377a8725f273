import { adminInput } from '@bianmin/core/admin/contract';
import { listAudit, listOperators } from '../audit/list';
import { healthHistory } from '../health/history';
import { endNotice, listNotices, publishNotice } from '../notices/publish';
import { listDifferences, resolveDifference } from '../queues/differences';
import { retryRefund, stuckRefunds } from '../queues/refunds';
import { ticketQueue } from '../queues/tickets';
import { listSchedules, setSchedule, withdrawSchedule } from '../schedules/versions';
import { defineAdmin } from './define';
import { me, signIn, signInUrl, signOut } from './sign-in';
import { wecomSignIn } from './wecom';

/**
 * The operator console's actions: who may call each (define.ts) and the command it runs. The
 * authorization matrix and the fuzz suite are generated from this table (dev/src/attack/admin-*).
 */
export const adminFunction = defineAdmin(adminInput, {
  signInUrl: { access: 'public', run: signInUrl },
  signIn: { access: 'public', run: signIn },
  me: { access: 'read', run: me },
  signOut: { access: 'read', run: signOut },
  'notices.publish': { access: 'write', run: publishNotice },
  'notices.end': { access: 'write', run: endNotice },
  'notices.list': { access: 'read', run: listNotices },
  'schedules.list': { access: 'read', run: listSchedules },
  'schedules.set': { access: 'write', run: setSchedule },
  'schedules.withdraw': { access: 'write', run: withdrawSchedule },
  'queues.refunds': { access: 'read', run: stuckRefunds },
  'queues.retryRefund': { access: 'write', run: retryRefund },
  'queues.differences': { access: 'read', run: listDifferences },
  'queues.resolveDifference': { access: 'write', run: resolveDifference },
  'queues.tickets': { access: 'read', run: ticketQueue },
  'health.history': { access: 'read', run: healthHistory },
  'audit.list': { access: 'audit', run: listAudit },
  'operators.list': { access: 'audit', run: listOperators },
}, (config) => (config.wecom ? { wecom: wecomSignIn(config.wecom) } : {}));
