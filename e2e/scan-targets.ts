import type { Page } from 'playwright-core';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { armed, shown } from './locate';

/**
 * The pages the browser scan measures (e2e/a11y.e2e.ts), each in the state to measure, in normal
 * and 大字模式. Which pages must be here is not this list's to decide: the flows' declarations
 * (client/src/<flow>/flow.ts) are, and client/config/flows.test.ts fails for a declared page
 * that no entry scans.
 */
const residents = RESIDENTS;

export const NOON = '2026-03-10T12:00:00+08:00';
export const LATE = '2026-03-10T23:45:00+08:00';
const AFTER_REOPEN = '2026-03-11T00:31:00+08:00';
const TRAFFIC_MAINTENANCE = '2026-03-10T03:00:00+08:00';

export interface Fixture {
  bindingId: string;
  orderId: string;
  vehicleId: string;
  fineOrderId: string;
  ticketId: string;
  /** 李秀英's prepay electricity meter, and her settled ¥50 top-up of it. */
  prepaidBindingId: string;
  topupOrderId: string;
}

export interface ScanTarget {
  name: string;
  path(f: Fixture): string;
  /** Shown once the page has its data. */
  ready: string;
  now?: string;
  /** Brings the page into the state to scan (a sheet open…). */
  prepare?(page: Page): Promise<void>;
  /** Departments made 'down' (dev fault lever) while the page is scanned. */
  down?: string[];
  /** Another resident than 张晓明 (李秀英 for her prepay meter). */
  openid?: string;
}

