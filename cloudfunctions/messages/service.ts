import { listMessages, markRead } from '@bianmin/server/messages/inbox';
import { messagesInput } from '@bianmin/core/schemas/services';
import { defineFunction } from '@bianmin/server/runtime/define';

/** The in-app message centre: reminders and receipts a resident was sent. */
export const messagesFunction = defineFunction('messages', messagesInput, {
  list: {
    run: async (_input, ctx) => listMessages(await ctx.deps.db(), ctx.caller!.openid),
  },
  read: {
    run: async ({ messageId }, ctx) => {
      await markRead(await ctx.deps.db(), ctx.caller!.openid, messageId, ctx.clock.now());
      return { read: true as const };
    },
  },
});
