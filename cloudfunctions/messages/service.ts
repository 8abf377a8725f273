import { messagesInput } from '@bianmin/core/flows/messages/contract';
import { listMessages, markRead } from '@bianmin/server/messages/inbox';
import { defineFunction } from '@bianmin/server/runtime/define';

/** The in-app message centre: reminders and receipts a resident was sent. */
export const messagesFunction = defineFunction('messages', messagesInput, {
  actions: {
    list: { run: listMessages },
    read: { run: markRead },
  },
});
