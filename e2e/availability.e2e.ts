import type { InboxMessage, ReminderView } from '@bianmin/core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * Availability on the hub (issues 3 and 8), in the h5 build: at 23:45 the electricity settlement
 * pause is on the 电费 tile before anyone taps, and the banner stays quiet about routine hours;
 * the sheet shows the week's hours; 提醒我 files a reminder that the reminder job turns into a
 * message at 00:31; and a department that is down says so in words, on tile, banner and sheet.
 */
const LATE = '2026-03-10T23:45:00+08:00';
const AFTER_REOPEN = '2026-03-11T00:31:00+08:00';
const WATER_REOPENED = '2026-03-11T06:01:00+08:00';
const NOON = '2026-03-10T12:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

async function setFault(department: string, mode: 'down' | 'ok'): Promise<void> {
  const res = await fetch(`${e2e.stack.url}/api/__dev/departments/${department}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  expect(res.ok).toBe(true);
}

const ELECTRICITY = '.bm-hub-service-tile[data-service-id="bills.electricity.pay"]';

it('at 23:45 says 电费 payment is paused until 00:30, keeps routine hours out of the banner, and reminds the resident when it reopens', async () => {
  const resident = residents[0];
  const page = await e2e.open({ openid: resident.openid, now: LATE });

  // The tile says both actions in words, with the reopen time; so does its accessible name.
  const tile = shown(page, ELECTRICITY);
  await tile.waitFor();
  await expect(tile.locator('.bm-service-status').textContent()).resolves.toContain('可查询 · 缴费 00:30 恢复');
  await expect(tile.getAttribute('aria-label')).resolves.toBe('电费，国网市供电公司，可查询，缴费 00:30 恢复');

  // The nightly hours are routine (each tile says them): no banner at 23:45.
  expect(await shown(page, '.bm-hub-notices').count()).toBe(0);
  await settled(page);
  await e2e.screenshot(page, 'hub-closed');

  // ⓘ opens the sheet: the reason first, in the same words as the tile, then the week's hours.
  await shown(page, '.bm-hub-service-tile__info[data-service-id="bills.electricity.pay"]').click();
  const sheet = shown(page, '.bm-availability-sheet');
  await sheet.waitFor();
  await expect(sheet.getAttribute('role')).resolves.toBe('dialog');
  await expect(sheet.locator('.bm-service-status').textContent()).resolves.toContain('暂停办理 · 00:30 恢复');
  await expect(sheet.locator('.bm-availability-sheet__message').textContent()).resolves.toContain('将于 00:30 恢复');
  await sheet.locator('.bm-availability-sheet__hours').waitFor();
  await expect(sheet.locator('.bm-availability-sheet__hours').textContent()).resolves.toContain('每周办理时间');
  await expect(sheet.locator('.bm-availability-sheet__hours').textContent()).resolves.toContain('每天 00:30–23:30');
  await expect(sheet.locator('.bm-availability-sheet__upcoming').textContent()).resolves.toContain('近 7 天无停办安排');
  await expect(sheet.locator('.bm-availability-sheet__enter').textContent()).resolves.toBe('仍要进入');
  await settled(page);
  await e2e.screenshot(page, 'hub-detail-sheet');

  // 提醒我: on h5 the reminder goes to the message centre, at the reopening time.
  await armed(page, '.bm-availability-sheet');
  await sheet.locator('.bm-availability-sheet__remind').click();
  const confirmation = sheet.locator('.bm-availability-sheet__reminder');
  await confirmation.waitFor();
  await expect(confirmation.textContent()).resolves.toContain('将于 2026年3月11日 00:30 提醒您');
  expect(await sheet.locator('.bm-availability-sheet__remind').count()).toBe(0);
  const { reminders } = await e2e.api<{ reminders: ReminderView[] }>('services', { action: 'reminders' }, { openid: resident.openid, now: LATE });
  expect(reminders).toEqual([expect.objectContaining({ serviceId: 'bills.electricity.pay', channel: 'inbox', remindAt: '2026-03-11T00:30:00+08:00' })]);

  // Closed and reopened, the sheet remembers it (from services.reminders) and offers 取消提醒.
  await sheet.locator('.bm-availability-sheet__close').click();
  await shown(page, '.bm-availability-sheet').waitFor({ state: 'detached' });
  await shown(page, '.bm-hub-service-tile__info[data-service-id="bills.electricity.pay"]').click();
  await shown(page, '.bm-availability-sheet .bm-availability-sheet__cancel-reminder').waitFor();
  await armed(page, '.bm-availability-sheet');
  await expect(shown(page, '.bm-availability-sheet__reminder').textContent()).resolves.toContain('2026年3月11日 00:30');
  await shown(page, '.bm-availability-sheet .bm-sheet__close').click();

  // A second reminder, for water at 06:00, set without the page.
  await e2e.api('services', { action: 'remind', serviceId: 'bills.water.pay', channel: 'inbox' }, { openid: resident.openid, now: LATE });

  // 00:31: the reminder job sends electricity's (water's is not due); at 06:01, water's.
  const runJob = async (now: string) =>
    (await fetch(`${e2e.stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'X-Dev-Now': now } })).json();
  await expect(runJob(AFTER_REOPEN)).resolves.toMatchObject({ ok: true, data: { sent: 1, rescheduled: 0, failed: 0 } });
  await expect(runJob(WATER_REOPENED)).resolves.toMatchObject({ ok: true, data: { sent: 1, rescheduled: 0, failed: 0 } });

  // The hub's 消息 shows two unread; the centre lists both, newest first, unread in words.
  await page.reload();
  const entry = shown(page, '.bm-hub-messages-entry');
  await entry.waitFor();
  await expect(entry.locator('.bm-hub-messages-entry__count').textContent()).resolves.toBe('2');
  await expect(entry.getAttribute('aria-label')).resolves.toBe('消息，2 条未读');
  await entry.click();

  const items = shown(page, '.bm-message-item');
  await items.first().waitFor();
  await expect(items.locator('.bm-message-item__title').allTextContents()).resolves.toEqual(['水费缴纳已恢复办理', '电费缴纳已恢复办理']);
  const item = items.nth(1);
  await expect(item.getAttribute('class')).resolves.toContain('bm-message-item--unread');
  await expect(item.locator('.bm-message-item__badge').textContent()).resolves.toBe('未读');
  await expect(item.locator('.bm-message-item__time').textContent()).resolves.toBe('2026年3月11日 00:31');
  await expect(shown(page, '.bm-messages-head__summary').textContent()).resolves.toBe('2 条未读');
  await settled(page);
  await e2e.screenshot(page, 'messages');

  // Tapping it marks it read (and opens the flow it names).
  const read = page.waitForResponse((r) => r.url().endsWith('/api/messages') && (r.request().postData() ?? '').includes('"read"'));
  await item.click();
  await read;
  const { messages, unread } = await e2e.api<{ messages: InboxMessage[]; unread: number }>('messages', { action: 'list' }, { openid: resident.openid, now: AFTER_REOPEN });
  expect(unread).toBe(1);
  expect(messages).toContainEqual(expect.objectContaining({ title: '电费缴纳已恢复办理', read: true, path: '/bills/pages/households/index?kind=electricity' }));
  expect(messages).toContainEqual(expect.objectContaining({ title: '水费缴纳已恢复办理', read: false }));
});

