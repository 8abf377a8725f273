import { AppError, type AgendaItem, type AgendaResult, type Availability, toShanghaiIso } from '@bianmin/core';
import { evaluate } from '../../availability/evaluate';
import { errorSummary } from '../../log';
import { DeadlineExceeded, withTimeout } from '../../runtime/budgets';
import type { ResidentContext } from '../../runtime/types';
import { eligibilitySource, householdSources, type Person, type Source, ticketSource, vehicleSources } from './agenda-sources';
import { holdersHelpedBy } from './family-links';

/**
 * How long the agenda waits for any one source (a household's department, a vehicle's, the
 * bureau). Every source runs at once; one that has not answered by then becomes an item saying so,
 * and the rest are shown: one slow department never holds up the list.
 */
export const AGENDA_SOURCE_BUDGET_MS = 3000;

/** The kinds acted on through their source's `actService` (paying a bill or a fine, the face check). */
const ACTED_THROUGH_SERVICE: ReadonlySet<AgendaItem['kind']> = new Set(['bill', 'fine', 'pension_eligibility']);

/**
 * When each source last answered, in this process: what an item for a source that cannot be read
 * now says its data is stale since. Bounded, like the department clients' caches it mirrors.
 */
const lastAnswered = new Map<string, string>();
const LAST_ANSWERED_MAX = 5000;
function remember(key: string, at: string): void {
  lastAnswered.delete(key);
  lastAnswered.set(key, at);
  if (lastAnswered.size > LAST_ANSWERED_MAX) lastAnswered.delete(lastAnswered.keys().next().value!);
}

const closedOf = (a: Availability): AgendaItem['closed'] => ({ reason: a.message, ...(a.opensAt ? { reopensAt: a.opensAt } : {}) });
const isShut = (a: Availability) => a.state === 'closed' || a.state === 'maintenance';

/**
 * 我的待办: everything the resident (and each relative they help, within the scopes granted)
 * owes or must do, across the flows, read through the flows' own commands. Own items first, then
 * each relative's; within a person, the nearest deadline first.
 */
export async function readAgenda(ctx: ResidentContext): Promise<AgendaResult> {
  return agendaOf(ctx, await holdersHelpedBy(await ctx.deps.db(), ctx.caller.openid));
}

export type HelpedHolder = Awaited<ReturnType<typeof holdersHelpedBy>>[number];

/** The agenda of the caller and of the holders they help (each within the scopes the holder granted). */
export async function agendaOf(ctx: ResidentContext, links: readonly HelpedHolder[]): Promise<AgendaResult> {
  const now = ctx.clock.now();
  await ctx.deps.overrides?.refresh();
  const people: Array<{ person: Person; scopes: readonly string[] }> = [{ person: { ctx, forWhom: '我' }, scopes: ['bills', 'traffic', 'tickets', 'insurance'] }];
  for (const link of links) {
    const holder: ResidentContext = { caller: { ...ctx.caller, openid: link.holderOpenid }, clock: ctx.clock, deps: ctx.deps, log: ctx.log, requestId: ctx.requestId };
    people.push({ person: { ctx: holder, forWhom: link.label, linkId: link.linkId }, scopes: link.scopes });
  }

  const perPerson = await Promise.all(
    people.map(async ({ person, scopes }) => {
      const sources: Source[] = [
        ...(scopes.includes('bills') ? await householdSources(person) : []),
        ...(scopes.includes('traffic') ? await vehicleSources(person) : []),
        ...(scopes.includes('tickets') ? [ticketSource(person)] : []),
        ...(scopes.includes('insurance') ? [eligibilitySource(person)] : []),
      ];
      const items = (await Promise.all(sources.map((s) => gather(ctx, person, s, now)))).flat();
      return items.sort(byUrgency);
    }),
  );
  return { items: perPerson.flat(), asOf: toShanghaiIso(now) };
}

/** Nearest deadline first; things without one after them; sources that could not be read last. */
function byUrgency(a: AgendaItem, b: AgendaItem): number {
  const rank = (i: AgendaItem) => (i.kind === 'unavailable' ? 2 : i.dueAt ? 0 : 1);
  return rank(a) - rank(b) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id.localeCompare(b.id);
}

/** One source's items, within its time budget; its failure or silence becomes one item saying so. */
async function gather(ctx: ResidentContext, person: Person, s: Source, now: Date): Promise<AgendaItem[]> {
  const query = s.queryService ? evaluate(s.queryService, now, ctx.deps) : undefined;
  if (query && isShut(query)) {
    // Closed: the department is not asked (as the flow's own guard would refuse). What we already
    // know is shown, closed until when; with nothing known, one item says so.
    if (!s.readWhenShut) return [unreadable(person, s, query.message, closedOf(query))];
    try {
      const known = await withTimeout(s.readWhenShut(), AGENDA_SOURCE_BUDGET_MS, s.key);
      return known.items.map((item) => (ACTED_THROUGH_SERVICE.has(item.kind) ? { ...item, closed: closedOf(query) } : item));
    } catch (e) {
      ctx.log.warn({ source: s.key.split(':')[0], err: errorSummary(e) }, 'agenda source not read while closed');
      return [unreadable(person, s, query.message, closedOf(query))];
    }
  }
  try {
    const r = await withTimeout(s.read(), AGENDA_SOURCE_BUDGET_MS, s.key);
    if (r.fetchedAt && !r.stale) remember(s.key, r.fetchedAt);
    const act = s.actService ? evaluate(s.actService, now, ctx.deps) : undefined;
    return r.items.map((item) => (act && isShut(act) && ACTED_THROUGH_SERVICE.has(item.kind) ? { ...item, closed: closedOf(act) } : item));
  } catch (e) {
    const timedOut = e instanceof DeadlineExceeded;
    ctx.log.warn({ source: s.key.split(':')[0], timedOut, err: errorSummary(e) }, 'agenda source not read');
    const message = timedOut
      ? `${s.name}的数据 ${AGENDA_SOURCE_BUDGET_MS / 1000} 秒内没有返回，请稍后刷新，或点此直接查看。`
      : e instanceof AppError
        ? e.message
        : `${s.name}暂时查不到，请稍后刷新。`;
    return [unreadable(person, s, message)];
  }
}

function unreadable(person: Person, s: Source, message: string, closed?: AgendaItem['closed']): AgendaItem {
  const since = lastAnswered.get(s.key);
  return {
    id: `unavailable:${s.key}`,
    kind: 'unavailable',
    title: closed ? `${s.name}：服务暂停` : `${s.name}：暂时查不到`,
    detail: message,
    forWhom: person.forWhom,
    path: s.path,
    ...(since ? { stale: { since } } : {}),
    ...(closed ? { closed } : {}),
  };
}
