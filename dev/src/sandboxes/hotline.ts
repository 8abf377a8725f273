import { addWorkingTime, type Clock, parseInstant, systemClock, TICKET_CATEGORIES, TICKET_KINDS, TICKET_RATINGS, toShanghaiIso } from '@bianmin/core';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chineseDaysCalendar, type HolidayCalendar } from '@bianmin/core/availability/index';
import { z } from 'zod';
import type { Route, SandboxReply } from './http';

/**
 * The city's 12345 platform as a work-order API. Tickets move
 * submitted → accepted (受理) → dispatched (派单, to a named department; may be transferred, 转办)
 * → replied (答复) → closed, or are rejected (不予受理, with a reason); a resident may have a
 * replied ticket handled again (reopened, 重办).
 *
 * Time is the caller's: every request may carry `asOf` (ISO 8601), and before answering the
 * platform catches every ticket up to it on a schedule that follows working hours. So tests
 * move the platform with their call clock and never sleep; a request without one is answered on
 * the platform's own clock (`npm start`: the local stack's clock, which runs in real time).
 *
 * The platform is not ours and does not forget: given a `stateFile` (`npm start` keeps it under
 * .data/ beside the database) it keeps its tickets, events and numbering there, so a restart on
 * the same data goes on from the last ticket number and event instead of handing out again the
 * numbers our database already holds.
 */
export const PLATFORM_STATUSES = ['submitted', 'accepted', 'dispatched', 'replied', 'closed', 'rejected', 'reopened'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];
export type AdvanceTarget = 'accepted' | 'dispatched' | 'replied' | 'closed' | 'rejected';
export const ADVANCE_TARGETS: readonly AdvanceTarget[] = ['accepted', 'dispatched', 'replied', 'closed', 'rejected'];

export interface PlatformEvent {
  seq: number;
  ticketNo: string;
  /** 'transferred' keeps the ticket dispatched, to another department. 'rated' keeps the status. */
  type: PlatformStatus | 'transferred' | 'rated';
  status: PlatformStatus;
  at: string;
  department: string;
  text: string;
}

export interface PlatformTicket {
  ticketNo: string;
  requestId: string;
  kind: string;
  category: string;
  urgent: boolean;
  description: string;
  place: unknown;
  photos: string[];
  video: string | null;
  contactPhone: string | null;
  public: boolean;
  status: PlatformStatus;
  department: string | null;
  createdAt: string;
  rating: { rating: string; comment: string | null; at: string } | null;
  /** Reopen requests already honoured, by their request id (a retried reopen is answered again, not repeated). */
  reopenRequests: string[];
  /** Positions in `photos` taken back by the citizen's side (a photo WeChat judged risky), with why; the photo is no longer shown. */
  withdrawnPhotos: Array<{ index: number; reason: string; at: string }>;
  next: { to: PlatformStatus; at: number } | null;
}

/** Who takes which category, and where a ticket goes when the first department passes it on. */
const DEPARTMENT_FOR: Record<string, string> = {
  城市管理: '市城市管理和综合执法局',
  交通出行: '市交通运输局',
  水电燃气: '市水务局',
  社会保障: '市人力资源和社会保障局',
  环境保护: '市生态环境局',
  住房物业: '市住房和建设局',
  市场监管: '市市场监督管理局',
  其他: '市政务服务数据管理局',
};
const TRANSFER_TO = '福田区人民政府';
const CENTRE = '12345 热线中心';

/** The legal moves; a dev lever walks the shortest path so the timeline shows every step. */
const NEXT: Record<PlatformStatus, PlatformStatus[]> = {
  submitted: ['accepted', 'rejected'],
  accepted: ['dispatched', 'rejected'],
  dispatched: ['replied'],
  replied: ['closed'],
  reopened: ['dispatched'],
  closed: [],
  rejected: [],
};

function path(from: PlatformStatus, to: PlatformStatus): PlatformStatus[] | null {
  const queue: PlatformStatus[][] = [[from]];
  const seen = new Set([from]);
  while (queue.length) {
    const p = queue.shift()!;
    const last = p[p.length - 1];
    if (last === to && p.length > 1) return p.slice(1);
    for (const n of NEXT[last]) if (!seen.has(n) || n === to) (seen.add(n), queue.push([...p, n]));
  }
  return null;
}

const WORKING_MIN = 60_000;