it('cancels a reminder from the sheet', async () => {
  const resident = residents[1];
  const page = await e2e.open({ openid: resident.openid, now: LATE });
  await shown(page, '.bm-hub-service-tile__info[data-service-id="bills.electricity.pay"]').click();
  const sheet = shown(page, '.bm-availability-sheet');
  await armed(page, '.bm-availability-sheet');
  await sheet.locator('.bm-availability-sheet__remind').click();
  await sheet.locator('.bm-availability-sheet__cancel-reminder').click();
  await sheet.locator('.bm-availability-sheet__remind').waitFor();
  expect(await sheet.locator('.bm-availability-sheet__reminder').count()).toBe(0);
  const { reminders } = await e2e.api<{ reminders: ReminderView[] }>('services', { action: 'reminders' }, { openid: resident.openid, now: LATE });
  expect(reminders).toEqual([]);
});

it('opens straight into an open service, and shows any service’s hours from its ⓘ', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: NOON });
  await shown(page, '.bm-hub-service-tile__info[data-service-id="bills.water.pay"]').click();
  const sheet = shown(page, '.bm-availability-sheet');
  await sheet.locator('.bm-availability-sheet__hours').waitFor();
  await expect(sheet.locator('.bm-sheet__title').textContent()).resolves.toBe('水费缴纳 · 办理时间');
  // Focus moved into the dialog, so a keyboard or screen-reader user is inside it.
  await expect(page.evaluate(() => document.activeElement?.classList.contains('bm-availability-sheet'))).resolves.toBe(true);
  await expect(sheet.locator('.bm-availability-sheet__hours').textContent()).resolves.toContain('06:00–22:00');
  // Open now: nothing to be reminded of, and the way in is plain 进入办理.
  expect(await sheet.locator('.bm-availability-sheet__remind').count()).toBe(0);
  await expect(sheet.locator('.bm-availability-sheet__enter').textContent()).resolves.toBe('进入办理');
  // The mask closes it too.
  await page.mouse.click(195, 60);
  await shown(page, '.bm-availability-sheet').waitFor({ state: 'detached' });
});

