import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';
import { report, scanPage, type ScanResult } from './scan';

/**
 * Accessibility of every page in the h5 build, in normal and 大字模式: every touch target at
 * least 44 × 44 CSS px and every text at least 4.5:1 against what is behind it; and a keyboard
 * walk of the hub that reaches every tile by Tab and opens it with Enter or Space.
 * A new page joins the scan with one line in PAGES.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const LATE = '2026-03-10T23:45:00+08:00';
const AFTER_REOPEN = '2026-03-11T00:31:00+08:00';
const TRAFFIC_MAINTENANCE = '2026-03-10T03:00:00+08:00';

interface Fixture {
  bindingId: string;
  orderId: string;
  vehicleId: string;
  fineOrderId: string;
  ticketId: string;
  /** 李秀英's prepay electricity meter, and her settled ¥50 top-up of it. */
  prepaidBindingId: string;
  topupOrderId: string;
}

interface ScanTarget {
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

const PAGES: ScanTarget[] = [
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
  { name: 'bill at 23:45', path: (f) => `/bills/pages/bill/index?bindingId=${f.bindingId}&kind=electricity`, ready: '.bm-bills-pay-status--closed', now: LATE },
  { name: 'result', path: (f) => `/bills/pages/result/index?orderId=${f.orderId}`, ready: '.bm-bills-result__hero[data-status]' },
  {
    name: 'result, receipt image downloaded',
    path: (f) => `/bills/pages/result/index?orderId=${f.orderId}`,
    ready: '.bm-bills-result__hero[data-status="settled"]',
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
      await shown(page, '.bm-bills-orders-show [data-show="all"]').click();
      await shown(page, '.bm-bills-order--not-paid').first().waitFor();
    },
  },
  { name: 'messages', path: () => '/messages/pages/index/index', ready: '.bm-message-item', now: AFTER_REOPEN },
  { name: 'insurance verify', path: () => '/insurance/pages/verify/index?reason=required', ready: '.bm-ins-verify__why' },
  { name: 'insurance summary', path: () => '/insurance/pages/summary/index', ready: '.bm-ins-summary__accounts' },
  { name: 'insurance records', path: () => '/insurance/pages/records/index?insurance=pension', ready: '.bm-ins-records__totals' },
  { name: 'insurance access log', path: () => '/insurance/pages/access/index', ready: '.bm-ins-entry' },
  { name: 'insurance at 23:30', path: () => '/insurance/pages/summary/index', ready: '.bm-ins-summary-closed', now: '2026-03-10T23:30:00+08:00' },
  { name: 'vehicles', path: () => '/traffic/pages/vehicles/index', ready: '.bm-traffic-vehicle__payable' },
  { name: 'vehicles at 03:00', path: () => '/traffic/pages/vehicles/index', ready: '.bm-traffic-status-notice--maintenance', now: TRAFFIC_MAINTENANCE },
  { name: 'add vehicle', path: () => '/traffic/pages/add/index', ready: '.bm-traffic-add__by-photo' },
  { name: 'violations', path: (f) => `/traffic/pages/violations/index?vehicleId=${f.vehicleId}`, ready: '.bm-traffic-group--payable .bm-traffic-item' },
  { name: 'violation', path: (f) => `/traffic/pages/violation/index?vehicleId=${f.vehicleId}&violationId=44030126000001`, ready: '.bm-traffic-violation__today' },
  { name: 'fine receipt', path: (f) => `/traffic/pages/receipt/index?orderId=${f.fineOrderId}`, ready: '.bm-traffic-receipt__hero[data-status]' },
  { name: 'new ticket', path: () => '/tickets/pages/new/index', ready: '.bm-tk-new-category .bm-tk-chip' },
  {
    // The privacy consent sheet every page carries, here as the first photo asks for it.
    name: 'privacy consent sheet',
    path: () => '/tickets/pages/new/index',
    ready: '.bm-tk-new-category .bm-tk-chip',
    prepare: async (page) => {
      await shown(page, '.bm-tk-new-add-photo').click();
      await armed(page, '.bm-privacy-sheet');
    },
  },
  {
    name: 'privacy refused: what does not work',
    path: () => '/tickets/pages/new/index',
    ready: '.bm-tk-new-category .bm-tk-chip',
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
    ready: '.bm-tk-new-category .bm-tk-chip',
    prepare: async (page) => {
      await shown(page, '.bm-tk-new-kind .bm-tk-chip[data-kind="咨询"]').click();
      await shown(page, '.bm-tk-new-category .bm-tk-chip[data-category="社会保障"]').click();
      await shown(page, '.bm-tk-new-text textarea').fill('请问灵活就业人员如何缴纳社保？');
      await shown(page, '.bm-tk-new-submit').click();
      await armed(page, '.bm-tk-subscribe-sheet');
    },
  },
  { name: 'my tickets', path: () => '/tickets/pages/mine/index', ready: '.bm-tk-mine-ticket' },
  { name: 'ticket', path: (f) => `/tickets/pages/detail/index?ticketId=${f.ticketId}`, ready: '.bm-tk-timeline__item' },
  { name: 'agent', path: () => '/tickets/pages/agent/index', ready: '.bm-tk-agent-open' },
  { name: 'agent at 23:45', path: () => '/tickets/pages/agent/index', ready: '.bm-tk-agent-closed', now: LATE },
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

const resident = residents[0];
let e2e: E2E;
let fixture: Fixture;
const figures: string[] = [];

beforeAll(async () => {
  e2e = await startE2E();
  fixture = await prepareFixture();
}, 120_000);

afterAll(async () => {
  if (figures.length) console.log(`browser scan (targets ≥ 44 px, contrast ≥ 4.5:1)\n${figures.join('\n')}`);
  await e2e?.close();
});

/** A household with two months owed, one of them paid and posted, and a message in the inbox. */
async function prepareFixture(): Promise<Fixture> {
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const { order, payment } = await e2e.api<{ order: { orderId: string }; payment: { confirmPath: string } }>(
    'bills',
    { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0]!.billId, idempotencyKey: 'a11y_scan_0001' },
    as,
  );
  const confirmed = await fetch(`${e2e.stack.url}${payment.confirmPath}`, { method: 'POST', headers: { 'X-Dev-OpenId': resident.openid, 'X-Dev-Now': NOON } });
  expect(confirmed.status).toBe(200);
  await e2e.api('services', { action: 'remind', serviceId: 'bills.gas.pay', channel: 'inbox' }, { openid: resident.openid, now: LATE });
  const job = await fetch(`${e2e.stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'X-Dev-Now': '2026-03-11T07:01:00+08:00' } });
  expect(((await job.json()) as { data: { sent: number } }).data.sent).toBe(1);
  // A live real-name verification (the FaceID sandbox's pass) and one read, for the insurance pages.
  const started = await e2e.api<{ bizToken: string }>('insurance', { action: 'verify', name: resident.name, idNumber: resident.idNumber }, as);
  expect((await fetch(`${e2e.stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) })).status).toBe(200);
  await e2e.api('insurance', { action: 'summary' }, as);
  const car = resident.vehicles[0]!;
  const { vehicle } = await e2e.api<{ vehicle: { vehicleId: string } }>('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as);
  const fine = await e2e.api<{ order: { orderId: string } }>('traffic', { action: 'pay', vehicleId: vehicle.vehicleId, violationId: '44030126000002', idempotencyKey: 'a11y_scan_fine_01' }, as);
  const { ticket } = await e2e.api<{ ticket: { ticketId: string } }>(
    'tickets',
    { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId: 'a11y_scan_ticket_0001' },
    as,
  );
  // 李秀英's prepay meter, topped up by ¥50 and booked by the power company.
  const li = { openid: residents[1].openid, now: NOON };
  const liPower = residents[1].utilityAccounts.find((a) => a.kind === 'electricity')!;
  const prepaid = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: liPower.providerId, accountNo: liPower.accountNo, holderName: liPower.holderName, label: liPower.label }, li);
  const topup = await e2e.api<{ order: { orderId: string }; payment: { confirmPath: string } }>('bills', { action: 'topup', bindingId: prepaid.binding.bindingId, amount: 5000, idempotencyKey: 'a11y_scan_topup_01' }, li);
  expect((await fetch(`${e2e.stack.url}${topup.payment.confirmPath}`, { method: 'POST', headers: { 'X-Dev-OpenId': li.openid, 'X-Dev-Now': NOON } })).status).toBe(200);
  return {
    bindingId: binding.bindingId,
    orderId: order.orderId,
    vehicleId: vehicle.vehicleId,
    fineOrderId: fine.order.orderId,
    ticketId: ticket.ticketId,
    prepaidBindingId: prepaid.binding.bindingId,
    topupOrderId: topup.order.orderId,
  };
}

