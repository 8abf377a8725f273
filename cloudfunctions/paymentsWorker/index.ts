// CloudBase entry for `paymentsWorker`, fired every minute by its timer trigger: posts paid
// orders to their departments (the outbox) and closes pending orders that expired.
import { closeExpiredOrders, processOutbox } from '@bianmin/server/payments/outbox';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';

export const main = cloudbaseTimerEntry('paymentsWorker', async (deps, now) => ({
  outbox: await processOutbox(deps, now),
  expired: await closeExpiredOrders(deps, now),
}));
