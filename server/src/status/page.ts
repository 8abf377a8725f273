import {
  CATALOGUE,
  DEPARTMENT_IDS,
  DEPARTMENTS,
  type DepartmentId,
  deadlineAfter,
  describeLimit,
  type StatusIncident,
  type StatusPageResult,
  type StepHandling,
  type TicketHandling,
  type TicketKind,
  TIME_LIMITS,
  toShanghaiIso,
} from '@bianmin/core';
import { scheduledService, upcomingClosures } from '@bianmin/core/availability/index';
import { and, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { evaluate, probeDepartments } from '../availability/evaluate';
import { departmentHealth, notices, ticketEvents, tickets } from '../db/schema';
import { outagesSince, outageView, share, uptimeOver } from '../health/history';
import { noticeWindow } from '../notices/overrides';
import { statusNoticeView } from '../notices/views';
import { CENTRE } from '../queues/tickets';
import type { Deps } from '../runtime/types';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface StatusContext {
  clock: { now(): Date };
  deps: Deps;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2);
}

function step(limit: string): StepHandling & { minutes: number[]; onTime: number } {
  return { counted: 0, medianMinutes: null, onTimeShare: null, limit, overdueNow: 0, minutes: [], onTime: 0 };
}

const ACCEPT_LIMIT = `${describeLimit(TIME_LIMITS.咨询.accept)}（紧急诉求 ${describeLimit(TIME_LIMITS.urgent.accept)}）`;
const REPLY_LIMIT = `按诉求类型 ${describeLimit(TIME_LIMITS.咨询.answer)}至 ${describeLimit(TIME_LIMITS.建议.answer)}（紧急诉求 ${describeLimit(TIME_LIMITS.urgent.answer)}）`;

/**
 * How 12345 tickets filed in the window were handled, by the department that holds each: the
 * median time from filing to acceptance and to the first reply, the share done within the limit
 * (the kind's own limit, in working time where the limit is), and how many wait past it now.
 */
async function ticketHandling(ctx: StatusContext, now: Date, since: Date): Promise<TicketHandling[]> {
  const db = await ctx.deps.db();
  const rows = await db
    .select({ id: tickets.id, kind: tickets.kind, urgent: tickets.urgent, status: tickets.status, department: tickets.department, filedAt: tickets.filedAt })
    .from(tickets)
    .where(gte(tickets.filedAt, since))
    .limit(20_000);
  if (!rows.length) return [];
  const firsts = await db
    .select({ ticketId: ticketEvents.ticketId, status: ticketEvents.status, at: sql<Date>`min(${ticketEvents.at})`.mapWith((v: string | Date) => new Date(v)) })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(and(gte(tickets.filedAt, since), inArray(ticketEvents.status, ['accepted', 'replied'])))
    .groupBy(ticketEvents.ticketId, ticketEvents.status);
  const at = new Map(firsts.map((f) => [`${f.ticketId}:${f.status}`, f.at]));
  const groups = new Map<string, { tickets: number; accept: ReturnType<typeof step>; reply: ReturnType<typeof step> }>();
  for (const t of rows) {
    const name = t.department ?? CENTRE;
    const g = groups.get(name) ?? groups.set(name, { tickets: 0, accept: step(ACCEPT_LIMIT), reply: step(REPLY_LIMIT) }).get(name)!;
    g.tickets++;
    const limits = TIME_LIMITS[t.urgent ? 'urgent' : (t.kind as TicketKind)] ?? TIME_LIMITS.咨询;
    for (const [which, s, limit] of [
      ['accepted', g.accept, limits.accept],
      ['replied', g.reply, limits.answer],
    ] as const) {
      const due = deadlineAfter(t.filedAt, limit, ctx.deps.calendar).at;
      const done = at.get(`${t.id}:${which}`);
      if (done) {
        s.counted++;
        s.minutes.push((done.getTime() - t.filedAt.getTime()) / MINUTE_MS);
        if (done.getTime() <= due.getTime()) s.onTime++;
      } else if (!['rejected', 'closed', 'failed'].includes(t.status) && now.getTime() > due.getTime() && !(which === 'accepted' && at.has(`${t.id}:replied`))) {
        s.overdueNow++;
      }
    }
  }
  const finish = ({ minutes, onTime, ...s }: ReturnType<typeof step>): StepHandling => ({ ...s, medianMinutes: median(minutes), onTimeShare: s.counted ? onTime / s.counted : null });
  return [...groups.entries()]
    .map(([department, g]) => ({ department, tickets: g.tickets, accept: finish(g.accept), reply: finish(g.reply) }))
    .sort((a, b) => b.tickets - a.tickets || a.department.localeCompare(b.department));
}

