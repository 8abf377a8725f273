// CloudBase entry for the `reminders` function, fired every minute by its timer trigger
// (config.json): sends the "remind me when it opens" reminders that are due.
import { sendDueReminders } from '@bianmin/server/reminders/reminders';
import { cloudbaseTimerEntry } from '@bianmin/server/runtime/cloudbase';

export const main = cloudbaseTimerEntry('reminders', (deps, now) => sendDueReminders(deps, now));
