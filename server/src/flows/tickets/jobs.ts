import { ticketFilingMs } from '../../runtime/budgets';
import { defineJob, EVERY_MINUTE } from '../../runtime/jobs';
import { runTicketsWorker } from './sync';

/** The 12345 timer job: run by `ticketsWorker` on CloudBase, by a loop and a lever locally. */
export const ticketsJobs = [
  defineJob({
    name: 'tickets',
    purpose: "files pending 12345 tickets, follows the platform's events, tells residents",
    schedule: EVERY_MINUTE,
    // Filing one ticket; a page of events and each event ask for their own worst case.
    itemMs: ticketFilingMs,
    run: (deps, now, budget) => runTicketsWorker(deps, now, (nextMs) => budget.allows(nextMs)),
    localEveryMs: 10_000,
    departments: ['hotline'],
    openapi: ['subscribeMessage.send'],
    env: { optional: ['TICKET_TEMPLATE_ID'] },
  }),
];