/**
 * The public status page: for every service its state now (the same availability the hub shows),
 * the closures planned in the next 7 days, operators' notices in force or coming, what went wrong
 * in the last 30 days (operators' incidents and outages the health probes recorded), and uptime
 * over 30 and 90 days from those probes; for every department its health; and how 12345 tickets
 * were handled. Nothing about any resident or operator is in it.
 */
export async function showStatusPage(ctx: StatusContext): Promise<StatusPageResult> {
  await Promise.all([probeDepartments(ctx.deps), ctx.deps.overrides?.refresh()]);
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const t = now.getTime();
  const monthAgo = new Date(t - 30 * DAY_MS);
  const weekAhead = new Date(t + 7 * DAY_MS);
  const ticketsSince = new Date(t - 90 * DAY_MS);
  const [noticeRows, outages, up30, up90, health, handling] = await Promise.all([
    db
      .select()
      .from(notices)
      .where(and(sql`${notices.startsAt} < ${weekAhead.toISOString()}::timestamptz`, or(isNull(notices.endsAt), gte(notices.endsAt, monthAgo))))
      .orderBy(desc(notices.startsAt))
      .limit(500),
    outagesSince(db, monthAgo),
    uptimeOver(db, now, 30),
    uptimeOver(db, now, 90),
    db.select().from(departmentHealth),
    ticketHandling(ctx, now, ticketsSince),
  ]);
  const services = CATALOGUE.services.map((s) => {
    const engine = ctx.deps.overrides?.service(s.id) ?? scheduledService(s.id)!;
    const dept = s.department as DepartmentId;
    const mine = noticeRows.filter((n) => n.serviceIds.includes(s.id));
    const current = mine.filter((n) => {
      const w = noticeWindow(n);
      return w.end === undefined || w.end > t;
    });
    const incidents: StatusIncident[] = [
      ...mine
        .filter((n) => n.kind === 'incident' && n.startsAt.getTime() <= t)
        .map((n) => {
          const w = noticeWindow(n);
          const end = w.end !== undefined && w.end <= t ? w.end : undefined;
          return { kind: 'incident' as const, startedAt: toShanghaiIso(n.startsAt), ...(end !== undefined && { endedAt: toShanghaiIso(new Date(end)) }), description: n.reason, minutes: Math.round(((end ?? t) - w.start) / MINUTE_MS) };
        }),
      ...(s.needsDepartment === false ? [] : outages.filter((o) => o.departmentId === dept)).map((o) => {
        const v = outageView(o, now);
        return { kind: 'outage' as const, startedAt: v.startedAt, ...(v.endedAt && { endedAt: v.endedAt }), description: `${DEPARTMENTS[dept].name}系统连不上：${o.cause}`, minutes: v.minutes };
      }),
    ].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return {
      serviceId: s.id,
      name: s.name,
      departmentId: dept,
      departmentName: DEPARTMENTS[dept].name,
      availability: evaluate(s.id, now, ctx.deps),
      planned: upcomingClosures(engine, now, 7, ctx.deps.calendar),
      notices: current.map((n) => statusNoticeView(n, now)).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      incidents,
      uptime: { days30: share(up30.get(dept)), days90: share(up90.get(dept)) },
    };
  });
  return {
    now: toShanghaiIso(now),
    services,
    departments: DEPARTMENT_IDS.map((id) => {
      const h = health.find((x) => x.departmentId === id);
      return { departmentId: id, name: DEPARTMENTS[id].name, state: h ? (h.state === 'up' ? 'up' : 'down') : 'unknown', uptime: { days30: share(up30.get(id)), days90: share(up90.get(id)) } };
    }),
    tickets: handling,
    ticketsSince: toShanghaiIso(ticketsSince),
  };
}