const createSchema = z.object({
  requestId: z.string().min(1).max(64),
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  urgent: z.boolean().default(false),
  description: z.string().min(1).max(2000),
  place: z.unknown().optional(),
  photos: z.array(z.string()).max(9).default([]),
  video: z.string().nullable().optional(),
  contactPhone: z.string().nullable().optional(),
  public: z.boolean(),
});

export interface HotlinePlatform {
  routes(): Route[];
  /** The dev lever: move one ticket on, through every step in between, at `now`. */
  advance(ticketNo: string, to: AdvanceTarget, now: Date, text?: string): { ticket: PublicTicket; events: PlatformEvent[] };
  list(): PublicTicket[];
  readonly tickets: ReadonlyMap<string, PlatformTicket>;
  /** Create requests received (duplicates included): what "each once" is measured against. */
  readonly createRequests: number;
}

export type PublicTicket = Omit<PlatformTicket, 'next' | 'reopenRequests'> & { events: PlatformEvent[] };

export class AdvanceRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdvanceRefused';
  }
}

/** What the platform keeps across restarts (the file `stateFile` names). */
interface PlatformState {
  version: 1;
  /** The last ticket serial handed out: numbers are never reused, whatever the date. */
  serial: number;
  tickets: PlatformTicket[];
  events: PlatformEvent[];
}

function loadState(file: string): PlatformState | null {
  if (!existsSync(file)) return null;
  let state: Partial<PlatformState> | null = null;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformState>;
  } catch {
    state = null;
  }
  if (!state || state.version !== 1 || !Number.isSafeInteger(state.serial) || !Array.isArray(state.tickets) || !Array.isArray(state.events)) {
    throw new Error(`the 12345 platform sandbox cannot read its state file ${file}; move it away to start the platform afresh (tickets our database already holds will then fail to file, visibly)`);
  }
  return state as PlatformState;
}