it('says the power company’s system is down when its sandbox is down', async () => {
  const resident = residents[0];
  await setFault('power', 'down');
  try {
    const page = await e2e.open({ openid: resident.openid, now: NOON });
    const tile = shown(page, ELECTRICITY);
    await tile.waitFor();
    // The tile names its department above the badge; the badge says what is wrong in a few words
    // (the department's name again overflowed the tile in large font).
    await expect(tile.locator('.bm-service-status').textContent()).resolves.toContain('对方系统暂时连不上');
    await expect(tile.locator('.bm-service-status').textContent()).resolves.not.toContain('国网市供电公司');
    await expect(tile.locator('.bm-service-status').getAttribute('class')).resolves.toContain('bm-service-status--down');
    // A service on a healthy department is unaffected.
    await expect(shown(page, '.bm-hub-service-tile[data-service-id="bills.water.pay"] .bm-service-status').textContent()).resolves.toContain('可办理');

    // A department down is news: the banner lists it (and only the live services it stops).
    const banner = shown(page, '.bm-hub-notices');
    // One outage is one line, though it stops both 电费查询 and 电费缴纳.
    await expect(banner.locator('.bm-hub-notices__count').textContent()).resolves.toBe('共 1 项');
    expect(await banner.locator('.bm-hub-notice').count()).toBe(1);
    await expect(banner.locator('.bm-hub-notice--down').first().textContent()).resolves.toContain('对方系统暂时连不上');
    await expect(banner.textContent()).resolves.toContain('国网市供电公司系统暂时连不上，我们每分钟自动重试');

    // Both actions of 电费 are refused: the tile explains instead of opening the flow.
    await tile.click();
    const sheet = shown(page, '.bm-availability-sheet');
    await sheet.locator('.bm-availability-sheet__hours').waitFor();
    await expect(sheet.locator('.bm-availability-sheet__now').textContent()).resolves.toContain('国网市供电公司系统暂时连不上');
    await expect(sheet.locator('.bm-availability-sheet__message').textContent()).resolves.toContain('国网市供电公司系统暂时连不上，我们每分钟自动重试');
  } finally {
    await setFault('power', 'ok');
  }
});

it('keeps only unusual closures in the banner at 03:00: nightly hours and daily maintenance are on the tiles', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: '2026-03-11T03:00:00+08:00' });
  await shown(page, ELECTRICITY).waitFor();
  expect(await shown(page, '.bm-hub-notices').count()).toBe(0);
  await expect(shown(page, '.bm-hub-service-tile[data-service-id="bills.water.pay"] .bm-service-status').textContent()).resolves.toContain('缴费 06:00 恢复');
  // The traffic police's daily maintenance is routine: on the tile, with its reopen time.
  await expect(shown(page, '.bm-hub-service-tile[data-service-id="traffic.query"] .bm-service-status').textContent()).resolves.toContain('04:00');
  // 人工客服 works China's working hours: at 03:00 on a Wednesday the tile says when agents are back.
  await expect(shown(page, '.bm-hub-service-tile[data-service-id="tickets.agent"] .bm-service-status').textContent()).resolves.toContain('09:00');
  expect(await shown(page, '.bm-hub-service-tile__info[data-service-id="tickets.agent"]').count()).toBe(1);
  await page.context().close();
});

it('shows an empty message centre as 暂无消息, with a way back to the hub', async () => {
  const page = await e2e.open({ openid: residents[2].openid, now: NOON });
  const entry = shown(page, '.bm-hub-messages-entry');
  await entry.waitFor();
  await expect(entry.getAttribute('aria-label')).resolves.toBe('消息，没有未读');
  expect(await entry.locator('.bm-hub-messages-entry__count').count()).toBe(0);
  await entry.click();
  await shown(page, '.bm-messages-empty').waitFor();
  await expect(shown(page, '.bm-messages-empty .bm-state__title').textContent()).resolves.toBe('暂无消息');
  await shown(page, '.bm-messages .bm-header__back').click();
  await shown(page, '.bm-hub-service-tile').first().waitFor();
  expect(await shown(page, '.bm-messages-empty').count()).toBe(0);
});
