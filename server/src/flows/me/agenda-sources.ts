import { type AgendaItem, maskAccountNo, providerById, REOPEN_WINDOW_DAYS, shanghaiDate, toShanghaiIso } from '@bianmin/core';
import { formatDate } from '@bianmin/core/format';
import { readBill } from '../bills/bill';
import { type BindingContext, liveBindings } from '../bills/bindings';
import { eligibilityView, type RadarRow, readRadar, radarForAgenda } from '../insurance/eligibility';
import { ELIGIBILITY_PATH } from '../insurance/eligibility-reminders';
import { residentTickets } from '../tickets/store';
import { reopenWindow, ticketSummary } from '../tickets/views';
import { liveVehicles, type VehicleContext } from '../traffic/vehicles';
import { listViolations } from '../traffic/violations';
import type { ResidentContext } from '../../runtime/types';

/**
 * The agenda's sources: each reads one thing of the resident's through the flow's own command
 * (bills.bill's readBill, traffic.violations' listViolations…) and turns its answer into items,
 * so an amount here is the amount the flow's own page shows — there is no second formula.
 *
 * A source is one department read (a household, a vehicle, the bureau) or one database read (the
 * tickets): the agenda runs them all at once, each within its own time budget.
 */

/** Who the items are for, and how their pages are opened (a relative's carry `actingFor`). */
export interface Person {
  /** The holder's context: their openid as the caller. */
  ctx: ResidentContext;
  /** '我', or the label the helper gave the holder (妈妈). */
  forWhom: string;
  linkId?: string;
}

export interface Source {
  /** Stable per thing read (the household, the vehicle…): the key of its "stale since" memory. */
  key: string;
  /** What the resident calls it, for the item that says it could not be read: 我家 电费. */
  name: string;
  /** The page to go to when it could not be read. */
  path: string;
  /** The catalogue service whose availability decides whether it may be read now (none: always). */
  queryService?: string;
  /** The service that acts on its items (paying): closed now, each item says so and until when. */
  actService?: string;
  read(): Promise<{ items: AgendaItem[]; fetchedAt?: string; stale?: boolean }>;
  /** While its query service is closed: what we already know, without asking the department (none: one item says it is closed). */
  readWhenShut?(): Promise<{ items: AgendaItem[] }>;
}

const withActingFor = (path: string, p: Person) => (p.linkId ? `${path}${path.includes('?') ? '&' : '?'}actingFor=${encodeURIComponent(p.linkId)}` : path);

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** A household's owed bills: one item with each bill, today's and tomorrow's amounts as bills.bill gives them. */
export async function householdSources(p: Person): Promise<Source[]> {
  const db = await p.ctx.deps.db();
  const rows = await liveBindings(db, p.ctx.caller.openid);
  return rows.map((binding) => {
    const provider = providerById(binding.providerId);
    const kindName = provider?.kindName ?? '账单';
    const name = `${binding.label ? `${binding.label} ` : ''}${kindName}`;
    const path = withActingFor(`/bills/pages/bill/index?${query({ bindingId: binding.id, kind: binding.kind })}`, p);
    return {
      key: `bill:${binding.id}`,
      name,
      path,
      queryService: `bills.${binding.kind}.query`,
      actService: `bills.${binding.kind}.pay`,
      async read() {
        const ctx: BindingContext = { ...contextOf(p.ctx), binding };
        const r = await readBill(ctx);
        const owed = r.arrears.bills.filter((b) => b.status === 'unpaid');
        if (!owed.length) return { items: [], fetchedAt: r.fetchedAt, stale: r.stale };
        const overdue = Math.max(...owed.map((b) => b.overdueDays));
        const item: AgendaItem = {
          id: `bill:${binding.id}`,
          kind: 'bill',
          title: `${name}待缴`,
          detail: `${provider?.name ?? binding.providerId} 户号 ${maskAccountNo(binding.accountNo)}${owed.length > 1 ? `，共 ${owed.length} 期` : ''}${overdue > 0 ? `，已逾期 ${overdue} 天` : ''}`,
          amountDue: owed.reduce((s, b) => s + b.amountDue, 0),
          amountTomorrow: owed.reduce((s, b) => s + b.amountTomorrow, 0),
          dueAt: owed.map((b) => b.dueDate).sort()[0],
          forWhom: p.forWhom,
          path,
          bills: owed.map((b) => ({ billId: b.billId, period: b.period, amountDue: b.amountDue, amountTomorrow: b.amountTomorrow, dueDate: b.dueDate })),
          pay: { fn: 'bills', bindingId: binding.id, billIds: owed.map((b) => b.billId), ...(p.linkId ? { actingFor: p.linkId } : {}) },
          ...(r.stale ? { stale: { since: r.fetchedAt } } : {}),
        };
        return { items: [item], fetchedAt: r.fetchedAt, stale: r.stale };
      },
    };
  });
}

