import { servicesInput } from '@bianmin/core/flows/services/contract';
import { showServiceStatus } from '@bianmin/server/availability/evaluate';
import { cancelReminder, createReminder, listReminders } from '@bianmin/server/reminders/reminders';
import { defineFunction } from '@bianmin/server/runtime/define';
import { listServices } from '@bianmin/server/services/list';

export const servicesFunction = defineFunction('services', servicesInput, {
  actions: {
    // The catalogue and its hours are public: a resident may look before signing in.
    list: { auth: 'public', run: listServices },
    status: { auth: 'public', run: showServiceStatus },
    remind: { run: createReminder },
    reminders: { run: listReminders },
    cancelReminder: { run: cancelReminder },
  },
});
