// CloudBase entry for `insuranceWorker`, fired daily by its timer trigger: forgets reads of
// residents' insurance data once they are a year old (the access log keeps a year, no longer).
import { purgeAccessLog } from '@bianmin/server/insurance/access-log';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';
import { deployment } from './function';

export const main = cloudbaseTimerEntry(deployment, async (deps, now) => ({ purged: await purgeAccessLog(deps, now) }));
