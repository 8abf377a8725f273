import type { Locator } from 'playwright-core';
import type { ServicesListResult } from '@bianmin/core';
import { type E2E, residents, settled, shown, startE2E } from './support';

/**
 * The service hub in the h5 build: every service under its category with its live
 * status in words, the demo-resident picker, and 大字模式 that really enlarges the text and
 * survives a reload.
 */
const MORNING = '2026-03-10T09:30:00+08:00'; // a Tuesday: everything open
const EVENING = '2026-03-10T21:50:00+08:00'; // water closes in 10 minutes, gas closed at 21:00

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

async function servicesList(openid: string, now: string): Promise<ServicesListResult> {
  const res = await fetch(`${e2e.stack.url}/api/services`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-OpenId': openid, 'X-Dev-Now': now },
    body: JSON.stringify({ action: 'list' }),
  });
  return ((await res.json()) as { data: ServicesListResult }).data;
}

const fontSize = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

it('lists one tile per utility and every other service under its category, each with its status in words', async () => {
  const resident = residents[0];
  const expected = await servicesList(resident.openid, MORNING);
  expect(expected.services.length).toBeGreaterThanOrEqual(8);
  const page = await e2e.open({ openid: resident.openid, now: MORNING });

  await shown(page, '.bm-hub-service-tile').first().waitFor();
  // A utility's 查询 and 缴纳 share one tile (电费); every other service has its own.
  const tileOf = (s: ServicesListResult['services'][number]) => s.tile ?? s.id;
  const expectedTiles = [...new Set(expected.services.map(tileOf))];
  const tiles = shown(page, '.bm-hub-service-tile');
  expect(await tiles.count()).toBe(expectedTiles.length);
  expect(await tiles.count()).toBeGreaterThanOrEqual(8);

  // Grouped: each category section holds exactly that category's tiles, in catalogue order.
  const categories = shown(page, '.bm-hub-category');
  const categoryIds = await categories.evaluateAll((els) => els.map((el) => el.getAttribute('data-category-id')));
  expect(categoryIds).toEqual([...expected.categories].sort((a, b) => a.order - b.order).map((c) => c.id));
  for (const category of expected.categories) {
    const section = shown(page, `.bm-hub-category[data-category-id="${category.id}"]`);
    await expect(section.locator('.bm-hub-category__title').textContent()).resolves.toBe(category.name);
    const ids = await section.locator('.bm-hub-service-tile').evaluateAll((els) => els.map((el) => el.getAttribute('data-service-ids')));
    const inCategory = expected.services.filter((s) => s.category === category.id);
    expect(ids).toEqual([...new Set(inCategory.map(tileOf))].map((t) => inCategory.filter((s) => tileOf(s) === t).map((s) => s.id).join(' ')));
  }

  // Status in words on the tile and in its accessible name, not by colour alone.
  const water = shown(page, '.bm-hub-service-tile[data-service-id="bills.water.pay"]');
  await expect(water.locator('.bm-service-status').textContent()).resolves.toContain('可办理');
  await expect(water.getAttribute('aria-label')).resolves.toBe('水费，市自来水公司，可办理');
  // Every live tile has its 办理时间 affordance, named for screen readers; the others say 即将上线 and nothing more.
  const live = expectedTiles.filter((t) => expected.services.some((s) => tileOf(s) === t && s.live));
  expect(await shown(page, '.bm-hub-service-tile__info').count()).toBe(live.length);
  await expect(shown(page, '.bm-hub-service-tile__info[data-service-id="bills.water.pay"]').getAttribute('aria-label')).resolves.toBe('水费办理时间');
  // All four flows are live: no tile says 即将上线.
  expect(live).toEqual(expectedTiles);
  expect(await shown(page, '.bm-hub-service-tile[data-live="false"]').count()).toBe(0);
  // 人工客服 shows its hours live, and 我的诉求 sits under the 12345 tiles.
  const agent = shown(page, '.bm-hub-service-tile[data-service-id="tickets.agent"]');
  await expect(agent.locator('.bm-service-status').textContent()).resolves.toContain('可办理');
  await expect(shown(page, '.bm-hub-my-tickets').getAttribute('aria-label')).resolves.toMatch(/^我的诉求，/);
  // The header promises only what works.
  await expect(shown(page, '.bm-header__subtitle').textContent()).resolves.toBe(`现在可办理：${[...new Set(expected.services.filter((s) => s.live).map((s) => s.tile ?? s.name))].join('、')}。`);
  // Nothing is closed on a Tuesday morning: no closure banner.
  expect(await shown(page, '.bm-hub-notices').count()).toBe(0);
  await expect(shown(page, '.bm-hub-footnote').textContent()).resolves.toContain('09:30');
});

it('says "closing soon" with the minutes left and "paused" with the reopen time', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: EVENING });
  const water = shown(page, '.bm-hub-service-tile[data-service-id="bills.water.pay"]');
  await water.waitFor();
  await expect(water.locator('.bm-service-status').textContent()).resolves.toContain('缴费即将暂停');
  await expect(water.locator('.bm-service-status').textContent()).resolves.toContain('还剩 10 分钟');
  await expect(water.locator('.bm-service-status').getAttribute('class')).resolves.toContain('bm-service-status--warn');
  const gas = shown(page, '.bm-hub-service-tile[data-service-id="bills.gas.pay"]');
  await expect(gas.locator('.bm-service-status').textContent()).resolves.toMatch(/缴费 明天 07:00 恢复/);
  await settled(page);
  await e2e.screenshot(page, 'hub');
});

