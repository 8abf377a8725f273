import type { Page } from 'playwright-core';
import type { UtilityKind } from '@bianmin/core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * The bills flow in the h5 build, as a resident does it: from the hub's 电费缴纳 tile to a
 * household, its bill, the sandbox pay sheet and the receipt; and at 23:45 the bill page says
 * that paying is paused until 00:30 before anyone taps Pay.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const LATE = '2026-03-10T23:45:00+08:00';

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

/** '¥281.19' for 28119 fen, as the page prints it. */
// Grouped by thousands, as every screen writes money (¥84,363.92).
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

it('binds the fixture electricity account from the hub, pays its bill in the sandbox and lists the payment', async () => {
  const resident = residents[0];
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  expect(account.unpaidMonths).toBeGreaterThan(0);
  const page = await e2e.open({ openid: resident.openid, now: NOON });

  // Hub → 电费缴纳 → my electricity households (none yet: the friendly empty state).
  await page.locator('.bm-hub-service-tile[data-service-id="bills.electricity.pay"]').click();
  await shown(page, '.bm-bills-households-empty').waitFor();
  await expect(shown(page, '.bm-bills-households-empty').textContent()).resolves.toContain('还没有绑定电费户号');
  await shown(page, '.bm-bills-households-empty .bm-bills-add').click();

  // Add a household: the power company is preselected by the tile; a wrong number is caught on the phone.
  await shown(page, '.bm-bills-provider--on[data-provider-id="power"]').waitFor();
  await expect(shown(page, '.bm-bills-bind .bm-field__hint').first().textContent()).resolves.toContain('13 位数字');
  await shown(page, '.bm-bills-bind__account input').fill('12345');
  await shown(page, '.bm-bills-bind__submit').click();
  await expect(shown(page, '.bm-bills-bind__account-error').textContent()).resolves.toContain('13 位数字');
  await shown(page, '.bm-bills-bind__account input').fill(account.accountNo);
  // The proof the power company checks: the holder's full name (fixtures list it).
  await shown(page, '.bm-bills-bind__holder input').fill(account.holderName);
  await shown(page, '.bm-bills-bind__labels .bm-choice').filter({ hasText: account.label }).click();
  await shown(page, '.bm-bills-bind__submit').click();

  // Straight to the new household's bill: the amount owed, as the department has it.
  await shown(page, '.bm-bills-bill__due-amount').waitFor();
  const { bindings } = await e2e.api<{ bindings: Array<{ bindingId: string; kind: string }> }>('bills', { action: 'bindings' }, { openid: resident.openid, now: NOON });
  const bindingId = bindings.find((b) => b.kind === 'electricity')!.bindingId;
  const bill = await e2e.api<{ arrears: { total: number; bills: Array<{ amountDue: number; period: string }> } }>(
    'bills',
    { action: 'bill', bindingId },
    { openid: resident.openid, now: NOON },
  );
  const owed = yuan(bill.arrears.total);
  await expect(shown(page, '.bm-bills-bill__due-amount').textContent()).resolves.toBe(owed);
  await expect(shown(page, '.bm-bills-bill__age').textContent()).resolves.toMatch(/数据(刚刚更新|更新于)/);
  expect(await shown(page, '.bm-bills-tiers__row').count()).toBeGreaterThan(1); // head + tiered lines

  // Back to the list: the household now shows what it owes.
  await page.goBack();
  await shown(page, '.bm-bills-household[data-kind="electricity"] .bm-bills-household__amount-value').waitFor();
  await expect(shown(page, '.bm-bills-household[data-kind="electricity"] .bm-bills-household__amount-value').textContent()).resolves.toBe(owed);
  await expect(shown(page, '.bm-bills-household[data-kind="electricity"]').textContent()).resolves.toContain(account.accountNo.slice(-4));
  await shot(page, 'bills-households');

  await shown(page, '.bm-bills-household[data-kind="electricity"] .bm-bills-household__main').click();
  await shown(page, '.bm-bills-bill__due-amount').waitFor();
  await expect(shown(page, '.bm-bills-pay-bar').textContent()).resolves.toContain(yuan(bill.arrears.bills[0].amountDue));
  await shot(page, 'bills-bill');

  // Pay → confirm sheet (what and how much) → sandbox pay sheet → confirm.
  await shown(page, '.bm-bills-pay').click();
  await shown(page, '.bm-bills-confirm-sheet').waitFor();
  await expect(shown(page, '.bm-bills-confirm-sheet__amount .bm-amount__value').textContent()).resolves.toBe(yuan(bill.arrears.bills[0].amountDue));
  await armed(page, '.bm-bills-confirm-sheet');
  await shown(page, '.bm-bills-confirm-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(page, '.bm-pay-sandbox-sheet').textContent()).resolves.toContain('沙箱支付');
  await expect(shown(page, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe(yuan(bill.arrears.bills[0].amountDue));
  await shot(page, 'bills-sandbox-pay');
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();

  // The receipt reads the order from the server: paid, and posted to the power company.
  const hero = shown(page, '.bm-receipt__hero[data-status="settled"], .bm-receipt__hero[data-status="paid"]');
  await hero.waitFor({ timeout: 15_000 });
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toMatch(/^支付成功/);
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('支付成功 · 已入账');
  await expect(shown(page, '.bm-receipt__department-ref').textContent()).resolves.toMatch(/缴费单位回执号/);
  await expect(shown(page, '.bm-receipt__transaction').textContent()).resolves.toMatch(/微信支付单号/);
  const orderId = ((await shown(page, '.bm-receipt__order-id .bm-row__value').textContent()) ?? '').trim();
  expect(orderId).toMatch(/^BM/);
  await shot(page, 'bills-receipt');

  // History lists it, newest first, with its state in words.
  await shown(page, '.bm-bills-result__orders').click();
  const row = shown(page, `.bm-bills-order[data-order-id="${orderId}"]`);
  await row.waitFor();
  await expect(shown(page, '.bm-bills-order').first().getAttribute('data-order-id')).resolves.toBe(orderId);
  await expect(row.locator('.bm-bills-order__status').textContent()).resolves.toBe('支付成功 · 已入账');

  // And the household is paid up.
  await page.goto(`${e2e.stack.url}/#/bills/pages/households/index?kind=electricity`);
  await shown(page, '.bm-bills-household[data-kind="electricity"] .bm-bills-household__paid').waitFor();
  await page.context().close();
});

/** Binds a fixture household through the API and opens its bill page at noon. */
async function billPage(residentIndex: number, kind: UtilityKind) {
  const resident = residents[residentIndex];
  const account = resident.utilityAccounts.find((a) => a.kind === kind)!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>(
    'bills',
    { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label },
    { openid: resident.openid, now: NOON },
  );
  const bill = await e2e.api<{ arrears: { total: number; bills: Array<{ billId: string; amountDue: number; period: string }> } }>(
    'bills',
    { action: 'bill', bindingId: binding.bindingId },
    { openid: resident.openid, now: NOON },
  );
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=${kind}` });
  await shown(page, '.bm-bills-bill__due-amount').waitFor();
  return { resident, bindingId: binding.bindingId, bill, page };
}

const orders = async (openid: string, kind: string) =>
  (await e2e.api<{ orders: Array<{ order: { orderId: string; status: string; kind: string } }> }>('payments', { action: 'orders' }, { openid, now: NOON })).orders.map((e) => e.order).filter((o) => o.kind === kind);

it('pays a two-month household in one payment; a double tap confirms nothing; a cancelled payment is 待支付 and its order page offers 继续支付', async () => {
  const { resident, bill, page } = await billPage(0, 'water');
  expect(bill.arrears.bills).toHaveLength(2);
  const total = yuan(bill.arrears.total);
  await expect(shown(page, '.bm-bills-pay').textContent()).resolves.toBe(`立即缴费 ${total}`);

  // A double tap on 立即缴费: the confirm sheet opens, and the second tap confirms nothing.
  await shown(page, '.bm-bills-pay').dblclick();
  await shown(page, '.bm-bills-confirm-sheet').waitFor();
  // Once the sheet takes taps, a confirmed second tap would long have made an order.
  await armed(page, '.bm-bills-confirm-sheet');
  expect(await shown(page, '.bm-pay-sandbox-sheet').count()).toBe(0);
  expect(await orders(resident.openid, 'water')).toEqual([]);
  await expect(shown(page, '.bm-bills-confirm-sheet__amount .bm-amount__value').textContent()).resolves.toBe(total);
  expect(await shown(page, '.bm-bills-confirm-sheet__period').count()).toBe(2);

  // Confirm, then 取消 on the pay sheet: the household says 待支付, not "processing".
  await armed(page, '.bm-bills-confirm-sheet');
  await shown(page, '.bm-bills-confirm-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(page, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe(total);
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__cancel').click();
  await shown(page, '.bm-bills-pay-bar__pending').waitFor();
  await expect(shown(page, '.bm-bills-pay-bar__pending').textContent()).resolves.toContain('待支付');
  expect(await page.locator('text=支付处理中').count()).toBe(0);

  // The order page has its own 继续支付: the same order, paid in one payment.
  await shown(page, '.bm-bills-pay-bar__pending').click();
  await shown(page, '.bm-bills-result__continue-pay').waitFor();
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('待支付');
  await shown(page, '.bm-bills-result__continue-pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();

  // The receipt lists both months and, once the water company confirms nothing is owed, 已结清.
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  expect(await shown(page, '.bm-bills-result__line').count()).toBe(2);
  await shown(page, '.bm-bills-result__cleared').waitFor();
  await expect(shown(page, '.bm-receipt__amount').textContent()).resolves.toBe(total);
  const mine = await orders(resident.openid, 'water');
  expect(mine).toHaveLength(1);
  expect(mine[0].status).toBe('settled');
  await shot(page, 'bills-receipt-two-months');
  await page.context().close();
});

it('pays one of two months and the receipt says what is still owed, with a button to pay it', async () => {
  const { bill, page } = await billPage(2, 'gas');
  expect(bill.arrears.bills).toHaveLength(2);
  const [older, newer] = bill.arrears.bills; // oldest first
  await shown(page, `.bm-bills-arrears-item[data-bill-id="${older.billId}"] .bm-bills-arrears-item__pay`).click();
  await shown(page, '.bm-bills-confirm-sheet').waitFor();
  await expect(shown(page, '.bm-bills-confirm-sheet__amount .bm-amount__value').textContent()).resolves.toBe(yuan(older.amountDue));
  await armed(page, '.bm-bills-confirm-sheet');
  await shown(page, '.bm-bills-confirm-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  const remaining = shown(page, '.bm-bills-result__remaining');
  await remaining.waitFor();
  await expect(remaining.textContent()).resolves.toContain(`还有 1 期 ${yuan(newer.amountDue)} 待缴`);
  expect(await shown(page, '.bm-bills-result__cleared').count()).toBe(0);
  await shot(page, 'bills-receipt-one-of-two');
  await shown(page, '.bm-bills-result__pay-rest').click();
  await shown(page, '.bm-bills-pay').waitFor();
  await expect(shown(page, '.bm-bills-pay').textContent()).resolves.toBe(`立即缴费 ${yuan(newer.amountDue)}`);
  await page.context().close();
});

it('says at 23:45 that electricity payment is paused until 00:30, before Pay is tapped', async () => {
  const resident = residents[1];
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>(
    'bills',
    { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label },
    { openid: resident.openid, now: NOON },
  );
  const page = await e2e.open({ openid: resident.openid, now: LATE, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=electricity` });

  // The bill itself is still shown (looking it up is open all night)…
  await shown(page, '.bm-bills-bill__due-amount').waitFor();
  // …and the page says, unprompted, why paying is off and until when.
  const notice = shown(page, '.bm-availability-notice--closed');
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toMatch(/23:30.*00:30/);
  await expect(notice.textContent()).resolves.toContain('恢复');
  const payButton = shown(page, '.bm-bills-pay');
  await expect(payButton.textContent()).resolves.toBe('暂停缴费 · 00:30 恢复');
  await expect(payButton.getAttribute('aria-disabled')).resolves.toBe('true');
  await shot(page, 'bills-closed');

  // Tapping it anyway explains the hours instead of starting a payment (aria-disabled still
  // takes taps; Playwright would wait for it to become enabled, hence force).
  await payButton.click({ force: true });
  await shown(page, '.bm-availability-sheet').waitFor();
  expect(await shown(page, '.bm-bills-confirm-sheet').count()).toBe(0);
  await page.context().close();
});

