import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 12345 in the h5 build, as a resident does it: from the hub's 投诉与咨询 tile, a complaint with
 * a photo (a real PNG, uploaded through the gateway's storage route) and a typed place; the draft
 * survives leaving the page; the ticket is filed, the platform sandbox is moved to 答复 through the
 * dev lever, the timeline shows each step with its department and time, and the resident rates it.
 */
const NOON = '2026-03-10T12:00:00+08:00';
/** Soon after filing: the sandbox has not moved the ticket by itself yet (it follows working time). */
const LATER = '2026-03-10T12:10:00+08:00';
const PHOTO = resolve(__dirname, '../docs/screenshots/hub.png');

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

it('files a complaint with a photo, keeps the draft across leaving the page, follows it to the reply and rates it', async () => {
  const resident = residents[2];
  const as = { openid: resident.openid, now: NOON };
  // The hub: the 12345 tiles are live, and 我的诉求 sits under them.
  const hub = await e2e.open({ openid: resident.openid, now: NOON });
  await shown(hub, '.bm-hub-my-tickets').waitFor();
  await expect(shown(hub, '.bm-hub-service-tile[data-service-id="tickets.agent"] .bm-service-status').textContent()).resolves.toContain('可办理');
  await hub.context().close();

  // Agreed to the privacy guide on an earlier visit (privacy.e2e.ts walks the consent itself).
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: '/tickets/pages/new/index', privacyAgreed: true });
  await shown(page, '.bm-tk-new-category .bm-choice').first().waitFor();

  await shown(page, '.bm-tk-new-kind .bm-choice[data-kind="投诉"]').click();
  await shown(page, '.bm-tk-new-category .bm-choice[data-category="城市管理"]').click();
  // Too short: the live count says so, and submitting names the field.
  await shown(page, '.bm-tk-new-text textarea').fill('井盖缺失');
  await expect(shown(page, '.bm-tk-new-description .bm-field__count').textContent()).resolves.toContain('还差 6 字');
  await shown(page, '.bm-tk-new-submit').click();
  await expect(shown(page, '.bm-tk-new-description .bm-field__error').textContent()).resolves.toContain('至少 10 个字');

  const description = '小区门口的井盖缺失已经三天了，晚上很危险，请尽快处理。';
  await shown(page, '.bm-tk-new-text textarea').fill(description);
  await expect(shown(page, '.bm-tk-new-description .bm-field__count').textContent()).resolves.toBe(`${Array.from(description).length}/1000`);
  const chooser = page.waitForEvent('filechooser');
  await shown(page, '.bm-tk-new-add-photo').click();
  await (await chooser).setFiles({ name: 'manhole.png', mimeType: 'image/png', buffer: readFileSync(PHOTO) });
  await shown(page, '.bm-tk-new-photo').waitFor();
  const fileId = await shown(page, '.bm-tk-new-photo').getAttribute('data-file-id');
  expect(fileId).toMatch(/^local:\/\//);
  await shown(page, '.bm-tk-new-place-text input').fill('景田北路 18 号门口');
  await shown(page, '.bm-tk-new-phone input').fill('13812345678');
  await shot(page, 'tickets-new');

  // Leaving the page (here: the whole page reloads) keeps the draft on the phone.
  await page.reload();
  await shown(page, '.bm-tk-new-category .bm-choice').first().waitFor();
  await expect(shown(page, '.bm-notice').first().textContent()).resolves.toContain('已恢复上次未提交的草稿');
  await expect(shown(page, '.bm-tk-new-text textarea').inputValue()).resolves.toBe(description);
  await expect(shown(page, '.bm-tk-new-photo').getAttribute('data-file-id')).resolves.toBe(fileId);
  await expect(shown(page, '.bm-tk-new-phone-masked .bm-row__value').textContent()).resolves.toBe('138****5678');

  // Two quick taps file one ticket; the tap asks for the status messages first (WeChat's prompt's stand-in).
  await shown(page, '.bm-tk-new-submit').click({ clickCount: 2 });
  await armed(page, '.bm-tk-subscribe-sheet');
  await shown(page, '.bm-tk-subscribe-sheet__allow').click();
  await shown(page, '.bm-tk-new-done').waitFor();
  await expect(shown(page, '.bm-tk-new-done').textContent()).resolves.toContain('诉求已提交到 12345');
  const { tickets } = await e2e.api<{ tickets: Array<{ ticketId: string; ticketNo: string | null }> }>('tickets', { action: 'tickets' }, as);
  expect(tickets).toHaveLength(1);
  const [{ ticketNo }] = tickets;
  expect(ticketNo).toBeTruthy();

  // The draft was cleared by the successful submit.
  const again = await e2e.open({ openid: resident.openid, now: NOON, path: '/tickets/pages/new/index' });
  await shown(again, '.bm-tk-new-category .bm-choice').first().waitFor();
  expect(await shown(again, '.bm-tk-new-discard').count()).toBe(0);
  await again.context().close();

  // The platform moves it to 答复 (dev lever); the sync job brings the events into the timeline.
  const lever = await fetch(`${e2e.stack.url}/api/__dev/departments/hotline/tickets/${ticketNo}/advance`, {
    method: 'POST',
    headers: { 'X-Dev-Now': LATER },
    body: JSON.stringify({ to: 'replied', text: '已安排维修人员补装井盖，感谢您的反映。' }),
  });
  expect(lever.status === 200 ? 'ok' : await lever.text()).toBe('ok');
  const job = await fetch(`${e2e.stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'X-Dev-Now': LATER } });
  expect(job.status).toBe(200);

  // The stack here runs no probe loop, and rate's availability guard reads the hotline client's
  // last known health without probing it: ask once, as the hub's tile does (a past finding:
  // a refusal sheet that says 可办理 when the guard's health is stale).
  await e2e.api('services', { action: 'status', serviceId: 'tickets.submit' }, { now: LATER });
  const detail = await e2e.open({ openid: resident.openid, now: LATER, path: `/tickets/pages/detail/index?ticketId=${tickets[0]!.ticketId}` });
  await shown(detail, '.bm-tk-detail-rate').waitFor();
  const steps = await shown(detail, '.bm-tk-timeline__item').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
  expect(steps).toEqual(expect.arrayContaining(['accepted', 'dispatched', 'replied']));
  const replied = shown(detail, '.bm-tk-timeline__item[data-type="replied"]');
  await expect(replied.textContent()).resolves.toContain('已安排维修人员补装井盖');
  await expect(replied.locator('.bm-tk-timeline__dept').textContent()).resolves.toBeTruthy();
  await expect(replied.locator('.bm-tk-timeline__time').textContent()).resolves.toMatch(/2026年3月10日 12:\d\d/);
  await expect(shown(detail, '.bm-tk-detail-photos .bm-tk-photo').count()).resolves.toBe(1);
  await shot(detail, 'tickets-timeline');

  await shown(detail, '.bm-tk-detail-rate .bm-choice[data-rating="满意"]').click();
  await shown(detail, '.bm-tk-detail-comment input').fill('处理很及时');
  await shown(detail, '.bm-tk-detail-rate-submit').click();
  await shown(detail, '.bm-tk-detail-rating, .bm-tk-detail-rate .bm-field__error').first().waitFor();
  expect(await shown(detail, '.bm-tk-detail-rate .bm-field__error').allTextContents()).toEqual([]);
  await expect(shown(detail, '.bm-tk-detail-rating').textContent()).resolves.toContain('满意');
  await expect(shown(detail, '.bm-tk-detail-reopen').textContent()).resolves.toContain('申请重办');
  await shot(detail, 'tickets-rated');
  await detail.context().close();
  await page.context().close();
}, 180_000);

it('outside agent hours says when agents are back and offers a consultation instead', async () => {
  const page = await e2e.open({ openid: residents[2].openid, now: '2026-03-14T20:00:00+08:00', path: '/tickets/pages/agent/index' });
  await shown(page, '.bm-tk-agent-closed').waitFor();
  await expect(shown(page, '.bm-tk-agent-closed').textContent()).resolves.toContain('2026年3月16日 09:00 恢复人工服务');
  // Said once (not three ways), and a person is still a phone call away: the 12345 line dials.
  expect(((await shown(page, '.bm-tk-agent-closed').textContent()) ?? '').match(/09:00/g)).toHaveLength(1);
  await expect(shown(page, '.bm-tk-agent-hotline .bm-department-hotline__call').getAttribute('href')).resolves.toBe('tel:12345');
  await shot(page, 'tickets-agent-closed');
  await shown(page, '.bm-tk-agent-leave').click();
  await shown(page, '.bm-tk-new-kind .bm-choice--on[data-kind="咨询"]').waitFor();
  await page.context().close();
}, 60_000);
