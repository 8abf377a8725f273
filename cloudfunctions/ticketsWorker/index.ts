// CloudBase entry for `ticketsWorker`, fired every minute by its timer trigger: files pending
// 12345 tickets (the outbox) and follows filed ones (the platform's event feed). Only the timer
// may run it (cloudbaseTimerEntry refuses any other SOURCE): a client call could otherwise drive
// the platform at will.
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';
import { runTicketsWorker } from '@bianmin/server/tickets/sync';

export const main = cloudbaseTimerEntry(deployment, runTicketsWorker);
