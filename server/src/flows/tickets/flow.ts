import { ticketsContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, PEAK_FILE_BYTES, STORAGE_CALL_MS, TICKET_MEDIA_MS, TICKET_PLATFORM_ATTEMPT_MS, WECHAT_CALL_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { agentStatus } from './agent';
import { listCategories } from './categories';
import { ticketsJobs } from './jobs';
import { ticketsReceivers } from './receivers';
import { listTickets, rateTicket, reopenTicket, showTicket } from './respond';
import { ownTicket } from './store';
import { recordTicketSubscription } from './subscribe';
import { submitTicket } from './submit';

/**
 * 12345 complaints and consultations: file (never lost while the platform is down), follow,
 * rate, reopen, and reach a person. `submit` declares no service guard on purpose: a ticket is
 * saved and filed later when the platform is down, never refused.
 */
export const ticketsFlow = defineFlow({
  contract: ticketsContract,
  purpose: '12345 complaints and consultations: filing (files and texts checked), following, rating, reopening',
  subjects: { ticket: { from: 'ticketId', load: ownTicket } },
  actions: {
    categories: { auth: 'public', run: listCategories },
    submit: { run: submitTicket, familyWhat: '提交 12345 诉求' },
    tickets: { run: listTickets, familyWhat: '查看诉求' },
    ticket: { subject: 'ticket', run: showTicket, familyWhat: '查看诉求详情' },
    rate: { subject: 'ticket', service: 'tickets.submit', run: rateTicket, familyWhat: '评价办理结果' },
    reopen: { subject: 'ticket', service: 'tickets.submit', run: reopenTicket, familyWhat: '申请重新办理' },
    agent: { run: agentStatus, familyWhat: '联系人工客服' },
    // No service guard: counting a grant touches no department, and a resident who just filed while
    // the platform was down must not lose the grant WeChat already gave.
    subscribed: { run: recordTicketSubscription, familyWhat: '订阅诉求进展' },
  },
  // submit: the files (sizes, then bytes) within their deadline, the two texts' content checks one
  // after the other, the photos' mediaCheckAsync in parallel (a display URL, then the call), one
  // bounded attempt at the platform. rate / reopen: one department write.
  budget: () => TICKET_MEDIA_MS + 2 * WECHAT_CALL_MS + (STORAGE_CALL_MS + WECHAT_CALL_MS) + TICKET_PLATFORM_ATTEMPT_MS + DATABASE_ALLOWANCE_MS,
  jobs: ticketsJobs,
  receivers: ticketsReceivers,
  family: 'tickets',
  deployment: {
    openapi: ['security.msgSecCheck', 'security.mediaCheckAsync'],
    env: { optional: ['TICKET_TEMPLATE_ID'] },
    peakFileBytes: PEAK_FILE_BYTES.tickets,
  },
});