export const SCAN_TARGETS: ScanTarget[] = [
  { name: 'hub', path: () => '/pages/hub/index', ready: '.bm-hub-service-tile' },
  { name: 'hub at 23:45', path: () => '/pages/hub/index', ready: '.bm-hub-service-tile', now: LATE },
  {
    name: 'hub hours sheet',
    path: () => '/pages/hub/index',
    ready: '.bm-hub-service-tile',
    now: LATE,
    prepare: async (page) => {
      await shown(page, '.bm-hub-service-tile__info[data-service-id="bills.electricity.pay"]').click();
      await shown(page, '.bm-availability-sheet .bm-availability-sheet__hours').waitFor();
    },
  },
  { name: 'households', path: () => '/bills/pages/households/index?kind=electricity', ready: '.bm-bills-household .bm-bills-household__amount-row' },
  { name: 'bind', path: () => '/bills/pages/bind/index?kind=electricity', ready: '.bm-bills-provider--on' },
  { name: 'bill', path: (f) => `/bills/pages/bill/index?bindingId=${f.bindingId}&kind=electricity`, ready: '.bm-bills-bill__summary' },
  { name: 'bill with its 12-month usage chart', path: (f) => `/bills/pages/bill/index?bindingId=${f.bindingId}&kind=electricity`, ready: '.bm-bills-usage__caption' },
  { name: 'bill at 23:45', path: (f) => `/bills/pages/bill/index?bindingId=${f.bindingId}&kind=electricity`, ready: '.bm-availability-notice--closed', now: LATE },
  { name: 'result', path: (f) => `/bills/pages/result/index?orderId=${f.orderId}`, ready: '.bm-receipt__hero[data-status]' },
  {
    name: 'result, receipt image downloaded',
    path: (f) => `/bills/pages/result/index?orderId=${f.orderId}`,
    ready: '.bm-receipt__hero[data-status="settled"]',
    prepare: async (page) => {
      await shown(page, '.bm-receipt-image__save').click();
      await shown(page, '.bm-receipt-image__saved').waitFor();
    },
  },
  {
    name: 'bill of a prepay household (余额, 预存电费)',
    path: (f) => `/bills/pages/bill/index?bindingId=${f.prepaidBindingId}&kind=electricity`,
    ready: '.bm-bills-bill__prepaid-amount',
    openid: residents[1].openid,
  },
  {
    name: 'top-up sheet, amount below the minimum',
    path: (f) => `/bills/pages/bill/index?bindingId=${f.prepaidBindingId}&kind=electricity`,
    ready: '.bm-bills-bill__prepaid-amount',
    openid: residents[1].openid,
    prepare: async (page) => {
      await shown(page, '.bm-bills-bill__topup').click();
      await armed(page, '.bm-bills-topup-sheet');
      await shown(page, '.bm-bills-topup-sheet__amount input').fill('5');
      await shown(page, '.bm-bills-topup-sheet__pay').click();
      await shown(page, '.bm-bills-topup-sheet__error').waitFor();
    },
  },
  {
    name: 'top-up receipt (余额 before → after)',
    path: (f) => `/bills/pages/result/index?orderId=${f.topupOrderId}`,
    ready: '.bm-bills-result__balance',
    openid: residents[1].openid,
  },
  { name: 'orders', path: () => '/bills/pages/orders/index', ready: '.bm-bills-order' },
  {
    name: 'orders 全部',
    path: () => '/bills/pages/orders/index',
    ready: '.bm-bills-order',
    // The pending fine order: under 全部 only, labelled 待支付，未扣款 with its amount struck through.
    prepare: async (page) => {
      await shown(page, '.bm-bills-orders-show [data-tab="all"]').click();
      await shown(page, '.bm-bills-order--not-paid').first().waitFor();
    },
  },
  { name: 'messages', path: () => '/messages/pages/index/index', ready: '.bm-message-item', now: AFTER_REOPEN },
  { name: 'my data', path: () => '/me/pages/data/index', ready: '.bm-me-data-section' },
  {
    name: 'my data, delete sheet',
    path: () => '/me/pages/data/index',
    ready: '.bm-me-data-section',
    prepare: async (page) => {
      await shown(page, '.bm-me-data__delete-open').click();
      await shown(page, '.bm-me-delete-sheet .bm-me-delete-sheet__word').waitFor();
    },
  },
  { name: 'service status', path: () => '/services/pages/status/index', ready: '.bm-status-dept .bm-status-service' },
  { name: 'service status, traffic maintenance, power company down', path: () => '/services/pages/status/index', ready: '.bm-status-service[data-state="down"]', now: TRAFFIC_MAINTENANCE, down: ['power'] },
  { name: 'insurance verify', path: () => '/insurance/pages/verify/index?reason=required', ready: '.bm-ins-verify__why' },
  { name: 'insurance summary', path: () => '/insurance/pages/summary/index', ready: '.bm-ins-summary__accounts' },
  { name: 'insurance records', path: () => '/insurance/pages/records/index?insurance=pension', ready: '.bm-ins-records__totals' },
  { name: 'insurance access log', path: () => '/insurance/pages/access/index', ready: '.bm-ins-entry' },
  { name: 'pension eligibility (a worker: none needed)', path: () => '/insurance/pages/eligibility/index', ready: '.bm-ins-eligibility__none' },
  { name: 'agenda', path: () => '/me/pages/agenda/index', ready: '.bm-agenda-item' },
  { name: 'insurance at 23:30', path: () => '/insurance/pages/summary/index', ready: '.bm-ins-summary-closed', now: '2026-03-10T23:30:00+08:00' },
  { name: 'vehicles', path: () => '/traffic/pages/vehicles/index', ready: '.bm-traffic-vehicle__payable' },
  { name: 'vehicles at 03:00', path: () => '/traffic/pages/vehicles/index', ready: '.bm-availability-notice--maintenance', now: TRAFFIC_MAINTENANCE },
  { name: 'add vehicle', path: () => '/traffic/pages/add/index', ready: '.bm-traffic-add__by-photo' },
  { name: 'violations', path: (f) => `/traffic/pages/violations/index?vehicleId=${f.vehicleId}`, ready: '.bm-traffic-group--payable .bm-traffic-item' },
  { name: 'violation', path: (f) => `/traffic/pages/violation/index?vehicleId=${f.vehicleId}&violationId=44030126000001`, ready: '.bm-traffic-violation__today' },
  { name: 'fine receipt', path: (f) => `/traffic/pages/receipt/index?orderId=${f.fineOrderId}`, ready: '.bm-receipt__hero[data-status]' },
  { name: 'new ticket', path: () => '/tickets/pages/new/index', ready: '.bm-tk-new-category .bm-choice' },
  {
    // The privacy consent sheet every page carries, here as the first photo asks for it.
    name: 'privacy consent sheet',
    path: () => '/tickets/pages/new/index',
    ready: '.bm-tk-new-category .bm-choice',
    prepare: async (page) => {
      await shown(page, '.bm-tk-new-add-photo').click();
      await armed(page, '.bm-privacy-sheet');
    },
  },
  {
    name: 'privacy refused: what does not work',
    path: () => '/tickets/pages/new/index',
    ready: '.bm-tk-new-category .bm-choice',
    prepare: async (page) => {
      await shown(page, '.bm-tk-new-add-photo').click();
      await armed(page, '.bm-privacy-sheet');
      await shown(page, '.bm-privacy-sheet__refuse').click();
      await shown(page, '.bm-tk-new-media-refused').waitFor();
    },
  },
  {
    name: 'new ticket, subscribe prompt (h5 stand-in)',
    path: () => '/tickets/pages/new/index',
    ready: '.bm-tk-new-category .bm-choice',
    prepare: async (page) => {
      await shown(page, '.bm-tk-new-kind .bm-choice[data-kind="咨询"]').click();
      await shown(page, '.bm-tk-new-category .bm-choice[data-category="社会保障"]').click();
      await shown(page, '.bm-tk-new-text textarea').fill('请问灵活就业人员如何缴纳社保？');
      await shown(page, '.bm-tk-new-submit').click();
      await armed(page, '.bm-tk-subscribe-sheet');
    },
  },
  { name: 'my tickets', path: () => '/tickets/pages/mine/index', ready: '.bm-tk-mine-ticket' },
  { name: 'ticket', path: (f) => `/tickets/pages/detail/index?ticketId=${f.ticketId}`, ready: '.bm-tk-timeline__item' },
  { name: 'agent', path: () => '/tickets/pages/agent/index', ready: '.bm-tk-agent-open' },
  { name: 'agent at 23:45', path: () => '/tickets/pages/agent/index', ready: '.bm-tk-agent-closed', now: LATE },
  { name: 'family circle', path: () => '/me/pages/family/index', ready: '.bm-family-actions' },
  { name: 'family invite', path: () => '/me/pages/family-invite/index', ready: '.bm-family-scope' },
  { name: 'family accept', path: () => '/me/pages/family-accept/index?code=ABCDEFGHJKMNPQRS', ready: '.bm-family-accept-go' },
  // Last: a department made down leaves its client's circuit open for a while after.
  { name: 'bill, power company down', path: (f) => `/bills/pages/bill/index?bindingId=${f.bindingId}&kind=electricity`, ready: '.bm-bills-outage .bm-department-hotline', down: ['power'] },
  {
    name: 'hub sheet, power company down',
    path: () => '/pages/hub/index',
    ready: '.bm-hub-service-tile',
    down: ['power'],
    prepare: async (page) => {
      await shown(page, '.bm-hub-service-tile[data-service-id="bills.electricity.pay"]').click();
      await shown(page, '.bm-availability-sheet .bm-department-hotline').waitFor();
    },
  },
];

/** The page an entry scans, as app.json names it: `bills/pages/bill/index`. */
export function routeOf(target: ScanTarget): string {
  const any = new Proxy({}, { get: () => 'x' }) as Fixture;
  return target.path(any).split('?')[0]!.replace(/^\//, '');
}
