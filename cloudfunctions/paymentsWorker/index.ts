// CloudBase entry for `paymentsWorker`, fired every minute by its timer trigger: posts paid
// orders to their departments (the outbox), settles expired orders with WeChat Pay (books a
// payment it reports, closes the rest) and gives back refunds.
import { closeExpiredOrders, processOutbox } from '@bianmin/server/payments/outbox';
import { processRefunds } from '@bianmin/server/payments/refunds';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';

export const main = cloudbaseTimerEntry('paymentsWorker', async (deps, now) => ({
  outbox: await processOutbox(deps, now),
  expired: await closeExpiredOrders(deps, now),
  refunds: await processRefunds(deps, now),
}));
