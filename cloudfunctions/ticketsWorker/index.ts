// CloudBase entry for `ticketsWorker`, fired every minute by its timer trigger: files pending
// 12345 tickets (the outbox) and follows filed ones (the platform's event feed).
import { cloudbaseTimerEntry, wxContext } from '@bianmin/server/runtime/cloudbase';
import { runTicketsWorker } from '@bianmin/server/tickets/sync';

const job = cloudbaseTimerEntry('ticketsWorker', runTicketsWorker);

/** Only CloudBase's timer may run it: a client call could otherwise drive the platform at will. */
export async function main(): Promise<{ ok: boolean; error?: string; result?: unknown }> {
  let source: string | undefined;
  try {
    source = wxContext().source;
  } catch {
    return { ok: false, error: 'wiring failed' };
  }
  if (source !== 'wx_trigger') return { ok: false, error: 'source rejected' };
  return job();
}
