import type { InboxMessage, ReminderView } from '@bianmin/core';
import { type E2E, residents, settled, shown, startE2E } from './support';

/**
 * Availability on the hub (issue 3), in the h5 build: at 23:45 the electricity settlement
 * pause is on the tile and in the closure banner before anyone taps; the sheet shows the week's
 * hours; 提醒我 files a reminder that the reminder job turns into a message at 00:31; and a
 * department that is down says so in words.
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

const ELECTRICITY = '.hub-service-tile[data-service-id="bills.electricity.pay"]';

it('at 23:45 says 电费缴纳 is paused until 00:30, lists the closures, and reminds the resident when it reopens', async () => {
  const resident = residents[0];
  const page = await e2e.open({ openid: resident.openid, now: LATE });

  // The tile says it in words, with the reopen time; so does its accessible name.
  const tile = shown(page, ELECTRICITY);
  await tile.waitFor();
  const badge = await tile.locator('.service-status').textContent();
  expect(badge).toContain('已暂停');
  expect(badge).toContain('00:30');
  await expect(tile.getAttribute('aria-label')).resolves.toMatch(/^电费缴纳，国网市供电公司，已暂停.*00:30 恢复$/);

  // The banner lists today's closures; with five it shows two and folds the rest.
  const banner = shown(page, '.hub-notices');
  await expect(banner.locator('.hub-notices__count').textContent()).resolves.toBe('共 5 项');
  await expect(banner.textContent()).resolves.toContain('电费缴纳每日 23:30–次日 00:30 系统结算暂停，将于 00:30 恢复');
  expect(await banner.locator('.hub-notice').count()).toBe(2);
  const toggle = banner.locator('.hub-notices__toggle');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  await toggle.click();
  expect(await banner.locator('.hub-notice').count()).toBe(5);
  await expect(banner.textContent()).resolves.toContain('人工客服');
  await toggle.click();
  expect(await banner.locator('.hub-notice').count()).toBe(2);
  await settled(page);
  await e2e.screenshot(page, 'hub-closed');

  // Tapping the paused tile opens the sheet (not the flow): the reason first, then the week's hours.
  await tile.click();
  const sheet = shown(page, '.availability-sheet');
  await sheet.waitFor();
  await expect(sheet.getAttribute('role')).resolves.toBe('dialog');
  await expect(sheet.locator('.availability-sheet__message').textContent()).resolves.toContain('将于 00:30 恢复');
  await sheet.locator('.availability-sheet__hours').waitFor();
  await expect(sheet.locator('.availability-sheet__hours').textContent()).resolves.toContain('每周办理时间');
  await expect(sheet.locator('.availability-sheet__hours').textContent()).resolves.toContain('每天 00:30–23:30');
  await expect(sheet.locator('.availability-sheet__upcoming').textContent()).resolves.toContain('近 7 天无停办安排');
  await expect(sheet.locator('.availability-sheet__enter').textContent()).resolves.toBe('仍要进入');
  await settled(page);
  await e2e.screenshot(page, 'hub-detail-sheet');

  // 提醒我: on h5 the reminder goes to the message centre, at the reopening time.
  await sheet.locator('.availability-sheet__remind').click();
  const confirmation = sheet.locator('.availability-sheet__reminder');
  await confirmation.waitFor();
  await expect(confirmation.textContent()).resolves.toContain('将于 3月11日 00:30 提醒您');
  expect(await sheet.locator('.availability-sheet__remind').count()).toBe(0);
  const { reminders } = await e2e.api<{ reminders: ReminderView[] }>('services', { action: 'reminders' }, { openid: resident.openid, now: LATE });
  expect(reminders).toEqual([expect.objectContaining({ serviceId: 'bills.electricity.pay', channel: 'inbox', remindAt: '2026-03-11T00:30:00+08:00' })]);

  // Closed and reopened, the sheet remembers it (from services.reminders) and offers 取消提醒.
  await sheet.locator('.availability-sheet__close').click();
  await shown(page, '.availability-sheet').waitFor({ state: 'detached' });
  await shown(page, '.hub-service-tile__info[data-service-id="bills.electricity.pay"]').click();
  await shown(page, '.availability-sheet .availability-sheet__cancel-reminder').waitFor();
  await expect(shown(page, '.availability-sheet__reminder').textContent()).resolves.toContain('3月11日 00:30');
  await shown(page, '.availability-sheet .bm-sheet__close').click();

  // A second reminder, for water at 06:00, set without the page.
  await e2e.api('services', { action: 'remind', serviceId: 'bills.water.pay', channel: 'inbox' }, { openid: resident.openid, now: LATE });

  // 00:31: the reminder job sends electricity's (water's is not due); at 06:01, water's.
  const runJob = async (now: string) =>
    (await fetch(`${e2e.stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'X-Dev-Now': now } })).json();
  await expect(runJob(AFTER_REOPEN)).resolves.toEqual({ ok: true, data: { sent: 1, rescheduled: 0, failed: 0 } });
  await expect(runJob(WATER_REOPENED)).resolves.toEqual({ ok: true, data: { sent: 1, rescheduled: 0, failed: 0 } });

  // The hub's 消息 shows two unread; the centre lists both, newest first, unread in words.
  await page.reload();
  const entry = shown(page, '.hub-messages-entry');
  await entry.waitFor();
  await expect(entry.locator('.hub-messages-entry__count').textContent()).resolves.toBe('2');
  await expect(entry.getAttribute('aria-label')).resolves.toBe('消息，2 条未读');
  await entry.click();

  const items = shown(page, '.message-item');
  await items.first().waitFor();
  await expect(items.locator('.message-item__title').allTextContents()).resolves.toEqual(['水费缴纳已恢复办理', '电费缴纳已恢复办理']);
  const item = items.nth(1);
  await expect(item.getAttribute('class')).resolves.toContain('message-item--unread');
  await expect(item.locator('.message-item__badge').textContent()).resolves.toBe('未读');
  await expect(item.locator('.message-item__time').textContent()).resolves.toBe('3月11日 00:31');
  await expect(shown(page, '.messages-head__summary').textContent()).resolves.toBe('2 条未读');
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
  await shown(page, ELECTRICITY).click();
  const sheet = shown(page, '.availability-sheet');
  await sheet.locator('.availability-sheet__remind').click();
  await sheet.locator('.availability-sheet__cancel-reminder').click();
  await sheet.locator('.availability-sheet__remind').waitFor();
  expect(await sheet.locator('.availability-sheet__reminder').count()).toBe(0);
  const { reminders } = await e2e.api<{ reminders: ReminderView[] }>('services', { action: 'reminders' }, { openid: resident.openid, now: LATE });
  expect(reminders).toEqual([]);
});

it('opens straight into an open service, and shows any service’s hours from its ⓘ', async () => {
  const page = await e2e.open({ openid: residents[0].openid, now: NOON });
  await shown(page, '.hub-service-tile__info[data-service-id="bills.water.pay"]').click();
  const sheet = shown(page, '.availability-sheet');
  await sheet.locator('.availability-sheet__hours').waitFor();
  await expect(sheet.locator('.bm-sheet__title').textContent()).resolves.toBe('水费缴纳 · 办理时间');
  await expect(sheet.locator('.availability-sheet__hours').textContent()).resolves.toContain('06:00–22:00');
  // Open now: nothing to be reminded of, and the way in is plain 进入办理.
  expect(await sheet.locator('.availability-sheet__remind').count()).toBe(0);
  await expect(sheet.locator('.availability-sheet__enter').textContent()).resolves.toBe('进入办理');
  // The mask closes it too.
  await page.mouse.click(195, 60);
  await shown(page, '.availability-sheet').waitFor({ state: 'detached' });
});

it('says the power company’s system is down when its sandbox is down', async () => {
  const resident = residents[0];
  await setFault('power', 'down');
  try {
    const page = await e2e.open({ openid: resident.openid, now: NOON });
    const tile = shown(page, ELECTRICITY);
    await tile.waitFor();
    await expect(tile.locator('.service-status').textContent()).resolves.toContain('部门系统故障');
    await expect(tile.locator('.service-status').getAttribute('class')).resolves.toContain('service-status--down');
    // A service on a healthy department is unaffected.
    await expect(shown(page, '.hub-service-tile[data-service-id="bills.water.pay"] .service-status').textContent()).resolves.toContain('可办理');

    const banner = shown(page, '.hub-notices');
    await expect(banner.locator('.hub-notice--down').first().textContent()).resolves.toContain('系统故障');
    await expect(banner.textContent()).resolves.toContain('国网市供电公司系统暂时无法连接');

    await tile.click();
    const sheet = shown(page, '.availability-sheet');
    await sheet.locator('.availability-sheet__hours').waitFor();
    await expect(sheet.locator('.availability-sheet__now').textContent()).resolves.toContain('部门系统故障');
    await expect(sheet.locator('.availability-sheet__message').textContent()).resolves.toContain('国网市供电公司系统暂时无法连接');
  } finally {
    await setFault('power', 'ok');
  }
});

it('shows an empty message centre as 暂无消息, with a way back to the hub', async () => {
  const page = await e2e.open({ openid: residents[2].openid, now: NOON });
  const entry = shown(page, '.hub-messages-entry');
  await entry.waitFor();
  await expect(entry.getAttribute('aria-label')).resolves.toBe('消息，没有未读');
  expect(await entry.locator('.hub-messages-entry__count').count()).toBe(0);
  await entry.click();
  await shown(page, '.messages-empty').waitFor();
  await expect(shown(page, '.messages-empty__title').textContent()).resolves.toBe('暂无消息');
  await shown(page, '.messages-back').click();
  await shown(page, '.hub-service-tile').first().waitFor();
  expect(await shown(page, '.messages-empty').count()).toBe(0);
});
