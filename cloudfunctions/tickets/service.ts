import { CATEGORY_RULES, DESCRIPTION_CHARS, describeLimit, MAX_PHOTOS, MAX_VIDEO_SECONDS, TICKET_KINDS, TIME_LIMITS, URGENT_KINDS, type CategoriesResult } from '@bianmin/core';
import { ticketsInput } from '@bianmin/core/schemas/tickets';
import { defineFunction } from '@bianmin/server/runtime/define';
import { agentStatus } from '@bianmin/server/tickets/agent';
import { rateTicket, reopenTicket, showTicket } from '@bianmin/server/tickets/respond';
import { residentTickets } from '@bianmin/server/tickets/store';
import { recordTicketSubscription } from '@bianmin/server/tickets/subscribe';
import { submitTicket } from '@bianmin/server/tickets/submit';
import { ticketSummary } from '@bianmin/server/tickets/views';
import type { CallContext } from '@bianmin/server/runtime/types';

/** The dispatcher refuses resident actions without a caller before `run`; this narrows the type to match. */
function resident(ctx: CallContext): CallContext & { caller: { openid: string } } {
  if (!ctx.caller) throw new Error('resident action ran without a caller');
  return ctx as CallContext & { caller: { openid: string } };
}

const limitText = (k: keyof typeof TIME_LIMITS) => `${describeLimit(TIME_LIMITS[k].accept)}内受理，${describeLimit(TIME_LIMITS[k].answer)}内答复`;

const CATEGORIES: CategoriesResult = {
  categories: CATEGORY_RULES.map((c) => ({ category: c.category, kinds: [...c.kinds], hint: c.hint, urgentKinds: c.kinds.filter((k) => URGENT_KINDS.includes(k)) })),
  kinds: [...TICKET_KINDS],
  limits: Object.fromEntries((Object.keys(TIME_LIMITS) as Array<keyof typeof TIME_LIMITS>).map((k) => [k, limitText(k)])) as CategoriesResult['limits'],
  maxPhotos: MAX_PHOTOS,
  maxVideoSeconds: MAX_VIDEO_SECONDS,
  description: { min: DESCRIPTION_CHARS.min, max: DESCRIPTION_CHARS.max },
};

/**
 * 12345 complaints and consultations: file (never lost while the platform is down), follow,
 * rate, reopen, and reach a person. `submit` declares no service guard on purpose: a ticket is
 * saved and filed later when the platform is down, never refused.
 */
export const ticketsFunction = defineFunction('tickets', ticketsInput, {
  categories: {
    auth: 'public',
    run: async () => CATEGORIES,
  },
  submit: {
    run: (input, ctx) => submitTicket(resident(ctx), input),
  },
  tickets: {
    run: async (_input, ctx) => {
      const c = resident(ctx);
      const now = c.clock.now();
      const rows = await residentTickets(await c.deps.db(), c.caller.openid);
      return { tickets: rows.map((t) => ticketSummary(t, now, c.deps.calendar)) };
    },
  },
  ticket: {
    run: ({ ticketId }, ctx) => showTicket(resident(ctx), ticketId),
  },
  rate: {
    service: () => 'tickets.submit',
    run: (input, ctx) => rateTicket(resident(ctx), input),
  },
  reopen: {
    service: () => 'tickets.submit',
    run: (input, ctx) => reopenTicket(resident(ctx), input),
  },
  agent: {
    run: (input, ctx) => agentStatus(resident(ctx), input),
  },
  // No service guard: counting a grant touches no department, and a resident who just filed while
  // the platform was down must not lose the grant WeChat already gave.
  subscribed: {
    run: (input, ctx) => recordTicketSubscription(resident(ctx), input),
  },
});
