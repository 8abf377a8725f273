import type { Route } from './http';

/** The 12345 centre: accepts a complaint or consultation, idempotent on our request id. */
export function hotlineRoutes(): Route[] {
  const tickets = new Map<string, { ticketNo: string; requestId: string; category: string; summary: string; status: string; acceptedAt: string }>();
  return [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'POST',
      path: '/tickets',
      handle: ({ body }) => {
        const b = body as Partial<{ requestId: string; category: string; summary: string }> | undefined;
        if (!b?.requestId || !b.category || !b.summary) return { status: 400, body: { code: 'BAD_REQUEST', message: 'requestId, category, summary required' } };
        const seen = [...tickets.values()].find((t) => t.requestId === b.requestId);
        if (seen) return { status: 200, body: seen };
        const t = {
          ticketNo: `12345-${String(tickets.size + 1).padStart(8, '0')}`,
          requestId: b.requestId,
          category: b.category,
          summary: b.summary,
          status: 'accepted',
          acceptedAt: new Date().toISOString(),
        };
        tickets.set(t.ticketNo, t);
        return { status: 200, body: t };
      },
    },
    {
      method: 'GET',
      path: '/tickets/:ticketNo',
      handle: ({ params }) => {
        const t = tickets.get(params.ticketNo);
        return t ? { status: 200, body: t } : { status: 404, body: { code: 'TICKET_NOT_FOUND', message: '工单不存在' } };
      },
    },
  ];
}
