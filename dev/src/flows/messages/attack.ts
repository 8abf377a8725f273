import { ZHANG } from '../../testing/stack';
import { defineDevFlow, NOON, seeded } from '../attack';

/** The message the services seeder's sent reminder filed. */
export const messagesAttack = defineDevFlow({
  fn: 'messages',
  async seed(stack) {
    const inbox = seeded<{ messages: Array<{ id: string }> }>(await stack.call('messages', { action: 'list' }, { openid: ZHANG.openid, now: NOON }), 'messages');
    if (!inbox.messages.length) throw new Error('seeding: no message was filed (the services seeder sends one)');
    return { messageId: inbox.messages[0].id };
  },
  secrets: (o) => ({ messageId: [o.messageId] }),
  recipes: {
    list: { body: () => ({ action: 'list' }), replay: 'own' },
    read: { body: (o) => ({ action: 'read', messageId: o.messageId }), replay: 'NOT_FOUND' },
  },
});
