import type { Page } from 'playwright-core';
import { APP_ROUTES, uncovered } from '../client/src/flows';
import { type E2E, residents, settled, shown, startE2E } from './support';
import { report, scanPage, type ScanResult } from './scan';
import { type Fixture, LATE, NOON, routeOf, SCAN_TARGETS, type ScanTarget } from './scan-targets';

/**
 * Accessibility of every page in the h5 build, in normal and 大字模式: every touch target at
 * least 44 × 44 CSS px and every text at least 4.5:1 against what is behind it; and a keyboard
 * walk of the hub that reaches every tile by Tab and opens it with Enter or Space.
 * A new page joins the scan with one line in scan-targets.ts; a page a flow declares that no line
 * scans fails the first test here (and client/config/flows.test.ts without a browser).
 */
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
  it.each(SCAN_TARGETS)('$name: no target under 44 px, none named without its words, no text under 4.5:1', async (target) => {
    const result = await scan(target, largeFont);
    const line = report(`${target.name} (${mode})`, result);
    figures.push(line.split('\n')[0]!);
    expect(result.targets).toBeGreaterThan(0);
    expect(result.texts).toBeGreaterThan(0);
    expect({ small: result.small, mislabelled: result.mislabelled, lowContrast: result.lowContrast, report: line }).toEqual({ small: [], mislabelled: [], lowContrast: [], report: expect.any(String) });
  });
});

it('scans every page the flows declare (and the hub), in both font modes', () => {
  expect(uncovered(SCAN_TARGETS.map(routeOf))).toEqual([]);
  expect(SCAN_TARGETS.map(routeOf).filter((r) => !APP_ROUTES.includes(r as never))).toEqual([]);
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
    // Named for what it does, not for what it shows: voice control cannot find it by its words.
    const misnamed = document.createElement('div');
    misnamed.setAttribute('role', 'button');
    misnamed.setAttribute('aria-label', '缴纳罚款 ¥400.00');
    misnamed.style.cssText = 'width: 200px; height: 60px; background: #ffffff; color: #1f2a37';
    misnamed.textContent = '立即缴款 ¥400.00';
    const faint = document.createElement('div');
    faint.style.cssText = 'color: #9aa7b8; background: #ffffff';
    faint.textContent = '浅灰文字';
    host.prepend(button, misnamed, faint);
  });
  const result = await scanPage(page);
  expect(result.small).toEqual([expect.objectContaining({ width: 40, height: 30 })]);
  expect(result.lowContrast).toEqual([expect.objectContaining({ text: '浅灰文字', ratio: 2.44 })]);
  expect(result.mislabelled).toEqual([expect.objectContaining({ visible: '立即缴款 ¥400.00', name: '缴纳罚款 ¥400.00' })]);
  await page.context().close();
});

/** The first page of each live flow, as a hub tile opens it. */
const FLOW_PAGE: Record<string, string> = {
  bills: '.bm-bills-households',
  traffic: '.bm-traffic-vehicles',
  // The summary, or the verify step when no verification is live.
  insurance: '.bm-ins-summary, .bm-ins-verify',
  tickets: '.bm-tk-new, .bm-tk-agent',
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
        await shown(page, FLOW_PAGE[tile.id.split('.')[0]!] ?? '.bm-page:not(.bm-hub)').first().waitFor();
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
