import { billsFlow } from '../bills/flow';
import { insuranceFlow } from '../insurance/flow';
import { meFlow } from '../me/flow';
import { messagesFlow } from '../messages/flow';
import { servicesFlow } from '../services/flow';
import { ticketsFlow } from '../tickets/flow';
import { trafficFlow } from '../traffic/flow';
import type { AnyFlow, RoutesOf } from './define';

/**
 * Every subpackage, one line each: app.config.ts builds subPackages from this list, and the
 * browser scan and the simulated-WeChat tests each fail for a page here they do not cover.
 */
export const FLOWS = [messagesFlow, servicesFlow, billsFlow, insuranceFlow, trafficFlow, ticketsFlow, meFlow] as const;

/** The main package: the service hub only. */
export const HUB_ROUTE = 'pages/hub/index';

/** Every page of the app, as app.json and getCurrentPages() name them. */
export type AppRoute = typeof HUB_ROUTE | RoutesOf<(typeof FLOWS)[number]>;

export function routesOf(flow: AnyFlow): string[] {
  return Object.values(flow.pages).map((p) => `${flow.root}/${p}`);
}

export const APP_ROUTES = [HUB_ROUTE, ...FLOWS.flatMap((f) => routesOf(f))] as AppRoute[];

/** app.json's subPackages. */
export function subPackagesOf(flows: readonly AnyFlow[]): Array<{ root: string; pages: string[] }> {
  return flows.map((f) => ({ root: f.root, pages: Object.values(f.pages) }));
}

/** The app's routes that a list of covered ones (a test table) leaves out. */
export function uncovered(covered: Iterable<string>, routes: readonly string[] = APP_ROUTES): string[] {
  const have = new Set(covered);
  return routes.filter((r) => !have.has(r));
}

/** The page the hub opens for a catalogue service, as its declaring flow says (`/bills/pages/households/index`). */
export function hubEntryOf(serviceId: string, flows: readonly AnyFlow[] = FLOWS): string | null {
  for (const f of flows) {
    const page = f.services[serviceId];
    if (page) return `/${f.root}/${f.pages[page]}`;
  }
  return null;
}
