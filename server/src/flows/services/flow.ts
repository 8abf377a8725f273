import { servicesContract } from '@bianmin/core';
import { showStatusPage } from '../../status/page';
import { showServiceStatus } from './status';
import { DATABASE_ALLOWANCE_MS, HEALTH_PROBE_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { servicesJobs } from './jobs';
import { listServices } from './list';
import { cancelReminder, createReminder, listReminders } from './reminders';

/** The hub: the catalogue and live availability, one service's hours, "remind me when it opens". */
export const servicesFlow = defineFlow({
  contract: servicesContract,
  purpose: 'the service catalogue and live availability; reminders to set',
  actions: {
    // The catalogue and its hours are public: a resident may look before signing in.
    list: { auth: 'public', run: listServices },
    status: { auth: 'public', run: showServiceStatus },
    remind: { run: createReminder },
    reminders: { run: listReminders },
    cancelReminder: { run: cancelReminder },
    // GOV.UK Pay's and HMRC's practice: every service's record is public, no sign-in.
    statusPage: { auth: 'public', run: showStatusPage },
  },
  // list: every department probed in parallel; status / remind probe one.
  budget: () => HEALTH_PROBE_MS + DATABASE_ALLOWANCE_MS,
  jobs: servicesJobs,
});
