import { ticketsInput } from '@bianmin/core/flows/tickets/contract';
import { defineFunction } from '@bianmin/server/runtime/define';
import { agentStatus } from '@bianmin/server/tickets/agent';
import { listCategories } from '@bianmin/server/tickets/categories';
import { listTickets, rateTicket, reopenTicket, showTicket } from '@bianmin/server/tickets/respond';
import { ownTicket } from '@bianmin/server/tickets/store';
import { recordTicketSubscription } from '@bianmin/server/tickets/subscribe';
import { submitTicket } from '@bianmin/server/tickets/submit';

/**
 * 12345 complaints and consultations: file (never lost while the platform is down), follow,
 * rate, reopen, and reach a person. `submit` declares no service guard on purpose: a ticket is
 * saved and filed later when the platform is down, never refused.
 */
export const ticketsFunction = defineFunction('tickets', ticketsInput, {
  subjects: { ticket: { from: 'ticketId', load: ownTicket } },
  actions: {
    categories: { auth: 'public', run: listCategories },
    submit: { run: submitTicket },
    tickets: { run: listTickets },
    ticket: { subject: 'ticket', run: showTicket },
    rate: { subject: 'ticket', service: 'tickets.submit', run: rateTicket },
    reopen: { subject: 'ticket', service: 'tickets.submit', run: reopenTicket },
    agent: { run: agentStatus },
    // No service guard: counting a grant touches no department, and a resident who just filed while
    // the platform was down must not lose the grant WeChat already gave.
    subscribed: { run: recordTicketSubscription },
  },
});
