import { type AgentResult, toShanghaiIso } from '@bianmin/core';
import { evaluate } from '../../availability/evaluate';
import type { ResidentContext } from '../../runtime/types';
import { ownTicket } from './store';

/**
 * 人工客服: WeChat's own customer-service conversation (`<Button openType="contact">`), staffed on
 * China's working days 09:00–18:00 (the `tickets.agent` schedule). It does not go through the
 * 12345 platform, so the platform being down does not close it.
 */
export async function agentStatus(ctx: ResidentContext, input: { ticketId?: string }): Promise<AgentResult> {
  // The same evaluation as the hub's tile (the catalogue says the platform's health does not bear on it).
  const a = evaluate('tickets.agent', ctx.clock.now(), ctx.deps);
  const ticketNo = input.ticketId ? (await ownTicket(await ctx.deps.db(), ctx.caller.openid, input.ticketId)).ticketNo : null;
  const open = a.state === 'open' || a.state === 'closing_soon';
  if (open) {
    return {
      availability: a,
      open,
      contact: {
        // Arrives with the conversation in the customer-service console: the agent sees which ticket.
        sessionFrom: JSON.stringify({ from: 'bianmin', ticketNo }),
        sendMessageTitle: ticketNo ? `咨询工单 ${ticketNo}` : '12345 人工客服',
        sendMessagePath: input.ticketId ? `/tickets/pages/detail/index?ticketId=${input.ticketId}` : '/tickets/pages/new/index',
        showMessageCard: Boolean(ticketNo),
      },
      backAt: null,
      offer: null,
      message: a.message,
    };
  }
  return {
    availability: a,
    open,
    contact: null,
    backAt: a.opensAt ?? null,
    offer: {
      kind: '咨询',
      path: '/tickets/pages/new/index?kind=%E5%92%A8%E8%AF%A2',
      text: a.opensAt ? `人工客服 ${toShanghaiIso(new Date(a.opensAt)).slice(5, 16).replace('T', ' ')} 上班。现在可以留下咨询，工作时间内答复。` : '现在可以留下咨询，工作时间内答复。',
    },
    message: a.message,
  };
}