export function createHotlinePlatform(opts: { calendar?: HolidayCalendar; autoAdvance?: boolean; clock?: Clock; stateFile?: string } = {}): HotlinePlatform {
  const calendar = opts.calendar ?? chineseDaysCalendar();
  const autoAdvance = opts.autoAdvance ?? true;
  const clock = opts.clock ?? systemClock;
  const tickets = new Map<string, PlatformTicket>();
  const byRequest = new Map<string, string>();
  const events: PlatformEvent[] = [];
  let serial = 0;
  let createRequests = 0;
  const saved = opts.stateFile ? loadState(opts.stateFile) : null;
  if (saved) {
    serial = saved.serial;
    for (const t of saved.tickets) {
      // A state file written before the platform could withdraw photos has none withdrawn.
      t.withdrawnPhotos ??= [];
      tickets.set(t.ticketNo, t);
      byRequest.set(t.requestId, t.ticketNo);
    }
    events.push(...saved.events);
  }
  let dirty = false;
  /** Written after every request that changed something: whole, then renamed, so a crash leaves the last good state. */
  function save() {
    if (!dirty || !opts.stateFile) return;
    dirty = false;
    const state: PlatformState = { version: 1, serial, tickets: [...tickets.values()], events };
    mkdirSync(dirname(opts.stateFile), { recursive: true });
    const tmp = `${opts.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, opts.stateFile);
  }

  const after = (from: number, workingMinutes: number) => addWorkingTime(new Date(from), workingMinutes, calendar).at.getTime();

  /** What the platform does next on its own, and when (working hours; urgent ones faster). */
  function schedule(t: PlatformTicket, from: number): PlatformTicket['next'] {
    const step = t.urgent ? 10 : 30;
    switch (t.status) {
      case 'submitted':
        return { to: 'accepted', at: t.urgent ? from + 10 * WORKING_MIN : after(from, step) };
      case 'accepted':
      case 'reopened':
        return { to: 'dispatched', at: t.urgent ? from + 20 * WORKING_MIN : after(from, step) };
      case 'dispatched':
        return { to: 'replied', at: t.urgent ? from + 6 * 60 * WORKING_MIN : after(from, t.kind === '咨询' ? 4 * 60 : 2 * 9 * 60) };
      case 'replied':
        // Closed once the resident's 7 days to ask for it to be handled again are over.
        return { to: 'closed', at: from + 7 * 24 * 60 * WORKING_MIN };
      default:
        return null;
    }
  }

  function emit(t: PlatformTicket, type: PlatformEvent['type'], at: number, text?: string): PlatformEvent {
    if (type !== 'transferred' && type !== 'rated') t.status = type;
    let department = t.department ?? CENTRE;
    let said = text;
    switch (type) {
      case 'accepted':
        department = CENTRE;
        said ??= `您的${t.kind}已受理，工单号 ${t.ticketNo}。`;
        break;
      case 'dispatched':
        t.department = DEPARTMENT_FOR[t.category] ?? DEPARTMENT_FOR['其他'];
        department = t.department;
        said ??= `已派单至${t.department}办理。`;
        break;
      case 'transferred':
        t.department = TRANSFER_TO;
        department = t.department;
        said ??= `经核实属${TRANSFER_TO}职责，已转办。`;
        break;
      case 'replied':
        department = t.department ?? CENTRE;
        said ??= `您反映的问题已由${department}核实处理，如仍有问题可申请重办。`;
        break;
      case 'closed':
        department = CENTRE;
        said ??= '工单已办结。';
        break;
      case 'rejected':
        department = CENTRE;
        said ??= '不予受理：诉求内容不属于 12345 受理范围，请向相关司法机关反映。';
        break;
      case 'reopened':
        department = CENTRE;
        break;
      case 'rated':
        department = CENTRE;
        break;
    }
    dirty = true;
    const e: PlatformEvent = { seq: events.length + 1, ticketNo: t.ticketNo, type, status: t.status, at: toShanghaiIso(new Date(at)), department, text: said ?? '' };
    events.push(e);
    t.next = type === 'rated' ? t.next : autoAdvance ? schedule(t, at) : null;
    return e;
  }

  /** Applies every scheduled step due by `asOf`, in time order across tickets. */
  function catchUp(asOf: number) {
    for (;;) {
      let due: PlatformTicket | undefined;
      for (const t of tickets.values()) if (t.next && t.next.at <= asOf && (!due || t.next.at < due.next!.at)) due = t;
      if (!due) return;
      emit(due, due.next!.to, due.next!.at);
    }
  }

  /** What the platform shows: a withdrawn photo is gone from `photos`, its position kept in `withdrawnPhotos`. */
  function view(t: PlatformTicket): PublicTicket {
    const { next: _n, reopenRequests: _r, ...rest } = t;
    const gone = new Set(t.withdrawnPhotos.map((w) => w.index));
    return { ...rest, photos: t.photos.filter((_p, i) => !gone.has(i)), events: events.filter((e) => e.ticketNo === t.ticketNo) };
  }

  const bad = (message: string): SandboxReply => ({ status: 400, body: { code: 'BAD_REQUEST', message } });
  const notFound: SandboxReply = { status: 404, body: { code: 'TICKET_NOT_FOUND', message: '工单不存在' } };

  function asOfOf(q: URLSearchParams): number | SandboxReply {
    const raw = q.get('asOf');
    if (!raw) return clock.now().getTime();
    const d = parseInstant(raw);
    return d ? d.getTime() : bad('asOf must be ISO 8601 with an offset');
  }

  const routes = (): Route[] => [
    { method: 'GET', path: '/health', handle: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'POST',
      path: '/tickets',
      handle: ({ body, query }) => {
        createRequests++;
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        const p = createSchema.safeParse(body);
        if (!p.success) return bad(`invalid ticket: ${p.error.issues.map((i) => i.path.join('.')).join(', ')}`);
        catchUp(now);
        const seen = byRequest.get(p.data.requestId);
        if (seen) return { status: 200, body: { ...view(tickets.get(seen)!), duplicate: true } };
        const t: PlatformTicket = {
          ticketNo: `12345${toShanghaiIso(new Date(now)).slice(0, 10).replace(/-/g, '')}${String(++serial).padStart(5, '0')}`,
          requestId: p.data.requestId,
          kind: p.data.kind,
          category: p.data.category,
          urgent: p.data.urgent,
          description: p.data.description,
          place: p.data.place ?? null,
          photos: p.data.photos,
          video: p.data.video ?? null,
          contactPhone: p.data.contactPhone ?? null,
          public: p.data.public,
          status: 'submitted',
          department: null,
          createdAt: toShanghaiIso(new Date(now)),
          rating: null,
          reopenRequests: [],
          withdrawnPhotos: [],
          next: null,
        };
        tickets.set(t.ticketNo, t);
        byRequest.set(t.requestId, t.ticketNo);
        emit(t, 'submitted', now, '工单已提交。');
        return { status: 200, body: { ...view(t), duplicate: false } };
      },
    },
    {
      method: 'GET',
      path: '/tickets/:ticketNo',
      handle: ({ params, query }) => {
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        catchUp(now);
        const t = tickets.get(params.ticketNo);
        return t ? { status: 200, body: view(t) } : notFound;
      },
    },
    {
      method: 'GET',
      path: '/events',
      handle: ({ query }) => {
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        const since = Number(query.get('since') ?? '0');
        const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? '100')));
        if (!Number.isInteger(since) || since < 0) return bad('since must be a non-negative integer');
        catchUp(now);
        const page = events.filter((e) => e.seq > since).slice(0, limit);
        const cursor = page.length ? page[page.length - 1].seq : since;
        return { status: 200, body: { events: page, cursor: String(cursor), more: events.length > cursor } };
      },
    },
    {
      method: 'POST',
      path: '/tickets/:ticketNo/rating',
      handle: ({ params, body, query }) => {
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        const p = z.object({ rating: z.enum(TICKET_RATINGS), comment: z.string().max(500).nullable().optional() }).safeParse(body);
        if (!p.success) return bad('rating must be 满意 | 基本满意 | 不满意');
        catchUp(now);
        const t = tickets.get(params.ticketNo);
        if (!t) return notFound;
        if (t.status !== 'replied' && t.status !== 'closed') return { status: 409, body: { code: 'NOT_REPLIED', message: '工单尚未答复，不能评价' } };
        t.rating = { rating: p.data.rating, comment: p.data.comment ?? null, at: toShanghaiIso(new Date(now)) };
        emit(t, 'rated', now, `评价：${p.data.rating}`);
        return { status: 200, body: view(t) };
      },
    },
    {
      method: 'POST',
      path: '/tickets/:ticketNo/photos/withdraw',
      handle: ({ params, body, query }) => {
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        const p = z.object({ index: z.number().int().min(0).max(8), reason: z.string().min(1).max(200) }).safeParse(body);
        if (!p.success) return bad('index (0–8) and reason required');
        const t = tickets.get(params.ticketNo);
        if (!t) return notFound;
        if (p.data.index >= t.photos.length) return bad(`ticket has ${t.photos.length} photo(s)`);
        // Asked again (a retry after a lost answer): the same withdrawal, not a second one.
        if (!t.withdrawnPhotos.some((w) => w.index === p.data.index)) {
          t.withdrawnPhotos.push({ index: p.data.index, reason: p.data.reason, at: toShanghaiIso(new Date(now)) });
          dirty = true;
        }
        return { status: 200, body: view(t) };
      },
    },
    {
      method: 'POST',
      path: '/tickets/:ticketNo/reopen',
      handle: ({ params, body, query }) => {
        const now = asOfOf(query);
        if (typeof now !== 'number') return now;
        const p = z.object({ reason: z.string().min(1).max(500), requestId: z.string().min(1).max(100) }).safeParse(body);
        if (!p.success) return bad('reason and requestId required');
        catchUp(now);
        const t = tickets.get(params.ticketNo);
        if (!t) return notFound;
        if (t.reopenRequests.includes(p.data.requestId)) return { status: 200, body: { ...view(t), duplicate: true } };
        if (t.status !== 'replied') return { status: 409, body: { code: 'NOT_REOPENABLE', message: t.status === 'closed' ? '工单已办结，不能重办' : '工单尚未答复，不能重办' } };
        t.reopenRequests.push(p.data.requestId);
        emit(t, 'reopened', now, `申请重办：${p.data.reason}`);
        return { status: 200, body: { ...view(t), duplicate: false } };
      },
    },
  ];

  const persisted = (): Route[] =>
    routes().map((r) => ({
      ...r,
      handle: (req) => {
        try {
          return r.handle(req);
        } finally {
          save();
        }
      },
    }));

  return {
    routes: persisted,
    get tickets() {
      return tickets;
    },
    get createRequests() {
      return createRequests;
    },
    list: () => [...tickets.values()].map(view),
    advance(ticketNo, to, now, text) {
      try {
        const t = tickets.get(ticketNo);
        if (!t) throw new AdvanceRefused(`工单 ${ticketNo} 不存在`);
        catchUp(now.getTime());
        const done: PlatformEvent[] = [];
        if (to === 'dispatched' && t.status === 'dispatched') {
          done.push(emit(t, 'transferred', now.getTime(), text));
          return { ticket: view(t), events: done };
        }
        const steps = path(t.status, to);
        if (!steps) throw new AdvanceRefused(`工单当前为 ${t.status}，不能推进到 ${to}`);
        steps.forEach((s, i) => done.push(emit(t, s, now.getTime(), i === steps.length - 1 ? text : undefined)));
        return { ticket: view(t), events: done };
      } finally {
        save();
      }
    },
  };
}