it('at 03:00 promises in its header only what the tiles show open, and says what reopens next', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: '2026-03-10T03:00:00+08:00' });
  await shown(page, '.bm-hub-service-tile').first().waitFor();
  const header = (await shown(page, '.bm-header__subtitle').textContent()) ?? '';
  // Every tile the header calls open says so itself, and no closed tile is named as open.
  const closed = await shown(page, '.bm-hub-service-tile').evaluateAll((els) =>
    els.filter((el) => el.querySelector('.bm-service-status--closed, .bm-service-status--maintenance, .bm-service-status--down')).map((el) => el.getAttribute('data-service-id')),
  );
  expect(closed.length).toBeGreaterThan(0);
  const open = header.split('。')[0]!;
  for (const name of ['社保查询', '人工客服', '违章查询', '罚款缴纳']) expect(open).not.toContain(name);
  expect(header).toMatch(/^现在可办理：/);
  expect(header).toContain('04:00 恢复');
  await page.context().close();
});

it('lists the demo residents in the picker and calls as the one chosen', async () => {
  const page = await e2e.open({ now: MORNING });
  const picker = shown(page, 'select.bm-resident-picker');
  await picker.waitFor();
  const options = await picker.locator('option').evaluateAll((els) => els.map((el) => ({ value: (el as HTMLOptionElement).value, text: el.textContent })));
  expect(options.map((o) => o.value)).toEqual(residents.map((r) => r.openid));
  // Names are masked on screen (张*明), never shown in full.
  for (const [i, o] of options.entries()) {
    expect(o.text).toContain('*');
    expect(o.text).not.toBe(residents[i].name);
  }
  await expect(picker.inputValue()).resolves.toBe(residents[0].openid);

  // Choosing another resident is what the next call is made as.
  const sent = page.waitForRequest((r) => r.url().endsWith('/api/services') && r.headers()['x-dev-openid'] === residents[1].openid);
  await picker.selectOption(residents[1].openid);
  await sent;
  await shown(page, '.bm-hub-service-tile').first().waitFor();
});

it('enlarges the text in 大字模式 and keeps it after a reload', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: MORNING });
  const name = () => shown(page, '.bm-hub-service-tile[data-service-id="bills.electricity.pay"] .bm-tile__title');
  const status = () => shown(page, '.bm-hub-service-tile[data-service-id="bills.electricity.pay"] .bm-service-status');
  const title = () => shown(page, '.bm-hub-category__title').first();
  await name().waitFor();
  const toggle = shown(page, '.bm-large-font-toggle');
  await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
  const before = { name: await fontSize(name()), status: await fontSize(status()), title: await fontSize(title()) };

  await toggle.click();
  await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true');
  await shown(page, '.bm-page.bm-large-font').waitFor();
  const after = { name: await fontSize(name()), status: await fontSize(status()), title: await fontSize(title()) };
  expect(after.name).toBeGreaterThanOrEqual(before.name * 1.2);
  expect(after.status).toBeGreaterThanOrEqual(before.status * 1.2);
  expect(after.title).toBeGreaterThan(before.title);
  expect(after.name).toBeGreaterThanOrEqual(18); // CSS px: body text an older resident can read

  await page.reload();
  await name().waitFor();
  await shown(page, '.bm-page.bm-large-font').waitFor();
  await expect(shown(page, '.bm-large-font-toggle').getAttribute('aria-checked')).resolves.toBe('true');
  expect(await fontSize(name())).toBe(after.name);
  await expect(page.evaluate(() => document.documentElement.classList.contains('bm-large-font'))).resolves.toBe(true);

  // And off again.
  await shown(page, '.bm-large-font-toggle').click();
  await expect(shown(page, '.bm-large-font-toggle').getAttribute('aria-checked')).resolves.toBe('false');
  expect(await fontSize(name())).toBe(before.name);
});

it('says plainly when the list cannot be loaded, and loads it on 重试', async () => {
  const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const refusal = { ok: false, error: { code: 'INTERNAL', message: '系统开了个小差，请稍后再试。', retryable: true } };
  await page.route('**/api/services', (r) => r.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(refusal) }));
  await page.goto(`${e2e.stack.url}/?dev_now=${encodeURIComponent(MORNING)}#/pages/hub/index`);
  const card = shown(page, '.bm-hub-error');
  await expect(card.getAttribute('role')).resolves.toBe('alert');
  await expect(card.innerText()).resolves.toContain('系统开了个小差');
  expect(await shown(page, '.bm-hub-service-tile').count()).toBe(0);

  await page.unroute('**/api/services');
  await shown(page, '.bm-hub-retry').click();
  await shown(page, '.bm-hub-service-tile').first().waitFor();
  expect(await shown(page, '.bm-hub-error').count()).toBe(0);
  await context.close();
});
