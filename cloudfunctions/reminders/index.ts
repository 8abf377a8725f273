// CloudBase entry for the `reminders` function, fired every minute by its timer trigger
// (config.json): sends the "remind me when it opens" reminders that are due, and the bills'
// due-date and overdue reminders.
import { runRemindersJob } from '@bianmin/server/reminders/job';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';

export const main = cloudbaseTimerEntry('reminders', (deps, now) => runRemindersJob(deps, now));
