import { messagesContract } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import { listMessages, markRead } from './messages';

/** The in-app message centre: reminders, receipts and refunds a resident was told of. */
export const messagesFlow = defineFlow({
  contract: messagesContract,
  purpose: 'the in-app message centre',
  actions: {
    list: { run: listMessages },
    read: { run: markRead },
  },
  budget: () => DATABASE_ALLOWANCE_MS,
});
