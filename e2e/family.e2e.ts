import type { Page } from 'playwright-core';
import { report, scanPage } from './scan';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 亲友代办 in the h5 build, across two browsers as across two phones: 李秀英 invites her son with
 * the bills scope; 陈静 (as the son) accepts in a second browser context from the invitation's
 * link, finds her water bill in his 我的待办 under 妈妈 (her bill page with the banner saying for
 * whom), pays it from the agenda on his own pay sheet; her list shows the payment made for her;
 * she revokes, and his very next call is refused.
 */
const NOON = '2026-03-10T12:00:00+08:00';

/** The shared scan (e2e/scan.ts) on a page in a state the scan's own table cannot seed: links, payments, the banner. */
async function accessible(page: Page, name: string): Promise<void> {
  await settled(page);
  const r = await scanPage(page);
  const line = report(name, r);
  expect({ small: r.small, mislabelled: r.mislabelled, lowContrast: r.lowContrast, report: line }).toEqual({ small: [], mislabelled: [], lowContrast: [], report: expect.any(String) });
}

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** Taro's h5 showModal: press its confirm button. */
async function confirmModal(page: Page): Promise<void> {
  const foot = page.locator('.taro__modal .taro-modal__foot').filter({ visible: true });
  await foot.waitFor();
  await foot.locator(':scope > :last-child').click();
}

it('invites in one browser, accepts in another, pays the relative’s water bill from the agenda, shows it to her and ends on revocation', async () => {
  const [, mother, , son] = residents;
  const water = mother.utilityAccounts.find((a) => a.kind === 'water')!;
  await e2e.api('bills', { action: 'bind', providerId: 'water', accountNo: water.accountNo, holderName: water.holderName, label: water.label }, { openid: mother.openid, now: NOON });

  // Her phone: hub → 亲友代办 → invite with the bills scope, as 妈妈.
  const hers = await e2e.open({ openid: mother.openid, now: NOON });
  await shown(hers, '.bm-hub-family-entry').click();
  await shown(hers, '.bm-family-empty').waitFor();
  await shown(hers, '.bm-family-invite').click();
  await expect(shown(hers, '.bm-family-scope[data-scope="bills"]').getAttribute('aria-checked')).resolves.toBe('true');
  await expect(shown(hers, '.bm-family-scope[data-scope="traffic"]').getAttribute('aria-checked')).resolves.toBe('false');
  await shown(hers, '.bm-family-label input').fill('妈妈');
  await shown(hers, '.bm-family-make').click();
  const link = await shown(hers, '.bm-family-share__link').getAttribute('data-link');
  expect(link).toMatch(/#\/me\/pages\/family-accept\/index\?code=[2-9A-Z]{16}$/);
  await settled(hers);
  await e2e.screenshot(hers, 'family-invite');

  // His phone, another browser context: the link opens the accept page with the code filled in.
  const his = await e2e.open({ openid: son.openid, now: NOON, path: link!.split('#')[1] });
  await shown(his, '.bm-family-accept-go').waitFor();
  await shown(his, '.bm-family-label input').fill('儿子');
  await shown(his, '.bm-family-accept-go').click();
  await expect(shown(his, '.bm-family-accepted').textContent()).resolves.toContain('您现在可以为 妈妈 代办');
  // His 我的待办: her group, her water bill with today's amount; one tap opens her bill with the banner saying for whom.
  await his.goto(`${e2e.stack.url}/#/me/pages/agenda/index`);
  const herGroup = shown(his, '.bm-agenda-group[data-for-whom="妈妈"]');
  await herGroup.locator('.bm-agenda-item--bill').first().waitFor();
  await accessible(his, 'the helper’s agenda with the relative’s items');
  await e2e.screenshot(his, 'family-agenda');
  await herGroup.locator('.bm-agenda-item--bill .bm-agenda-item__main').first().click();
  await shown(his, '.bm-bills-bill__due-amount').waitFor();
  await expect(shown(his, '.bm-acting-for').textContent()).resolves.toContain('正在为 妈妈 代办');
  const actingFor = await shown(his, '.bm-acting-for').getAttribute('data-link-id');
  expect(actingFor).toMatch(/^[0-9a-f-]{36}$/);
  await accessible(his, 'the relative’s bill with the acting-for banner');
  await e2e.screenshot(his, 'family-acting-bill');
  await his.goBack();

  // Paid from the agenda, tile-free: 全部缴纳 → 确认 → his own pay sheet → the receipt.
  await herGroup.locator('.bm-agenda-item--bill .bm-agenda-item__pay').first().click();
  await armed(his, '.bm-agenda-pay-sheet');
  const amount = (await shown(his, '.bm-agenda-pay-sheet .bm-amount__value').textContent()) ?? '';
  await shown(his, '.bm-agenda-pay-sheet__pay').click();
  await shown(his, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(his, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe(amount);
  await armed(his, '.bm-pay-sandbox-sheet');
  await shown(his, '.bm-pay-sandbox-sheet__confirm').click();
  await shown(his, '.bm-receipt__hero[data-status="settled"], .bm-receipt__hero[data-status="paid"]').waitFor({ timeout: 15_000 });
  const orderId = ((await shown(his, '.bm-receipt__order-id .bm-row__value').textContent()) ?? '').trim();
  expect(orderId).toMatch(/^BM/);

  // The order is hers, paid by him.
  const mine = await e2e.api<{ orders: Array<{ order: { orderId: string }; family?: { role: string; label: string } }> }>('payments', { action: 'orders' }, { openid: mother.openid, now: NOON });
  expect(mine.orders.find((o) => o.order.orderId === orderId)?.family).toEqual({ role: 'for_me', label: '儿子' });

  // Her list: the payment made for her, and what he did, by whom and when.
  await hers.goto(`${e2e.stack.url}/#/me/pages/family/index`);
  const payment = shown(hers, `.bm-family-payment[data-order-id="${orderId}"]`);
  await payment.waitFor();
  await expect(payment.textContent()).resolves.toContain('由 儿子 代缴 · 水费');
  await expect(payment.textContent()).resolves.toContain(amount);
  await expect(shown(hers, '.bm-family-log').textContent()).resolves.toContain('儿子：发起缴纳水费');
  await accessible(hers, 'the holder’s family list with a helper, a payment and the record');
  await e2e.screenshot(hers, 'family-list');

  // His list: whom he helps, one button per scope she gave.
  await his.goto(`${e2e.stack.url}/#/me/pages/family/index`);
  await expect(shown(his, '.bm-family-helping').textContent()).resolves.toContain('为 妈妈 办理水电燃气缴费');
  await accessible(his, 'the helper’s family list');

  // She revokes (with a confirmation); his very next call is refused, in words.
  await shown(hers, '.bm-family-helper .bm-family-revoke').click();
  await confirmModal(hers);
  await shown(hers, '.bm-family-empty').waitFor();
  await his.reload();
  await shown(his, '.bm-family-empty').waitFor();
  await his.goto(`${e2e.stack.url}/#/bills/pages/households/index?actingFor=${actingFor}`);
  await his.getByText('代办关系不存在或已解除').filter({ visible: true }).first().waitFor();
  await expect(shown(his, '.bm-bills-household').count()).resolves.toBe(0);
  await hers.context().close();
  await his.context().close();
}, 120_000);
