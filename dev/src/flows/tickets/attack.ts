import { ZHANG } from '../../testing/stack';
import { defineDevFlow, NOON, seeded } from '../attack';

/** A 12345 ticket the first resident filed. */
export const ticketsAttack = defineDevFlow({
  fn: 'tickets',
  async seed(stack) {
    const { ticket } = seeded<{ ticket: { ticketId: string } }>(
      await stack.call('tickets', { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId: 'matrix-seed-ticket-01' }, { openid: ZHANG.openid, now: NOON }),
      'submit ticket',
    );
    return { ticketId: ticket.ticketId };
  },
  secrets: (o) => ({ ticketId: [o.ticketId] }),
  recipes: {
    submit: {
      body: () => ({ action: 'submit', kind: '咨询', category: '其他', description: '请问社区服务中心周末几点开门？', public: false, requestId: 'matrix-replay-ticket-01' }),
      replay: 'own',
    },
    tickets: { body: () => ({ action: 'tickets' }), replay: 'own' },
    ticket: { body: (o) => ({ action: 'ticket', ticketId: o.ticketId }), replay: 'NOT_FOUND' },
    rate: { body: (o) => ({ action: 'rate', ticketId: o.ticketId, rating: '满意' }), replay: 'NOT_FOUND' },
    reopen: { body: (o) => ({ action: 'reopen', ticketId: o.ticketId, reason: '问题没有解决，请再处理一次' }), replay: 'NOT_FOUND' },
    agent: { body: (o) => ({ action: 'agent', ticketId: o.ticketId }), replay: 'NOT_FOUND' },
    // Takes no id: another resident replaying it reports (and counts) a grant of their own.
    subscribed: { body: () => ({ action: 'subscribed', templateId: 'dev-ticket-template', result: 'accept' }), replay: 'own' },
  },
});