async function fault(department: string, mode: 'down' | 'ok'): Promise<void> {
  await fetch(`${e2e.stack.url}/api/__dev/departments/${department}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode }) });
}

async function scan(target: ScanTarget, largeFont: boolean): Promise<ScanResult> {
  for (const d of target.down ?? []) await fault(d, 'down');
  const page = await e2e.open({ openid: target.openid ?? resident.openid, now: target.now ?? NOON, path: target.path(fixture), largeFont });
  try {
    await shown(page, target.ready).first().waitFor({ timeout: 20_000 });
    if (largeFont) await shown(page, '.bm-page.bm-large-font').first().waitFor();
    await settled(page);
    await target.prepare?.(page);
    await settled(page);
    return await scanPage(page);
  } finally {
    await page.context().close();
    for (const d of target.down ?? []) await fault(d, 'ok');
    // The failed calls opened the client's circuit breaker; the pages after need the department
    // back: poll until the stack sees it (its half-open trial runs on real time).
    if (target.down?.length) await backUp();
  }
}

async function backUp(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const { availability } = await e2e.api<{ availability: { state: string } }>('services', { action: 'status', serviceId: 'bills.electricity.pay' }, { openid: resident.openid, now: NOON });
    if (availability.state !== 'down') return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the power company did not come back');
}

describe.each([
  { mode: 'normal', largeFont: false },
  { mode: '大字模式', largeFont: true },
])('in $mode', ({ mode, largeFont }) => {
  it.each(PAGES)('$name: no target under 44 px, no text under 4.5:1', async (target) => {
    const result = await scan(target, largeFont);
    const line = report(`${target.name} (${mode})`, result);
    figures.push(line.split('\n')[0]!);
    expect(result.targets).toBeGreaterThan(0);
    expect(result.texts).toBeGreaterThan(0);
    expect({ small: result.small, lowContrast: result.lowContrast, report: line }).toEqual({ small: [], lowContrast: [], report: expect.any(String) });
  });
});

it('catches what it is there for: a target under 44 px and faint text (the scan itself)', async () => {
  const page = await e2e.open({ openid: resident.openid, now: NOON });
  await shown(page, '.bm-hub-service-tile').first().waitFor();
  await settled(page);
  await page.evaluate(() => {
    const host = [...document.querySelectorAll('.bm-hub-body')].pop()!;
    const button = document.createElement('div');
    button.setAttribute('role', 'button');
    button.style.cssText = 'width: 40px; height: 30px; background: #ffffff; color: #1f2a37';
    button.textContent = '小';
    const faint = document.createElement('div');
    faint.style.cssText = 'color: #9aa7b8; background: #ffffff';
    faint.textContent = '浅灰文字';
    host.prepend(button, faint);
  });
  const result = await scanPage(page);
  expect(result.small).toEqual([expect.objectContaining({ width: 40, height: 30 })]);
  expect(result.lowContrast).toEqual([expect.objectContaining({ text: '浅灰文字', ratio: 2.44 })]);
  await page.context().close();
});

/** The first page of each live flow, as a hub tile opens it. */
const FLOW_PAGE: Record<string, string> = {
  bills: '.bm-bills-households',
  traffic: '.bm-traffic-vehicles',
  // The summary, or the verify step when no verification is live.
  insurance: '.bm-ins-page',
};

describe('the hub by keyboard', () => {
  /** What has focus: a tile's service id, or a short name of anything else. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return { tile: el.classList.contains('bm-hub-service-tile') ? el.getAttribute('data-service-id') : null, name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName };
    });

  it('reaches every tile with Tab and opens each with Enter or Space', async () => {
    const page = await e2e.open({ openid: resident.openid, now: NOON });
    await shown(page, '.bm-hub-service-tile').first().waitFor();
    await settled(page);
    const tiles = await shown(page, '.bm-hub-service-tile').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-service-id')!, live: el.getAttribute('data-live') === 'true' })));
    expect(tiles.length).toBeGreaterThanOrEqual(8);

    const opened: string[] = [];
    let key: 'Enter' | ' ' = 'Enter';
    for (let presses = 0; presses < 120 && opened.length < tiles.length; presses++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now?.tile || opened.includes(now.tile)) continue;
      const tile = tiles.find((t) => t.id === now.tile)!;
      await page.keyboard.press(key);
      if (tile.live) {
        // A live service goes straight to its flow (a utility's households, my vehicles…); back again, focus returns to the walk.
        await page.waitForURL((u) => !u.hash.startsWith('#/pages/hub'));
        await shown(page, FLOW_PAGE[tile.id.split('.')[0]!] ?? '.bm-page:not(.hub)').first().waitFor();
        await settled(page);
        await page.goBack();
        await shown(page, `.bm-hub-service-tile[data-service-id="${tile.id}"]`).waitFor();
        await settled(page);
        await shown(page, `.bm-hub-service-tile[data-service-id="${tile.id}"]`).focus();
      } else {
        // Not live yet: it says so in a dialog, which Escape closes, handing focus back to the tile.
        const sheet = shown(page, '.bm-hub-coming-soon-sheet');
        await sheet.waitFor();
        await expect(sheet.getAttribute('role')).resolves.toBe('dialog');
        await expect(sheet.textContent()).resolves.toContain('即将上线');
        await page.keyboard.press('Escape');
        await sheet.waitFor({ state: 'detached' });
        await expect(focused(page)).resolves.toMatchObject({ tile: tile.id });
      }
      opened.push(tile.id);
      key = key === 'Enter' ? ' ' : 'Enter';
    }
    expect(opened.sort()).toEqual(tiles.map((t) => t.id).sort());
    await page.context().close();
  });
});
