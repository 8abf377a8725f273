import { AppError } from '@bianmin/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { ticketEvents, tickets } from '../../db/schema';
import type { TicketEventRow, TicketRow } from './views';

/** One of the caller's own tickets; another resident's id is simply not found. */
export async function ownTicket(db: Db, openid: string, ticketId: string): Promise<TicketRow> {
  const [t] = await db.select().from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.openid, openid)));
  if (!t) throw new AppError('NOT_FOUND', '没有找到这张工单。', { fields: { ticketId: '没有这张工单' } });
  return t;
}

export async function eventsOf(db: Db, ticketId: string): Promise<TicketEventRow[]> {
  return db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.seq));
}

export async function residentTickets(db: Db, openid: string, limit = 100): Promise<TicketRow[]> {
  return db.select().from(tickets).where(eq(tickets.openid, openid)).orderBy(desc(tickets.filedAt), desc(tickets.id)).limit(limit);
}
