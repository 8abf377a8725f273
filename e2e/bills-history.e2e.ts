import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type E2E, residents, SCREENSHOTS, settled, shown, startE2E } from './support';

/**
 * 我的订单 and the receipt, after the payment, in the h5 build: the history lists what
 * was paid by default and shows the sheet left unpaid only under 全部, labelled as not charged;
 * the receipt of a settled payment downloads as a PNG image (缴费凭证).
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

/** 李秀英's water household (three months owed): a sheet for one month left unpaid, then all three paid in one payment. */
async function paidAfterACancelledSheet() {
  const resident = residents[1];
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'water')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const billIds = bill.arrears.bills.map((b) => b.billId);
  const cancelled = await e2e.api<{ order: { orderId: string } }>('bills', { action: 'pay', bindingId: binding.bindingId, billId: billIds[0], idempotencyKey: 'e2e_history_one_01' }, as);
  const paid = await e2e.api<{ order: { orderId: string } }>('bills', { action: 'pay', bindingId: binding.bindingId, billIds, idempotencyKey: 'e2e_history_all_01' }, as);
  const confirmed = await fetch(`${e2e.stack.url}/api/__dev/payments/${paid.order.orderId}/confirm`, { method: 'POST', headers: { 'X-Dev-Now': NOON } });
  expect(confirmed.status).toBe(200);
  return { resident, cancelledId: cancelled.order.orderId, paidId: paid.order.orderId };
}

it('lists only the payment under 已支付, and the cancelled sheet under 全部 as 已取消，未扣款', async () => {
  const { resident, cancelledId, paidId } = await paidAfterACancelledSheet();
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: '/bills/pages/orders/index' });

  await shown(page, `.bm-bills-order[data-order-id="${paidId}"]`).waitFor();
  await expect(shown(page, '.bm-bills-orders-show [data-tab="paid"]').getAttribute('aria-selected')).resolves.toBe('true');
  expect(await shown(page, '.bm-bills-order').count()).toBe(1);
  expect(await shown(page, `.bm-bills-order[data-order-id="${cancelledId}"]`).count()).toBe(0);
  await expect(shown(page, `.bm-bills-order[data-order-id="${paidId}"] .bm-bills-order__status`).textContent()).resolves.toMatch(/^支付成功/);

  await shown(page, '.bm-bills-orders-show [data-tab="all"]').click();
  const cancelled = shown(page, `.bm-bills-order[data-order-id="${cancelledId}"]`);
  await cancelled.waitFor();
  await expect(shown(page, '.bm-bills-orders-show [data-tab="all"]').getAttribute('aria-selected')).resolves.toBe('true');
  await expect(cancelled.locator('.bm-bills-order__status').textContent()).resolves.toBe('已取消，未扣款');
  await expect(cancelled.getAttribute('aria-label')).resolves.toContain('已取消，未扣款');
  expect(await cancelled.evaluate((el) => el.classList.contains('bm-bills-order--not-paid'))).toBe(true);
  expect(await shown(page, `.bm-bills-order[data-order-id="${paidId}"]`).count()).toBe(1);
  await shot(page, 'bills-orders-all');

  // Back to 已支付: the cancelled sheet is gone again.
  await shown(page, '.bm-bills-orders-show [data-tab="paid"]').click();
  await cancelled.waitFor({ state: 'detached' });
  expect(await shown(page, '.bm-bills-order').count()).toBe(1);
  await page.context().close();
});

it('says where the unpaid orders are when nothing has been paid yet', async () => {
  const resident = residents[2];
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'gas')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const { order } = await e2e.api<{ order: { orderId: string } }>('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0].billId, idempotencyKey: 'e2e_history_pending' }, as);
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: '/bills/pages/orders/index' });
  await shown(page, '.bm-bills-orders-empty--paid').waitFor();
  await expect(shown(page, '.bm-bills-orders-empty--paid').textContent()).resolves.toContain('还没有支付成功的订单');
  await shown(page, '.bm-bills-orders-empty--paid .bm-button').click();
  const pending = shown(page, `.bm-bills-order[data-order-id="${order.orderId}"]`);
  await pending.waitFor();
  await expect(pending.locator('.bm-bills-order__status').textContent()).resolves.toBe('待支付，未扣款');
  await page.context().close();
});

it('downloads the settled receipt as a PNG image (缴费凭证) that is the receipt, not a blank canvas', async () => {
  const resident = residents[0];
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const { order } = await e2e.api<{ order: { orderId: string } }>('bills', { action: 'pay', bindingId: binding.bindingId, billIds: bill.arrears.bills.map((b) => b.billId), idempotencyKey: 'e2e_receipt_image_01' }, as);
  expect((await fetch(`${e2e.stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'X-Dev-Now': NOON } })).status).toBe(200);

  const page = await e2e.open({ openid: resident.openid, now: NOON, path: `/bills/pages/result/index?orderId=${order.orderId}` });
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  const save = shown(page, '.bm-receipt-image__save');
  await expect(save.textContent()).resolves.toBe('下载缴费凭证图片');
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe(`缴费凭证-${order.orderId}.png`);
  const file = await download.path();
  const png = readFileSync(file);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR: 375 CSS px wide at the phone's pixel ratio of 2, as tall as the receipt needs.
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(width).toBe(750);
  expect(height).toBeGreaterThan(900);
  expect(png.length).toBeGreaterThan(20_000);
  expect(png.length).toBeLessThan(2_000_000);

  // Decoded by the browser: mostly not the background colour, with dark text on it.
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const [r0, g0, b0] = [d[d.length - 4], d[d.length - 3], d[d.length - 2]]; // a bottom corner: the page background
    let other = 0;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 24) other++;
      if (d[i] + d[i + 1] + d[i + 2] < 200) dark++;
    }
    return { total: d.length / 4, other, dark };
  }, png.toString('base64'));
  expect(pixels.other / pixels.total).toBeGreaterThan(0.3);
  expect(pixels.dark).toBeGreaterThan(2_000);

  await shown(page, '.bm-receipt-image__saved').waitFor();
  await expect(shown(page, '.bm-receipt-image__saved').textContent()).resolves.toContain('已下载');
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(file, join(SCREENSHOTS, 'bills-receipt-image.png'));
  await shot(page, 'bills-receipt-image-saved');
  await page.context().close();
});
