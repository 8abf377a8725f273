import type { Page } from 'playwright-core';
import type { AgendaResult, BillResult, ViolationsResult } from '@bianmin/core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 我的待办 in the h5 build: 张晓明 with two households and a car. From the hub's 我的待办 row to
 * the agenda, whose amounts are the ones the bills and traffic pages show; one tap opens the bill,
 * and a household's bills are paid from the agenda (确认 → the sandbox pay sheet → the receipt).
 */
const NOON = '2026-03-10T12:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

// Grouped by thousands, as every screen writes money (¥84,363.92).
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await e2e.screenshot(page, name);
}

it('walks the agenda: the same amounts as the flows’ own pages, one tap to a bill, a household paid in one go', async () => {
  const resident = residents[0];
  const as = { openid: resident.openid, now: NOON };
  const bindingOf = async (kind: string) => {
    const a = resident.utilityAccounts.find((x) => x.kind === kind)!;
    return (await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: a.providerId, accountNo: a.accountNo, holderName: a.holderName, label: a.label }, as)).binding.bindingId;
  };
  const water = await bindingOf('water');
  const power = await bindingOf('electricity');
  const car = resident.vehicles[0]!;
  const { vehicle } = await e2e.api<{ vehicle: { vehicleId: string } }>('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as);
  const agenda = await e2e.api<AgendaResult>('me', { action: 'agenda' }, as);

  // The hub's row says how many things wait.
  const page = await e2e.open({ openid: resident.openid, now: NOON });
  const row = shown(page, '.bm-hub-agenda');
  expect(agenda.items.filter((i) => i.kind === 'unavailable')).toEqual([]);
  await expect(row.textContent()).resolves.toContain(`${agenda.items.length} 项待处理`);
  await row.click();
  await shown(page, '.bm-agenda-item--bill').first().waitFor();
  await expect(page.locator('.bm-agenda-item').count()).resolves.toBe(agenda.items.length);
  await expect(shown(page, '.bm-agenda-group__title').first().textContent()).resolves.toBe('我的待办');

  // Each household's amounts are bills.bill's: today's total, tomorrow's with one more day of late fee.
  for (const bindingId of [water, power]) {
    const bill = await e2e.api<BillResult>('bills', { action: 'bill', bindingId }, as);
    const owed = bill.arrears.bills.filter((b) => b.status === 'unpaid');
    const today = bill.arrears.total;
    const tomorrow = owed.reduce((s, b) => s + b.amountTomorrow, 0);
    const text = await shown(page, `.bm-agenda-item[data-item-id="bill:${bindingId}"] .bm-agenda-item__amount`).textContent();
    expect(text).toContain(`今天应缴 ${yuan(today)}`);
    if (tomorrow !== today) expect(text).toContain(`明天 ${yuan(tomorrow)}`);
  }
  // Each fine's are traffic.violations'.
  const violations = await e2e.api<ViolationsResult>('traffic', { action: 'violations', vehicleId: vehicle.vehicleId }, as);
  for (const v of violations.groups.flatMap((g) => g.violations).filter((x) => x.status === 'decided')) {
    const fine = shown(page, `.bm-agenda-item[data-item-id="fine:${v.violationId}"]`);
    await expect(fine.locator('.bm-agenda-item__amount').textContent()).resolves.toContain(`今天应缴 ${yuan(v.today!.amountDue)}`);
    await expect(fine.locator('.bm-agenda-item__deadline').textContent()).resolves.toMatch(/达到上限/);
  }
  await shot(page, 'agenda');

  // One tap opens the household's bill page, which says the same total.
  const waterBill = await e2e.api<BillResult>('bills', { action: 'bill', bindingId: water }, as);
  await shown(page, `.bm-agenda-item[data-item-id="bill:${water}"] .bm-agenda-item__main`).click();
  await expect(shown(page, '.bm-bills-bill__due-amount').textContent()).resolves.toBe(yuan(waterBill.arrears.total));
  await page.goBack();

  // 全部缴纳 → 确认 (each month, the total) → the pay sheet for exactly that → the receipt.
  await shown(page, `.bm-agenda-item[data-item-id="bill:${water}"] .bm-agenda-item__pay`).click();
  await armed(page, '.bm-agenda-pay-sheet');
  await expect(shown(page, '.bm-agenda-pay-sheet .bm-amount__value').textContent()).resolves.toBe(yuan(waterBill.arrears.total));
  await shot(page, 'agenda-confirm');
  await shown(page, '.bm-agenda-pay-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(page, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe(yuan(waterBill.arrears.total));
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  await shot(page, 'agenda-receipt');

  // The household owes nothing now: it leaves the agenda; the rest stays.
  const after = await e2e.api<AgendaResult>('me', { action: 'agenda' }, as);
  expect(after.items.find((i) => i.id === `bill:${water}`)).toBeUndefined();
  expect(after.items.find((i) => i.id === `bill:${power}`)).toBeDefined();
}, 120_000);
