import type { Page } from 'playwright-core';
import { type E2E, residents, settled, shown, startE2E } from './support';

/**
 * A bills failure page as a resident meets it: the power company's system is down, so
 * the bill page cannot be loaded. It says so, shows the company's own hotline (95598, a tel:
 * link on h5) and offers 恢复后提醒我; tapping it (twice, as elderly residents do) keeps one
 * reminder; after the department is back, the reminders job delivers one message, in 消息.
 */
const NOON = '2026-03-10T12:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await setFault('power', 'ok').catch(() => undefined);
  await e2e?.close();
});

async function setFault(department: string, mode: 'down' | 'ok'): Promise<void> {
  const res = await fetch(`${e2e.stack.url}/api/__dev/departments/${department}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode }) });
  expect(res.status).toBe(200);
}

async function runJob(now: string): Promise<{ sent: number; rescheduled: number }> {
  const res = await fetch(`${e2e.stack.url}/api/__dev/jobs/reminders`, { method: 'POST', headers: { 'X-Dev-Now': now } });
  return ((await res.json()) as { data: { sent: number; rescheduled: number } }).data;
}

/** Polls services.status until the service's department is no longer down (never asserts on time). */
async function recovered(serviceId: string, as: { openid: string; now: string }): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const { availability } = await e2e.api<{ availability: { state: string } }>('services', { action: 'status', serviceId }, as);
    if (availability.state !== 'down') return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${serviceId} still down`);
}

async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await e2e.screenshot(page, name);
}

it('shows 95598 and 恢复后提醒我 when the power company is down, and tells the resident once it is back', async () => {
  const resident = residents[0];
  const as = { openid: resident.openid, now: NOON };
  const account = resident.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>(
    'bills',
    { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label },
    as,
  );

  await setFault('power', 'down');
  const page = await e2e.open({ ...as, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=electricity` });

  // The failure, in words, with the company's own line and the offer to remind.
  const help = shown(page, '.bm-bills-outage');
  await help.waitFor();
  await expect(help.textContent()).resolves.toContain('国网市供电公司暂时连不上');
  const call = help.locator('a.bm-department-hotline__call');
  await expect(call.getAttribute('href')).resolves.toBe('tel:95598');
  await expect(call.getAttribute('aria-label')).resolves.toBe('拨打 9 5 5 9 8，国家电网供电服务热线');
  await expect(call.textContent()).resolves.toBe('拨打 95598');
  const remind = help.locator('.bm-bills-outage__remind');
  await expect(remind.getAttribute('aria-label')).resolves.toContain('恢复后提醒我');
  await shot(page, 'bills-outage');

  // Two quick taps: one reminder, and the card says it is set.
  await remind.dblclick();
  await help.locator('.bm-bills-outage__set').waitFor();
  await expect(help.locator('.bm-bills-outage__set').textContent()).resolves.toContain('国网市供电公司恢复后，我们会在消息中心通知您');
  const { reminders } = await e2e.api<{ reminders: Array<{ serviceId: string; until: string }> }>('services', { action: 'reminders' }, as);
  expect(reminders).toEqual([expect.objectContaining({ serviceId: 'bills.electricity.pay', until: 'recovers' })]);
  await shot(page, 'bills-outage-reminder-set');

  // Still down at the next run: nothing is sent. Back: the run after sends one message.
  await expect(runJob('2026-03-10T12:02:00+08:00')).resolves.toMatchObject({ sent: 0, rescheduled: 1 });
  await setFault('power', 'ok');
  // The page's failed calls opened the power client's circuit breaker: it lets a trial through
  // after its half-open delay (real time). Wait for the stack to see the company back, as the hub would.
  await recovered('bills.electricity.pay', as);
  await expect(runJob('2026-03-10T12:03:00+08:00')).resolves.toMatchObject({ sent: 1 });
  await expect(runJob('2026-03-10T12:04:00+08:00')).resolves.toMatchObject({ sent: 0 });
  await page.context().close();

  const inbox = await e2e.open({ ...as, now: '2026-03-10T12:05:00+08:00', path: '/messages/pages/index/index' });
  const item = shown(inbox, '.bm-message-item');
  await item.first().waitFor();
  expect(await item.count()).toBe(1);
  await expect(item.first().textContent()).resolves.toContain('电费缴纳已恢复办理');
  await shot(inbox, 'messages-department-recovered');
  await inbox.context().close();
});

it('shows the company’s hotline in the hub’s sheet while the power company is down', async () => {
  await setFault('power', 'down');
  try {
    const page = await e2e.open({ openid: residents[1].openid, now: NOON });
    const tile = shown(page, '.bm-hub-service-tile[data-service-id="bills.electricity.pay"]');
    await tile.waitFor();
    await tile.click();
    const sheet = shown(page, '.bm-availability-sheet');
    await sheet.locator('.bm-availability-sheet__hours').waitFor();
    await expect(sheet.locator('a.bm-department-hotline__call').getAttribute('href')).resolves.toBe('tel:95598');
    await expect(sheet.locator('.bm-availability-sheet__remind').textContent()).resolves.toBe('恢复后提醒我');
    await shot(page, 'hub-sheet-department-down');
    await page.context().close();
  } finally {
    await setFault('power', 'ok');
  }
});
