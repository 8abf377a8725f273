import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * The app on the demo date as a person tries it: the stack started with DEV_NOW and runs its
 * background jobs on that clock (the payments worker every second here: it would close an
 * order dated months before the real date at once), and nothing in the page pins the time — no
 * `dev_now`, no X-Dev-Now on any call.
 */
const DEMO = '2026-03-10T09:00:00+08:00';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ devNow: new Date(DEMO), loops: { paymentsWorker: 1000 } });
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** A call as the h5 app makes it now: the resident, and no clock of its own. */
async function call<T>(fn: string, body: object, openid: string): Promise<T> {
  const res = await fetch(`${e2e.stack.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': openid }, body: JSON.stringify(body) });
  const envelope = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${fn} ${JSON.stringify(body)} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** Asks `read` until it answers `want` (or gives up after `ms`), and returns its last answer. */
async function until<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read();
  while (last !== want && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

const stackClock = async () => ((await (await fetch(`${e2e.stack.url}/api/__dev/clock`)).json()) as { data: { setTo: string | null; source: string } }).data;

/** Every call the page makes that carries its own clock (there must be none). */
function pinnedCalls(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/') && r.headers()['x-dev-now'] !== undefined) seen.push(r.url());
  });
  return seen;
}

async function openBill(openid: string, kind: 'electricity' | 'water') {
  const resident = residents.find((r) => r.openid === openid)!;
  const account = resident.utilityAccounts.find((a) => a.kind === kind)!;
  const { binding } = await call<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, openid);
  const page = await e2e.open({ openid, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=${kind}` });
  const pinned = pinnedCalls(page);
  await shown(page, '.bills-bill__due-amount').waitFor();
  return { page, pinned, bindingId: binding.bindingId };
}

/** Bill page → 立即缴费 → confirm sheet → the sandbox sheet, whose order now exists; its id. */
async function openSandboxSheet(page: Page, openid: string): Promise<string> {
  await shown(page, '.bills-pay').click();
  await armed(page, '.bills-confirm-sheet');
  await shown(page, '.bills-confirm-sheet__pay').click();
  await armed(page, '.pay-sandbox-sheet');
  const { orders } = await call<{ orders: Array<{ orderId: string; status: string; createdAt: string }> }>('bills', { action: 'orders' }, openid);
  const pending = orders.find((o) => o.status === 'pending')!;
  expect(pending.createdAt.slice(0, 15)).toBe('2026-03-10T09:0');
  return pending.orderId;
}

it('pays a bill on the demo date by clicking through the sandbox sheet 11 s after the order was made, and it settles', async () => {
  const zhang = residents[0];
  const { page, pinned } = await openBill(zhang.openid, 'electricity');
  const orderId = await openSandboxSheet(page, zhang.openid);

  // The resident hesitates. The payments worker runs about ten times meanwhile, on the stack's
  // clock: the order is 11 seconds old there, nowhere near its 30 minutes.
  await page.waitForTimeout(11_000);
  expect((await call<{ order: { status: string } }>('bills', { action: 'order', orderId }, zhang.openid)).order.status).toBe('pending');

  await shown(page, '.pay-sandbox-sheet__confirm').click();
  await shown(page, '.bills-result__hero[data-status="settled"]').waitFor({ timeout: 20_000 });
  await expect(shown(page, '.bills-result__status').textContent()).resolves.toBe('支付成功 · 已入账');
  const refs = (await shown(page, '.bills-result__refs').textContent()) ?? '';
  expect(refs).toContain(orderId);
  expect(refs).toMatch(/下单时间\s*2026-03-10 09:0\d/);
  expect(refs).toMatch(/支付时间\s*2026-03-10 09:0\d/);
  expect(pinned).toEqual([]);
  await page.context().close();
}, 90_000);

