// CloudBase entry for `opsWorker`, fired every minute by its timer: the departments' health
// recorded (uptime and outages for the console and the status page), then — once a day, after
// 10:30 when WeChat Pay's statement of yesterday is out — the three-way reconciliation.
import { recordHealth } from '@bianmin/server/health/record';
import { runDailyReconciliation } from '@bianmin/server/reconcile/run';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';

export const main = cloudbaseTimerEntry(deployment, async (deps, now) => ({
  health: await recordHealth(deps, now),
  reconciliation: await runDailyReconciliation(deps, now),
}));
