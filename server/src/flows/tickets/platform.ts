import { AppError, type TicketPlace, toShanghaiIso } from '@bianmin/core';
import { z } from 'zod';
import type { DepartmentClient } from '../../departments/client';
import type { Deps } from '../../runtime/types';

/**
 * The city's 12345 work-order API as we use it. Every answer is validated; `asOf` carries our
 * clock (the platform uses its own in production and ignores it; the sandbox follows it, so tests
 * move the platform without sleeping).
 */
export const PLATFORM_STATUSES = ['submitted', 'accepted', 'dispatched', 'replied', 'closed', 'rejected', 'reopened'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

const eventSchema = z.object({
  seq: z.number().int().positive(),
  ticketNo: z.string().min(1).max(40),
  type: z.enum([...PLATFORM_STATUSES, 'transferred', 'rated']),
  status: z.enum(PLATFORM_STATUSES),
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
  department: z.string().max(100).nullable(),
  text: z.string().max(2000),
});
export type PlatformEvent = z.infer<typeof eventSchema>;

const ticketSchema = z.object({
  ticketNo: z.string().min(1).max(40),
  requestId: z.string(),
  status: z.enum(PLATFORM_STATUSES),
  department: z.string().nullable(),
  duplicate: z.boolean().optional(),
});
export type PlatformTicket = z.infer<typeof ticketSchema>;

const eventsSchema = z.object({ events: z.array(eventSchema), cursor: z.string().regex(/^\d+$/), more: z.boolean() });

export interface NewPlatformTicket {
  requestId: string;
  kind: string;
  category: string;
  urgent: boolean;
  description: string;
  place: TicketPlace | null;
  photos: string[];
  video: string | null;
  contactPhone: string | null;
  public: boolean;
}

export interface HotlinePlatformApi {
  /** Idempotent on requestId: a repeat answers the ticket already filed. */
  create(t: NewPlatformTicket, now: Date): Promise<PlatformTicket>;
  get(ticketNo: string, now: Date): Promise<PlatformTicket>;
  events(since: number, now: Date, limit?: number): Promise<{ events: PlatformEvent[]; cursor: number; more: boolean }>;
  rate(ticketNo: string, r: { rating: string; comment: string | null }, now: Date): Promise<PlatformTicket>;
  /** Idempotent on requestId. */
  reopen(ticketNo: string, r: { reason: string; requestId: string }, now: Date): Promise<PlatformTicket>;
  /**
   * Takes a photo back from a filed ticket, named by its position in the photos as filed (a
   * position keeps its photo: the platform blanks it, it does not close the gap). Idempotent.
   */
  withdrawPhoto(ticketNo: string, w: { index: number; reason: string }, now: Date): Promise<PlatformTicket>;
}

export function hotlineApi(client: DepartmentClient): HotlinePlatformApi {
  const q = (now: Date) => `asOf=${encodeURIComponent(toShanghaiIso(now))}`;
  const enc = encodeURIComponent;
  return {
    create: (t, now) => client.write(`/tickets?${q(now)}`, t, ticketSchema),
    get: async (no, now) => (await client.read(`/tickets/${enc(no)}?${q(now)}`, ticketSchema, { cache: false })).data,
    async events(since, now, limit = 100) {
      const r = await client.read(`/events?since=${since}&limit=${limit}&${q(now)}`, eventsSchema, { cache: false });
      return { events: r.data.events, cursor: Number(r.data.cursor), more: r.data.more };
    },
    rate: (no, r, now) => client.write(`/tickets/${enc(no)}/rating?${q(now)}`, r, ticketSchema),
    reopen: (no, r, now) => client.write(`/tickets/${enc(no)}/reopen?${q(now)}`, r, ticketSchema),
    withdrawPhoto: (no, w, now) => client.write(`/tickets/${enc(no)}/photos/withdraw?${q(now)}`, w, ticketSchema),
  };
}

/** The platform client of this process; a deployment without a 12345 endpoint cannot file anything. */
export function platformFor(deps: Deps): HotlinePlatformApi {
  const client = deps.departments.hotline;
  if (!client) {
    deps.log.error('DEPT_HOTLINE_URL / DEPT_HOTLINE_KEY not set: 12345 tickets cannot reach the platform');
    throw new AppError('DEPARTMENT_UNAVAILABLE', '12345 平台暂时无法连接，请稍后再试。');
  }
  return hotlineApi(client);
}
