import { defineFlow, pathsOf, withQuery } from '../flows/define';

/** 12345: file a ticket (photos, place), my tickets, one ticket's timeline, 人工客服. */
export const ticketsFlow = defineFlow({
  root: 'tickets',
  title: '12345 诉求：提交诉求（照片、地点）、我的诉求、诉求详情与办理记录、人工客服',
  pages: {
    new: 'pages/new/index',
    mine: 'pages/mine/index',
    detail: 'pages/detail/index',
    agent: 'pages/agent/index',
  },
  services: { 'tickets.submit': 'new', 'tickets.agent': 'agent' },
});

export const PATHS = pathsOf(ticketsFlow);

export const detailUrl = (ticketId: string) => withQuery(PATHS.detail, { ticketId });
export const agentUrl = (ticketId?: string) => withQuery(PATHS.agent, { ticketId });
