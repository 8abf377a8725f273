import { readFileSync } from 'node:fs';
import type { MyDataExport } from '@bianmin/core';
import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 我的数据 in the h5 build, as a resident does it: from the hub's row to the page that lists what
 * Bianmin holds (a household, a vehicle, a paid order), the whole document downloaded as JSON,
 * then 删除我的数据 — the sheet says what is erased and what the law keeps, refuses a wrong word,
 * erases on the right one, and the page and the functions hold nothing of the resident's after.
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

it('shows what Bianmin holds, downloads it as JSON, and deletes it after the typed word, keeping the paid order without the resident', async () => {
  const resident = residents[0];
  const as = { openid: resident.openid, now: NOON };
  const water = resident.utilityAccounts.find((a) => a.kind === 'water')!;
  const car = resident.vehicles[0];
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: water.providerId, accountNo: water.accountNo, holderName: water.holderName, label: '我家' }, as);
  await e2e.api('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const { order } = await e2e.api<{ order: { orderId: string } }>('bills', { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0].billId, idempotencyKey: 'e2e_my_data_pay_01' }, as);
  expect((await fetch(`${e2e.stack.url}/api/__dev/payments/${order.orderId}/confirm`, { method: 'POST', headers: { 'X-Dev-Now': NOON } })).status).toBe(200);
  // Posted right after the payment (the stack's afterPayment): wait until the order is settled.
  for (let i = 0; i < 50; i++) {
    const { order: o } = await e2e.api<{ order: { order: { status: string } } }>('payments', { action: 'order', orderId: order.orderId }, as);
    if (o.order.status === 'settled') break;
    await new Promise((r) => setTimeout(r, 100));
  }

  // The hub's row, where a resident looks for their account.
  const page = await e2e.open({ openid: resident.openid, now: NOON });
  await shown(page, '.bm-hub-my-data').click();
  await shown(page, '.bm-me-data-section').first().waitFor();
  await expect(shown(page, '.bm-me-data__total').textContent()).resolves.toMatch(/^便民保存了关于你的 \d+ 条记录$/);
  const households = shown(page, '.bm-me-data-section:has([data-section="bindings"])');
  await expect(households.locator('.bm-me-data-section__count').textContent()).resolves.toBe('1 条');
  await households.locator('.bm-me-data-section__toggle').click();
  // Their own data, in full: the account number and the address as bound.
  await expect(households.locator('.bm-me-data-record').textContent()).resolves.toContain(water.accountNo);
  await expect(households.locator('.bm-me-data-record').textContent()).resolves.toContain(water.address);
  await expect(shown(page, '.bm-me-data-section:has([data-section="vehicles"]) .bm-me-data-section__count').textContent()).resolves.toBe('1 条');
  await shot(page, 'me-data');

  // The whole document, downloaded: the JSON the function answered, with every section.
  const save = shown(page, '.bm-me-data__save');
  await expect(save.textContent()).resolves.toBe('下载数据文件（JSON）');
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe('bianmin-my-data-20260310-1200.json');
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as MyDataExport;
  expect(doc).toMatchObject({ format: 'bianmin.my-data/1', openid: resident.openid });
  expect(doc.sections.find((s) => s.key === 'bindings')?.rows).toEqual([expect.objectContaining({ accountNo: water.accountNo, holderName: expect.any(String) })]);
  expect(doc.sections.find((s) => s.key === 'orders')?.rows).toEqual([expect.objectContaining({ id: order.orderId, status: 'settled' })]);
  await expect(shown(page, '.bm-me-data__saved').textContent()).resolves.toBe('已下载 bianmin-my-data-20260310-1200.json');

  // 删除我的数据: the plan first — what is erased, what the law keeps and why.
  await shown(page, '.bm-me-data__delete-open').click();
  await armed(page, '.bm-me-delete-sheet');
  await shown(page, '.bm-me-delete-sheet .bm-me-delete-sheet__word').waitFor();
  const erase = await shown(page, '.bm-me-delete-sheet__erase').textContent();
  expect(erase).toContain('绑定的户号：1 条');
  expect(erase).toContain('添加的车辆：1 条');
  await expect(shown(page, '.bm-me-delete-sheet__keep').textContent()).resolves.toMatch(/缴费订单：1 条。.*30 年/);
  await shot(page, 'me-data-delete');

  // A wrong word is said under the field, and nothing is erased.
  await shown(page, '.bm-me-delete-sheet__word input').fill('删');
  await shown(page, '.bm-me-delete-sheet__confirm').click();
  await expect(shown(page, '.bm-me-delete-sheet__error').textContent()).resolves.toContain('请输入「删除」两个字确认');
  expect((await e2e.api<{ bindings: unknown[] }>('bills', { action: 'bindings' }, as)).bindings).toHaveLength(1);

  await shown(page, '.bm-me-delete-sheet__word input').fill('删除');
  await shown(page, '.bm-me-delete-sheet__confirm').click();
  await shown(page, '.bm-me-data__deleted').waitFor();
  await expect(shown(page, '.bm-me-data__deleted').textContent()).resolves.toMatch(/依法保留：.*缴费订单 1 条/);
  // The page asks again once the deletion is done: nothing is listed any more, and the account's record says it was deleted.
  await shown(page, '.bm-me-data__total').filter({ hasText: '便民没有保存关于你的个人信息' }).waitFor();
  await expect(page.locator('.bm-me-data-section--empty').count()).resolves.toBe(await page.locator('.bm-me-data-section').count());
  await expect(shown(page, '.bm-me-data__audit').textContent()).resolves.toContain('删除了');
  await shot(page, 'me-data-deleted');

  // The functions agree: nothing of the resident's is left under their openid.
  expect((await e2e.api<{ bindings: unknown[] }>('bills', { action: 'bindings' }, as)).bindings).toEqual([]);
  expect((await e2e.api<{ vehicles: unknown[] }>('traffic', { action: 'vehicles' }, as)).vehicles).toEqual([]);
  expect((await e2e.api<{ orders: unknown[] }>('payments', { action: 'orders', show: 'all' }, as)).orders).toEqual([]);
}, 120_000);