/** The resident's binding of that kind (an earlier test may have made it), or a new one. */
async function boundOrBind(residentIndex: number, kind: UtilityKind): Promise<string> {
  const resident = residents[residentIndex];
  const account = resident.utilityAccounts.find((a) => a.kind === kind)!;
  const as = { openid: resident.openid, now: NOON };
  const { bindings } = await e2e.api<{ bindings: Array<{ bindingId: string; kind: string }> }>('bills', { action: 'bindings' }, as);
  const found = bindings.find((b) => b.kind === kind);
  if (found) return found.bindingId;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>(
    'bills',
    { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label },
    as,
  );
  return binding.bindingId;
}

/**
 * How many lines each element's text takes on screen: one client rect per line fragment of its
 * text (a Range over the element), so a header broken as "单 / 价/kWh" counts 2.
 */
async function linesOf(page: Page, selector: string): Promise<Array<{ text: string; lines: number; overflows: boolean }>> {
  return page.locator(selector).filter({ visible: true }).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const card = el.closest('.bm-card') ?? document.body;
      const box = range.getBoundingClientRect();
      const bounds = card.getBoundingClientRect();
      return { text: el.textContent ?? '', lines: tops.size, overflows: box.right > bounds.right + 0.5 || box.left < bounds.left - 0.5 };
    }),
  );
}

