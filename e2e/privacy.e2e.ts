import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * WeChat's privacy rules as the h5 twin walks them: the consent sheet before the first privacy
 * API (here chooseMedia, the browser's file picker), a refusal that says exactly what does not
 * work and how to allow it later, agreement kept across visits; then filing the ticket asks for
 * the status-message subscription (the stand-in for WeChat's prompt), and the grant it counted is
 * what lets the answer go out as a WeChat message.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const LATER = '2026-03-10T16:00:00+08:00';
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

it('asks before the first photo: 拒绝 says what does not work, 同意 opens the picker and is kept; filing asks for the subscription, and the grant carries the answer to WeChat', async () => {
  const resident = residents[3];
  const page = await e2e.open({ openid: resident.openid, now: NOON, path: '/tickets/pages/new/index' });
  await shown(page, '.bm-tk-new-category .bm-choice').first().waitFor();

  // The sheet: what is asked and why, everything the app handles, what refusing costs.
  await shown(page, '.bm-tk-new-add-photo').click();
  const sheet = shown(page, '.bm-privacy-sheet');
  await sheet.waitFor();
  await expect(sheet.getAttribute('data-api')).resolves.toBe('chooseMedia');
  await expect(sheet.textContent()).resolves.toContain('“选中的照片或视频信息”：用于在 12345 诉求里附上现场照片和视频');
  // The three information types the app declares (privacy/info-types.ts): photos, a place, saving to the album.
  await expect(shown(page, '.bm-privacy-sheet__item').count()).resolves.toBe(3);
  await armed(page, '.bm-privacy-sheet');
  await shot(page, 'privacy-consent');

  // 拒绝: no picker, and the page says exactly what does not work and how to allow it later.
  let pickerOpened = false;
  page.on('filechooser', () => {
    pickerOpened = true;
  });
  await shown(page, '.bm-privacy-sheet__refuse').click();
  await shown(page, '.bm-tk-new-media-refused').waitFor();
  await expect(shown(page, '.bm-tk-new-media-refused').textContent()).resolves.toContain(
    '你没有同意《便民隐私保护指引》，所以添加照片和视频用不了，其他功能照常可用。想用时再点一次，在弹出的指引里选“同意”。不附照片也能提交诉求。',
  );
  expect(await shown(page, '.bm-privacy-sheet').count()).toBe(0);
  expect(pickerOpened).toBe(false);
  await shot(page, 'privacy-refused');

  // Tapping again asks again; 同意 lets the call run: the picker, the upload.
  await shown(page, '.bm-tk-new-add-photo').click();
  await armed(page, '.bm-privacy-sheet');
  const chooser = page.waitForEvent('filechooser');
  await shown(page, '.bm-privacy-sheet__agree').click();
  await (await chooser).setFiles({ name: 'manhole.png', mimeType: 'image/png', buffer: readFileSync(PHOTO) });
  await shown(page, '.bm-tk-new-photo').waitFor();
  expect(await shown(page, '.bm-tk-new-media-refused').count()).toBe(0);

  // Kept: after a reload the picker opens at once.
  await page.reload();
  await shown(page, '.bm-tk-new-category .bm-choice').first().waitFor();
  const again = page.waitForEvent('filechooser');
  await shown(page, '.bm-tk-new-add-photo').click();
  await (await again).setFiles([]);
  expect(await shown(page, '.bm-privacy-sheet').count()).toBe(0);

  // Filing asks for the 12345 status messages from the tap (the stand-in for WeChat's prompt).
  await shown(page, '.bm-tk-new-kind .bm-choice[data-kind="投诉"]').click();
  await shown(page, '.bm-tk-new-category .bm-choice[data-category="城市管理"]').click();
  await shown(page, '.bm-tk-new-text textarea').fill('小区门口的井盖缺失已经三天了，晚上很危险，请尽快处理。');
  await shown(page, '.bm-tk-new-submit').click();
  await armed(page, '.bm-tk-subscribe-sheet');
  await expect(shown(page, '.bm-tk-subscribe-sheet').textContent()).resolves.toContain('12345 答复你的诉求（或不予受理）时，便民通过微信服务通知告诉你一次');
  await shot(page, 'tickets-subscribe');
  await shown(page, '.bm-tk-subscribe-sheet__allow').click();
  await shown(page, '.bm-tk-new-done').waitFor();
  await expect(shown(page, '.bm-tk-new-done').textContent()).resolves.toContain('12345 答复后会通过微信服务通知告诉你');

  // The grant was counted on the server (the report follows the filing: wait for it; 'reject'
  // reads the count without changing it), and the answer goes to WeChat (the local notifier), once.
  const as = { openid: resident.openid, now: NOON };
  const granted = () => e2e.api<{ granted: number }>('tickets', { action: 'subscribed', templateId: 'dev-ticket-template', result: 'reject' }, as).then((r) => r.granted);
  for (let i = 0; i < 50 && (await granted()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await granted()).toBe(1);
  const { tickets } = await e2e.api<{ tickets: Array<{ ticketNo: string | null }> }>('tickets', { action: 'tickets' }, as);
  expect(tickets).toHaveLength(1);
  await fetch(`${e2e.stack.url}/api/__dev/departments/hotline/tickets/${tickets[0]!.ticketNo}/advance`, { method: 'POST', headers: { 'X-Dev-Now': LATER }, body: JSON.stringify({ to: 'replied', text: '井盖已补装。' }) });
  await fetch(`${e2e.stack.url}/api/__dev/jobs/tickets`, { method: 'POST', headers: { 'X-Dev-Now': LATER } });
  const toResident = e2e.stack.subscribeMessages.filter((m) => m.touser === resident.openid).map((m) => [m.templateId, m.data.phrase2?.value]);
  expect(toResident).toEqual([['dev-ticket-template', '已答复']]);
  expect(await granted()).toBe(0);
  await page.context().close();
}, 180_000);
