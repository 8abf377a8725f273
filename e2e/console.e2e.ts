import type { ServiceStatusResult } from '@bianmin/core';
import type { Page } from 'playwright-core';
import { type E2E, residents, startE2E } from './support';

/**
 * The operator console (console/, served at /admin/) in Chromium against the local stack: a
 * power operator signs in, publishes tomorrow's 01:00–03:00 maintenance of 电费查询, the
 * resident's hub shows it that night with the reason, the operator ends it, an auditor reads
 * both in the audit log, a city administrator works the reconciliation queue, and anyone reads
 * the public status page without signing in.
 */
const TODAY_NOON = '2026-03-10T12:00:00+08:00';
const TONIGHT_0200 = '2026-03-11T02:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  // The stack's clock, which the console's calls read (they carry no X-Dev-Now).
  e2e = await startE2E({ devNow: new Date(TODAY_NOON) });
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

async function desk(path = '/admin/'): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${e2e.stack.url}${path}`);
  return page;
}

async function signInAs(page: Page, operatorId: string, name: string): Promise<void> {
  await page.locator(`button[data-operator="${operatorId}"]`).click();
  await page.getByTestId('operator').filter({ hasText: name }).waitFor();
}

/** A form item's message (its error or tip), found from its visible label. */
const itemOf = (page: Page, label: string) => page.locator('.t-form__item', { has: page.locator('label', { hasText: label }) });

it('serves the console at /admin/ with its own headers, and the sign-in page first', async () => {
  const res = await fetch(`${e2e.stack.url}/admin/`);
  expect(res.status).toBe(200);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(await res.text()).toContain('<div id="root">');
  const page = await desk();
  await page.getByRole('button', { name: '企业微信登录' }).waitFor();
  await expect(page.locator('button[data-operator]').count()).resolves.toBeGreaterThanOrEqual(4);
  await page.context().close();
});

it('publishes a maintenance that the resident’s hub shows that night, ends it, and the audit log says who did both', async () => {
  const page = await desk();
  await signInAs(page, 'op-power-01', '刘供电');

  // A department operator is offered only their own department's services.
  // No control of the form is left without a name (a <label for> or an aria-label holding the visible label)…
  const unnamed = await page.locator('.t-form input').evaluateAll((inputs) => inputs.filter((i) => !(i as HTMLInputElement).labels?.length && !i.getAttribute('aria-label')).map((i) => i.outerHTML));
  expect(unnamed).toEqual([]);
  // …and each is found by the name a screen reader says: its visible label.
  await page.getByLabel('受影响的服务', { exact: true }).click();
  const options = page.locator('.t-select-option');
  await options.first().waitFor();
  const names = await options.allTextContents();
  expect(names).toContain('电费查询');
  expect(names).not.toContain('水费查询');
  await options.filter({ hasText: /^电费查询$/ }).click();
  await page.keyboard.press('Escape');

  // A maintenance without its end is refused in the shared schema's words, before any call.
  await page.getByLabel('开始（北京时间）日期').fill('2026-03-11');
  await page.getByLabel('开始（北京时间）时刻').fill('01:00');
  await page.getByLabel('原因', { exact: true }).fill('电费系统升级');
  await page.getByRole('button', { name: '发布' }).click();
  await itemOf(page, '结束（北京时间）').filter({ hasText: '计划维护必须写明结束时间' }).waitFor();

  await page.getByLabel('结束（北京时间）日期').fill('2026-03-11');
  await page.getByLabel('结束（北京时间）时刻').fill('03:00');
  await page.getByLabel('替代办理方式', { exact: true }).fill('拨打 95598（24 小时）');
  await page.getByRole('button', { name: '发布' }).click();
  const row = page.locator('.t-table tbody tr', { hasText: '电费系统升级' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('2026-03-11 01:00 至 2026-03-11 03:00');
  await expect(row.textContent()).resolves.toContain('未开始');

  // The resident's hub at 02:00 that night: the banner says it with the operator's reason.
  const hub = await e2e.open({ openid: residents[0].openid, now: TONIGHT_0200, privacyAgreed: true });
  const banner = hub.getByRole('region', { name: /今日停办提醒/ }).filter({ visible: true });
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toContain('电费系统升级');
  await hub.context().close();

  // Ended from the console: the service is no longer closed for it.
  await row.getByRole('button', { name: '结束 电费系统升级' }).click();
  await page.locator('.t-table tbody tr', { hasText: '电费系统升级' }).waitFor({ state: 'detached' });
  const status = await e2e.api<ServiceStatusResult>('services', { action: 'status', serviceId: 'bills.electricity.query' }, { now: TONIGHT_0200 });
  expect(status.availability.state).not.toBe('maintenance');

  // The auditor reads both actions, by name; they cannot publish (no form is offered).
  await page.getByRole('button', { name: '退出登录' }).click();
  await signInAs(page, 'op-auditor-01', '钱审计');
  expect(await page.getByRole('button', { name: '发布' }).count()).toBe(0);
  await page.locator('.t-menu__item', { hasText: '审计日志' }).click();
  const audit = page.locator('.t-table tbody');
  await audit.locator('tr', { hasText: '结束公告' }).waitFor();
  await expect(audit.locator('tr', { hasText: '发布公告' }).textContent()).resolves.toContain('刘供电');
  await expect(audit.locator('tr', { hasText: '结束公告' }).textContent()).resolves.toContain('刘供电');
  await page.context().close();
});

it('lets a city administrator work the reconciliation queue: the planted difference is listed, resolved with a note, and audited', async () => {
  // A payment WeChat settled yesterday that our ledger does not have.
  e2e.stack.pay!.orders.set('BMPLANTEDE2E000000001', { outTradeNo: 'BMPLANTEDE2E000000001', totalFee: 2500, state: 'SUCCESS', transactionId: '4200000000000000000000009999', timeEnd: '20260309093000', refunds: new Map() });
  const run = (await (await fetch(`${e2e.stack.url}/api/__dev/jobs/reconcile`, { method: 'POST' })).json()) as { ok: boolean; data: { day: string; ran: boolean } };
  expect(run).toMatchObject({ ok: true, data: { day: '2026-03-09', ran: true } });

  const page = await desk();
  await signInAs(page, 'op-admin-01', '赵市管');
  await page.locator('.t-menu__item', { hasText: '待办队列' }).click();
  await page.getByRole('heading', { name: /对账差异（[1-9]\d*）/ }).waitFor();
  const row = page.locator('[data-queue="differences"] .t-table tbody tr', { hasText: 'BMPLANTEDE2E000000001' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('¥25.00');
  // Too short a note is refused in words.
  await row.getByLabel('处理说明 BMPLANTEDE2E000000001').fill('查');
  await row.getByRole('button', { name: '处理完毕' }).click();
  await page.locator('.t-message', { hasText: '处理说明' }).waitFor();
  await row.getByLabel('处理说明 BMPLANTEDE2E000000001').fill('已与微信支付核对，补记台账');
  await row.getByRole('button', { name: '处理完毕' }).click();
  await row.waitFor({ state: 'detached' });

  await page.locator('.t-menu__item', { hasText: '审计日志' }).click();
  await expect(page.locator('.t-table tbody tr', { hasText: '处理对账差异' }).textContent()).resolves.toContain('已与微信支付核对');
  await page.context().close();
});

it('lets a water operator change 水费查询’s hours from a date, which the resident’s status then announces, and withdraw them', async () => {
  const page = await desk();
  await signInAs(page, 'op-water-01', '陈水务');
  await page.locator('.t-menu__item', { hasText: '办理时间' }).click();
  await page.getByLabel('服务', { exact: true }).click();
  await page.locator('.t-select-option', { hasText: /^水费查询$/ }).click();
  await page.getByLabel('生效日期', { exact: true }).fill('2026-03-20');
  await page.getByLabel('办理时段（北京时间）', { exact: true }).fill('08:00-18:00');
  await page.getByRole('button', { name: '保存' }).click();
  const version = page.locator('.t-table tbody tr', { hasText: '2026-03-20' });
  await version.waitFor();
  await expect(version.textContent()).resolves.toContain('待生效');
  const status = await e2e.api<ServiceStatusResult>('services', { action: 'status', serviceId: 'bills.water.query' }, { now: TODAY_NOON });
  expect(status.schedule.lines.join('；')).toContain('自 2026年3月20日起');
  await version.getByRole('button', { name: '撤回' }).click();
  await page.locator('.t-table tbody tr', { hasText: '已撤回' }).waitFor();
  await page.context().close();
});

it('shows the public status page without signing in, every service with its state and the 12345 record', async () => {
  const page = await desk('/admin/#/status');
  await page.getByRole('heading', { name: '便民服务状态' }).waitFor();
  await page.locator('[data-service-id="bills.electricity.query"]').waitFor();
  await expect(page.locator('[data-service-id]').count()).resolves.toBeGreaterThan(5);
  await expect(page.getByText('12345 工单办理情况（近 90 天）').count()).resolves.toBe(1);
  await page.context().close();
});