it('keeps table headers and order numbers whole in 大字模式 (no "单 / 价/kWh")', async () => {
  const resident = residents[1];
  const as = { openid: resident.openid, now: NOON };
  const bindingId = await boundOrBind(1, 'electricity');
  const page = await e2e.open({ ...as, path: `/bills/pages/bill/index?bindingId=${bindingId}&kind=electricity`, largeFont: true });
  await shown(page, '.bm-page.bm-large-font .bm-bills-tiers').waitFor();
  const headers = await linesOf(page, '.bm-bills-tiers__row--head .bm-bills-tiers__cell');
  expect(headers.map((h) => h.text)).toEqual(['阶梯', '用量', '单价/kWh', '金额']);
  for (const h of headers) expect(h).toEqual({ text: h.text, lines: 1, overflows: false });
  // Figures too: "¥0.68" and "120 kWh" are tokens.
  const figures = await linesOf(page, '.bm-bills-tiers__row:not(.bm-bills-tiers__row--head) .bm-bills-tiers__cell:not(.bm-bills-tiers__cell--name)');
  expect(figures.length).toBeGreaterThanOrEqual(3);
  for (const f of figures) expect(f).toEqual({ text: f.text, lines: 1, overflows: false });
  await shown(page, '.bm-bills-tiers').scrollIntoViewIfNeeded();
  await shot(page, 'bills-bill-large-font');

  // Pay one month, and on the receipt the order, WeChat Pay and department numbers are each on one line.
  await shown(page, '.bm-bills-arrears-item__pay').first().click();
  await shown(page, '.bm-bills-confirm-sheet').waitFor();
  await armed(page, '.bm-bills-confirm-sheet');
  await shown(page, '.bm-bills-confirm-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 15_000 });
  await shown(page, '.bm-receipt__department-ref').waitFor();
  const numbers = await linesOf(page, '.bm-receipt__refs .bm-row--token .bm-row__value');
  expect(numbers.map((n) => n.text)).toEqual([expect.stringMatching(/^BM/), expect.stringMatching(/^\d{28}$/), expect.stringMatching(/^POWERPAY/)]);
  for (const n of numbers) expect(n).toEqual({ text: n.text, lines: 1, overflows: false });
  await shown(page, '.bm-receipt__refs').scrollIntoViewIfNeeded();
  await shot(page, 'bills-receipt-large-font');
  await page.context().close();
});

it('shows the last 12 months as bars with the tier step marked and a sentence per bar; in 大字模式 as readable rows', async () => {
  const resident = residents[0];
  const as = { openid: resident.openid, now: NOON };
  const bindingId = await boundOrBind(0, 'electricity');
  const usage = await e2e.api<{ months: Array<{ period: string; usage: number; amount: number }>; threshold: { value: number; tierName: string } | null }>(
    'bills',
    { action: 'usage', bindingId },
    as,
  );
  expect(usage.months).toHaveLength(12);
  expect(usage.threshold).not.toBeNull();
  const page = await e2e.open({ ...as, path: `/bills/pages/bill/index?bindingId=${bindingId}&kind=electricity` });
  const bars = shown(page, '.bm-bills-usage__bar');
  await bars.first().waitFor();
  expect(await bars.count()).toBe(12);

  // Each bar says its month, usage in 度 and amount; the latest is 2026年2月.
  const labels = await bars.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  const latest = usage.months[11];
  expect(labels[11]).toBe(`2026年2月 用电 ${latest.usage} 度 ${yuan(latest.amount)}`);
  for (const l of labels) expect(l).toMatch(/^\d{4}年\d{1,2}月 用电 \d+ 度 ¥\d+\.\d{2}$/);

  // Heights follow usage: the tallest bar is the month with the most usage.
  const heights = await shown(page, '.bm-bills-usage__column .bm-bills-usage__fill').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  const most = usage.months.reduce((best, m, i) => (m.usage > usage.months[best].usage ? i : best), 0);
  expect(heights.indexOf(Math.max(...heights))).toBe(most);

  // The tier step is a line at its height on the bars' own scale, named in words.
  await expect(shown(page, '.bm-bills-usage__legend').textContent()).resolves.toContain(`${usage.threshold!.value} 度`);
  // Nothing opaque sits on the bars: the line's words once covered the tops of the months above
  // the step (a 35 m³ month read as 30). Every bar's top is the topmost thing at its centre.
  // In the middle of the screen: clear of the header and of the bar fixed at the foot.
  await shown(page, '.bm-bills-usage__plot').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const covered = await page.evaluate(() =>
    [...document.querySelectorAll('.bm-bills-usage__column .bm-bills-usage__fill')]
      .filter((e) => (e as HTMLElement).offsetParent)
      .map((fill) => {
        const r = fill.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
        // The layer that draws the dashed line (no words) may lie over a bar; anything with words may not.
        const ok = top && (top === fill || fill.contains(top) || (top.closest('.bm-bills-usage__layer') && !top.textContent));
        return ok ? null : (top?.className ?? 'nothing');
      })
      .filter((c) => c !== null),
  );
  expect(covered).toEqual([]);
  const geometry = await page.evaluate(() => {
    const layer = [...document.querySelectorAll('.bm-bills-usage__layer')].find((e) => (e as HTMLElement).offsetParent) as HTMLElement;
    const column = [...document.querySelectorAll('.bm-bills-usage__column')].find((e) => (e as HTMLElement).offsetParent) as HTMLElement;
    const l = layer.querySelector('.bm-bills-usage__threshold')!.getBoundingClientRect();
    const c = column.getBoundingClientRect();
    return { lineFromBottom: c.bottom - l.top, columnHeight: c.height };
  });
  const max = Math.max(...usage.months.map((m) => m.usage), usage.threshold!.value) * 1.1;
  expect(geometry.lineFromBottom / geometry.columnHeight).toBeCloseTo(usage.threshold!.value / max, 1);
  await shown(page, '.bm-bills-usage').scrollIntoViewIfNeeded();
  await shot(page, 'bills-usage');
  await page.context().close();

  // 大字模式: a row per month with its figures in words, each on one line.
  const large = await e2e.open({ ...as, path: `/bills/pages/bill/index?bindingId=${bindingId}&kind=electricity`, largeFont: true });
  const rows = shown(large, '.bm-large-font .bm-bills-usage__row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(12);
  await expect(rows.last().getAttribute('aria-label')).resolves.toBe(labels[11]);
  expect(await shown(large, '.bm-bills-usage__threshold--across').count()).toBe(12);
  for (const f of await linesOf(large, '.bm-bills-usage__row-month, .bm-bills-usage__row-usage, .bm-bills-usage__row-amount')) {
    expect(f).toEqual({ text: f.text, lines: 1, overflows: false });
  }
  await shown(large, '.bm-bills-usage').scrollIntoViewIfNeeded();
  await shot(large, 'bills-usage-large-font');
  await large.context().close();
});