/** A vehicle's fines to pay and violations to accept, with traffic.violations' own amounts and days. */
export async function vehicleSources(p: Person): Promise<Source[]> {
  const db = await p.ctx.deps.db();
  const rows = await liveVehicles(db, p.ctx.caller.openid);
  return rows.map((vehicle) => {
    const path = withActingFor(`/traffic/pages/violations/index?${query({ vehicleId: vehicle.id })}`, p);
    return {
      key: `vehicle:${vehicle.id}`,
      name: vehicle.label ? `${vehicle.label} 违法记录` : '车辆违法记录',
      path,
      queryService: 'traffic.query',
      actService: 'traffic.pay',
      async read() {
        const ctx: VehicleContext = { ...contextOf(p.ctx), vehicle };
        const r = await listViolations(ctx);
        const plate = r.vehicle.plateMasked;
        const stale = r.stale ? { stale: { since: r.fetchedAt } } : {};
        const items: AgendaItem[] = [];
        for (const v of r.groups.flatMap((g) => g.violations)) {
          const page = withActingFor(`/traffic/pages/violation/index?${query({ vehicleId: vehicle.id, violationId: v.violationId })}`, p);
          if (v.status === 'decided' && v.today && v.tomorrow) {
            items.push({
              id: `fine:${v.violationId}`,
              kind: 'fine',
              title: '交通违法罚款待缴',
              detail: `${plate} ${v.description}${v.today.overdueDays > 0 ? `，已逾期 ${v.today.overdueDays} 天` : ''}`,
              amountDue: v.today.amountDue,
              amountTomorrow: v.tomorrow.amountDue,
              ...(v.dueDate ? { dueAt: v.dueDate } : {}),
              ...(v.capReachedOn ? { capReachedAt: v.capReachedOn } : {}),
              forWhom: p.forWhom,
              path: page,
              ...stale,
            });
          } else if (v.status === 'unhandled') {
            items.push({
              id: `violation:${v.violationId}`,
              kind: 'violation',
              title: v.confirmable ? '交通违法待确认' : '交通违法待处理',
              detail: `${plate} ${v.description}${v.points > 0 ? `，记 ${v.points} 分` : ''}`,
              // Not decided yet: no late fee runs, so today and tomorrow cost the fine.
              amountDue: v.fine,
              amountTomorrow: v.fine,
              forWhom: p.forWhom,
              path: page,
              ...stale,
            });
          }
        }
        return { items, fetchedAt: r.fetchedAt, stale: r.stale };
      },
    };
  });
}

/** How near the end of its window a reopen (重办) shows on the agenda. */
export const REOPEN_NOTICE_HOURS = 48;

/** 12345 replies waiting for a rating, and reopen windows closing within two days: our own rows, no department. */
export function ticketSource(p: Person): Source {
  return {
    key: `tickets:${p.ctx.caller.openid}`,
    name: '12345 诉求',
    path: withActingFor('/tickets/pages/mine/index', p),
    async read() {
      const now = p.ctx.clock.now();
      const rows = await residentTickets(await p.ctx.deps.db(), p.ctx.caller.openid);
      const items: AgendaItem[] = [];
      for (const t of rows) {
        const s = ticketSummary(t, now, p.ctx.deps.calendar);
        const path = withActingFor(`/tickets/pages/detail/index?${query({ ticketId: t.id })}`, p);
        const heading = s.ticketNo ? `工单 ${s.ticketNo}：` : '';
        if (s.awaitingRating) {
          items.push({ id: `rate:${t.id}`, kind: 'ticket_rating', title: '12345 答复待评价', detail: `${heading}${s.preview}`, forWhom: p.forWhom, path });
        }
        const w = reopenWindow(t, now);
        if (w.allowed && w.until && Date.parse(w.until) - now.getTime() <= REOPEN_NOTICE_HOURS * 3600_000) {
          items.push({
            id: `reopen:${t.id}`,
            kind: 'ticket_reopen',
            title: '重办申请即将截止',
            detail: `${heading}答复后 ${REOPEN_WINDOW_DAYS} 天内可申请重办，${formatDate(w.until)} ${w.until.slice(11, 16)} 截止`,
            dueAt: w.until,
            forWhom: p.forWhom,
            path,
          });
        }
      }
      return { items };
    },
  };
}

/** The retiree's 待遇资格认证 once it is within 60 days of its deadline (or past it). */
export function eligibilitySource(p: Person): Source {
  const path = withActingFor(ELIGIBILITY_PATH, p);
  const itemOf = (row: RadarRow, age: { fetchedAt: Date; stale: boolean }): AgendaItem[] => {
    const v = eligibilityView(row, shanghaiDate(p.ctx.clock.now()), age);
    if (!v.required || v.status === 'ok') return [];
    const when = v.daysLeft >= 0 ? `请在 ${formatDate(v.dueBy)} 前完成（还有 ${v.daysLeft} 天）` : `已于 ${formatDate(v.dueBy)} 到期，请尽快认证`;
    return [
      {
        id: `eligibility:${v.dueBy}`,
        kind: 'pension_eligibility',
        title: `养老金待遇资格认证${v.statusName}`,
        detail: `${when}；上次认证 ${formatDate(v.lastCheckedOn)}（${v.lastCheckedBy}）`,
        dueAt: v.dueBy,
        forWhom: p.forWhom,
        path,
        ...(age.stale ? { stale: { since: v.fetchedAt } } : {}),
      },
    ];
  };
  return {
    key: `eligibility:${p.ctx.caller.openid}`,
    name: '养老金待遇资格认证',
    path,
    queryService: 'insurance.query',
    actService: 'insurance.query',
    async read() {
      const row = await radarForAgenda(await p.ctx.deps.db(), p.ctx.caller.openid, p.ctx.clock.now());
      if (!row) return { items: [] };
      const r = await readRadar(p.ctx, row);
      return { items: itemOf(r.row, r), fetchedAt: toShanghaiIso(r.fetchedAt), stale: r.stale };
    },
    // The bureau's online services sleep at night: the radar's last answer says what is due.
    async readWhenShut() {
      const row = await radarForAgenda(await p.ctx.deps.db(), p.ctx.caller.openid, p.ctx.clock.now());
      return { items: row?.readAt ? itemOf(row, { fetchedAt: row.readAt, stale: true }) : [] };
    },
  };
}

/** The holder's context for a flow's command: the same call (clock, deps, log), the holder as the caller. */
function contextOf(ctx: ResidentContext): ResidentContext {
  return { caller: ctx.caller, clock: ctx.clock, deps: ctx.deps, log: ctx.log, requestId: ctx.requestId };
}