it('shows the traffic police’s data as fetched on the demo date, and pays a fine there', async () => {
  const zhang = residents[0];
  const car = zhang.vehicles[0]!;
  const { vehicle } = await call<{ vehicle: { vehicleId: string } }>('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, zhang.openid);
  const page = await e2e.open({ openid: zhang.openid, path: `/traffic/pages/violations/index?vehicleId=${vehicle.vehicleId}` });
  const pinned = pinnedCalls(page);
  const age = shown(page, '.traffic-violations__age');
  await age.waitFor({ timeout: 20_000 });
  // The department's fetchedAt, on the page: the demo date, not the machine's.
  await expect(age.textContent()).resolves.toMatch(/（2026-03-10 09:0\d）$/);

  await shown(page, '.traffic-item[data-violation-id="44030126000001"]').click();
  await shown(page, '.traffic-pay').click();
  await armed(page, '.traffic-confirm-sheet');
  await shown(page, '.traffic-confirm-sheet__pay').click();
  await armed(page, '.pay-sandbox-sheet');
  await shown(page, '.pay-sandbox-sheet__confirm').click();
  await shown(page, '.traffic-receipt__hero[data-status="settled"]').waitFor({ timeout: 20_000 });
  await expect(shown(page, '.traffic-receipt__status').textContent()).resolves.toBe('支付成功 · 交警已销账');
  expect(pinned).toEqual([]);
  await page.context().close();
}, 90_000);

it('says a closed order’s sheet cannot be paid, without a code or a retry, once the clock has passed its 30 minutes', async () => {
  const li = residents[1];
  const { page } = await openBill(li.openid, 'water');
  const orderId = await openSandboxSheet(page, li.openid);
  // Forty minutes later on the stack's clock: the payments worker closes the order, with WeChat Pay.
  const later = new Date(Date.now() + 40 * 60_000);
  const state = await (await fetch(`${e2e.stack.url}/api/__dev/clock`, { method: 'POST', body: JSON.stringify({ now: e2e.stack.clock.at(later.getTime()).toISOString() }) })).json();
  expect(state).toMatchObject({ ok: true, data: { source: 'lever' } });
  expect(await until(async () => (await call<{ order: { status: string } }>('bills', { action: 'order', orderId }, li.openid)).order.status, 'closed')).toBe('closed');

  await shown(page, '.pay-sandbox-sheet__confirm').click();
  const notice = shown(page, '.pay-sandbox-sheet__error');
  await notice.waitFor();
  const said = (await notice.textContent()) ?? '';
  expect(said).toContain('这笔订单已关闭');
  expect(said).toContain('没有扣款');
  expect(said).not.toMatch(/再试|ORDER|[A-Z]{4,}/);
  await expect(shown(page, '.pay-sandbox-sheet__confirm').textContent()).resolves.toBe('关闭');
  expect(await shown(page, '.pay-sandbox-sheet__cancel').count()).toBe(0);
  await settled(page);
  await e2e.screenshot(page, 'bills-sandbox-pay-closed');
  await shown(page, '.pay-sandbox-sheet__confirm').click();
  await shown(page, '.pay-sandbox-sheet').waitFor({ state: 'hidden' });
  await page.context().close();
}, 90_000);

it('moves the whole stack from the hub’s 模拟时间 control, and back to real time with 实时', async () => {
  const page = await e2e.open({ openid: residents[0].openid });
  const input = shown(page, 'input.dev-clock');
  await input.waitFor();
  // It shows where the stack's clock stands (set by the previous test's lever call).
  await page.waitForFunction(() => /^2026-03-10T\d{2}:\d{2}$/.test((document.querySelector('input.dev-clock') as HTMLInputElement | null)?.value ?? ''));
  await input.fill('2026-03-10T09:00');
  expect(await until(async () => (await stackClock()).setTo, '2026-03-10T09:00:00+08:00')).toBe('2026-03-10T09:00:00+08:00');
  await shown(page, '.dev-panel__note').waitFor();
  await settled(page);
  await e2e.screenshot(page, 'hub-dev-clock');
  await shown(page, '.dev-panel__link').click();
  expect(await until(async () => (await stackClock()).source, 'real')).toBe('real');
  await expect(input.inputValue()).resolves.toBe('');
  await page.context().close();
}, 60_000);
