import { AppError, deadlineView, nextDeadline, type TicketKind, type TicketStatus, toShanghaiIso } from '@bianmin/core';
import type { AdminOutputs, TicketQueueGroup } from '@bianmin/core/admin/contract';
import { inArray } from 'drizzle-orm';
import type { OperatorContext } from '../admin/types';
import { tickets } from '../db/schema';

/** Who answers for a ticket before the platform dispatched it: the 12345 centre. */
export const CENTRE = '12345 热线中心';

/** Statuses in which the centre or a department still owes the resident a step. */
const OPEN: TicketStatus[] = ['pending', 'submitted', 'accepted', 'dispatched', 'reopened'];

/**
 * 12345 tickets whose next step is due soon or overdue, by the department that holds them, most
 * overdue first. What a ticket says and who filed it stay out: the queue shows numbers, kinds and
 * deadlines (PIPL: an operator needs to chase the step, not read the complaint). The 12345 centre
 * and city administrators see it; auditors read it; other departments' operators do not hold
 * tickets (the handling bureaus work in the platform itself).
 */
export async function ticketQueue(ctx: OperatorContext): Promise<AdminOutputs['queues.tickets']> {
  const op = ctx.operator;
  if (op.role === 'department_operator' && op.departmentId !== 'hotline') {
    throw new AppError('FORBIDDEN', '12345 工单的时限由 12345 热线中心和市级管理员跟进。');
  }
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const rows = await db.select().from(tickets).where(inArray(tickets.status, OPEN)).limit(5000);
  const groups = new Map<string, TicketQueueGroup>();
  for (const t of rows) {
    const d = nextDeadline({ kind: t.kind as TicketKind, urgent: t.urgent, status: t.status as TicketStatus, filedAt: t.filedAt, reopenedAt: t.reopenedAt }, ctx.deps.calendar);
    if (!d) continue;
    const v = deadlineView(d, now, ctx.deps.calendar);
    if (v.state === 'on_time') continue;
    const department = t.department ?? CENTRE;
    const g = groups.get(department) ?? groups.set(department, { department, overdue: 0, dueSoon: 0, tickets: [] }).get(department)!;
    if (v.state === 'overdue') g.overdue++;
    else g.dueSoon++;
    g.tickets.push({ ticketNo: t.ticketNo, kind: t.kind, category: t.category, urgent: t.urgent, status: t.status, step: v.step, rule: v.rule, dueAt: v.dueAt, state: v.state, filedAt: toShanghaiIso(t.filedAt) });
  }
  for (const g of groups.values()) g.tickets.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { departments: [...groups.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.department.localeCompare(b.department)) };
}
