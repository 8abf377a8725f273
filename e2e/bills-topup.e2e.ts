import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 预存电费 on a prepay meter, in the h5 build: the bill page shows the balance; an
 * amount below the department's minimum is refused under the field and nothing is paid; a valid
 * amount is paid in the sandbox sheet; the receipt shows the balance before → after as the power
 * company booked it, with no bill-period wording; 我的订单 names it 预存电费.
 */
const NOON = '2026-03-10T12:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await e2e.screenshot(page, name);
}

// Grouped by thousands, as every screen writes money (¥84,363.92).
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

it('tops up a prepay meter: balance shown, below-minimum refused under the field, ¥50 paid, receipt balance before → after, listed as 预存电费', async () => {
  // 李秀英's electricity is on a prepay meter (fixtures: ¥12.50).
  const resident = residents[1];
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  expect(account.prepaidBalance).toBeDefined();
  const before = account.prepaidBalance!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=electricity` });

  // The bill page of a prepay household: the balance, and 预存电费.
  const balance = shown(page, '.bm-bills-bill__prepaid-amount');
  await balance.waitFor();
  await expect(balance.textContent()).resolves.toBe(yuan(before));
  await expect(shown(page, '.bm-bills-bill__prepaid').textContent()).resolves.toContain('预付费电表');
  await expect(shown(page, '.bm-bills-bill__prepaid-balance').textContent()).resolves.toBe(`余额${yuan(before)}`);
  // Which money keeps the power on, and that topping up does not pay what is owed, said beside the balance.
  await expect(shown(page, '.bm-bills-bill__prepaid-note').textContent()).resolves.toContain('余额用完会停电');
  await shot(page, 'bills-topup-balance');

  // The sheet states the department's rules before anything is typed.
  await shown(page, '.bm-bills-bill__topup').click();
  const sheet = '.bm-bills-topup-sheet';
  await shown(page, sheet).waitFor();
  await expect(shown(page, '.bm-bills-topup-sheet .bm-field__rules').textContent()).resolves.toContain('最低 ¥10.00，须为 ¥1.00 的整数倍');
  await armed(page, sheet);

  // Below the minimum: the server's wording under the field, no order, no pay sheet.
  await shown(page, '.bm-bills-topup-sheet__amount input').fill('9.5');
  await shown(page, '.bm-bills-topup-sheet__pay').click();
  await expect(shown(page, '.bm-bills-topup-sheet__error').textContent()).resolves.toBe('最少 ¥10.00');
  await expect(shown(page, '.bm-bills-topup-sheet__amount input').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(await shown(page, '.bm-pay-sandbox-sheet').count()).toBe(0);
  expect((await e2e.api<{ orders: unknown[] }>('payments', { action: 'orders', show: 'all' }, as)).orders).toEqual([]);
  await shot(page, 'bills-topup-below-minimum');

  // Off the step, typed: the same words as the server's.
  await shown(page, '.bm-bills-topup-sheet__amount input').fill('20.5');
  await shown(page, '.bm-bills-topup-sheet__pay').click();
  await expect(shown(page, '.bm-bills-topup-sheet__error').textContent()).resolves.toBe('须为 ¥1.00 的整数倍');

  // A preset: ¥50, the button says what will be paid; then the sandbox pay sheet.
  await shown(page, '.bm-bills-topup-sheet__preset').filter({ hasText: '¥50.00' }).click();
  expect(await shown(page, '.bm-bills-topup-sheet__error').count()).toBe(0);
  await expect(shown(page, '.bm-bills-topup-sheet__amount input').inputValue()).resolves.toBe('50');
  await expect(shown(page, '.bm-bills-topup-sheet__pay').textContent()).resolves.toBe('确认支付 ¥50.00');
  await shown(page, '.bm-bills-topup-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(page, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe('¥50.00');
  await expect(shown(page, '.bm-pay-sandbox-sheet').textContent()).resolves.toContain('预存电费');
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();

  // The receipt: booked by the power company, balance before → after as it says, no periods.
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  await shown(page, '.bm-bills-result__balance').waitFor();
  await expect(shown(page, '.bm-bills-result__balance .bm-row__value').textContent()).resolves.toBe(`${yuan(before)} → ${yuan(before + 5000)}`);
  const details = (await shown(page, '.bm-receipt__details').textContent()) ?? '';
  expect(details).toContain('预存电费');
  expect(details).toContain('¥50.00');
  expect(details).not.toMatch(/期|预存 \d{4}|TOPUP|违约金/);
  expect(await shown(page, '.bm-bills-result__remaining').count()).toBe(0);
  expect(await shown(page, '.bm-bills-result__cleared').count()).toBe(0);
  await expect(shown(page, '.bm-receipt__department-ref').textContent()).resolves.toMatch(/缴费单位回执号/);
  const orderId = ((await shown(page, '.bm-receipt__order-id .bm-row__value').textContent()) ?? '').trim();
  expect(orderId).toMatch(/^BM/);
  await shot(page, 'bills-topup-receipt');

  // 我的订单: 预存电费, not the internal period or id.
  await shown(page, '.bm-bills-result__orders').click();
  const row = shown(page, `.bm-bills-order[data-order-id="${orderId}"]`);
  await row.waitFor();
  await expect(row.locator('.bm-bills-order__title').textContent()).resolves.toBe('预存电费');
  await expect(row.locator('.bm-bills-order__status').textContent()).resolves.toBe('支付成功 · 已入账');
  expect((await row.textContent()) ?? '').not.toMatch(/TOPUP|预存 \d{4}/);
  await expect(row.getAttribute('aria-label')).resolves.toContain('预存电费');
  await shot(page, 'bills-topup-orders');

  // The department's balance now, as the bill page will show it.
  const after = await e2e.api<{ prepaidBalance?: number }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  expect(after.prepaidBalance).toBe(before + 5000);
  await page.context().close();
});
