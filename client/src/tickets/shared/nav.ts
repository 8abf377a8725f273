/** The subpackage's pages (the catalogue's paths point at new and agent). */
export const PATHS = {
  new: '/tickets/pages/new/index',
  mine: '/tickets/pages/mine/index',
  detail: '/tickets/pages/detail/index',
  agent: '/tickets/pages/agent/index',
} as const;

export const detailUrl = (ticketId: string) => `${PATHS.detail}?ticketId=${encodeURIComponent(ticketId)}`;
export const agentUrl = (ticketId?: string) => (ticketId ? `${PATHS.agent}?ticketId=${encodeURIComponent(ticketId)}` : PATHS.agent);
