import type { StatusPageResult } from '@bianmin/core';
import type { Page } from 'playwright-core';
import { type E2E, residents, settled, shown, startE2E } from './support';

/**
 * The public status page in the mini-program (h5 twin) in Chromium against the local stack: a
 * power operator's maintenance for tonight shows there at 02:00 with its reason, reopening time
 * and alternative, under the power company's uptime and incidents; the hub's 各部门服务状态 row
 * opens it, named by its words and a 44 px target; a power company the probes find down is said
 * so, and its outage is listed once it is over.
 */
const TODAY_NOON = '2026-03-10T12:00:00+08:00';
const TONIGHT_0200 = '2026-03-11T02:00:00+08:00';
const resident = residents[0];

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await fault('power', 'ok').catch(() => undefined);
  await e2e?.close();
});

async function fault(department: string, mode: 'down' | 'ok'): Promise<void> {
  const res = await fetch(`${e2e.stack.url}/api/__dev/departments/${department}/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mode }) });
  expect(res.status).toBe(200);
}

async function publishAsPowerOperator(notice: Record<string, unknown>): Promise<void> {
  const session = (await (await fetch(`${e2e.stack.url}/api/__dev/operators/op-power-01/session`, { method: 'POST', headers: { 'X-Dev-Now': TODAY_NOON } })).json()) as { data: { token: string } };
  const res = await fetch(`${e2e.stack.url}/api/admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-Now': TODAY_NOON, Authorization: `Bearer ${session.data.token}` },
    body: JSON.stringify({ action: 'notices.publish', ...notice }),
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

const department = (page: Page, id: string) => shown(page, `.bm-status-dept[data-department-id="${id}"]`);

it('opens from the hub’s 各部门服务状态 and shows tonight’s maintenance with its reason, reopening time and alternative', async () => {
  await publishAsPowerOperator({
    serviceIds: ['bills.electricity.query'],
    kind: 'maintenance',
    startsAt: '2026-03-11T01:00:00+08:00',
    endsAt: '2026-03-11T03:00:00+08:00',
    reason: '电费系统升级',
    alternative: '拨打 95598（24 小时）',
  });

  const hub = await e2e.open({ openid: resident.openid, now: TONIGHT_0200, privacyAgreed: true });
  const entry = hub.getByRole('link', { name: /各部门服务状态/ }).filter({ visible: true });
  await entry.waitFor();
  const box = (await entry.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  await entry.click();

  await shown(hub, '.bm-status-dept .bm-status-service').first().waitFor();
  await settled(hub);
  const power = department(hub, 'power');
  await expect(power.locator('.bm-card__title').textContent()).resolves.toBe('国网市供电公司');
  const query = power.locator('.bm-status-service[data-service-id="bills.electricity.query"]');
  await expect(query.getAttribute('data-state')).resolves.toBe('maintenance');
  const said = (await query.textContent()) ?? '';
  expect(said).toContain('电费系统升级');
  expect(said).toContain('03:00');
  expect(said).toContain('可改为：拨打 95598（24 小时）');
  await expect(power.textContent()).resolves.toMatch(/可用率：(近 30 天 \d+\.\d%|暂无探测数据)/);
  // The water company is not touched by the power company's maintenance.
  await expect(department(hub, 'water').locator('.bm-status-service[data-service-id="bills.water.query"]').getAttribute('data-state')).resolves.not.toBe('maintenance');
  await expect(shown(hub, '.bm-status-tickets').textContent()).resolves.toContain('12345 诉求办理（近 90 天）');

  // What the page shows is what the action answers, service for service.
  const answer = await e2e.api<StatusPageResult>('services', { action: 'statusPage' }, { now: TONIGHT_0200 });
  await expect(shown(hub, '.bm-status-service').count()).resolves.toBe(answer.services.length);
  await hub.context().close();
});

/** The operations worker's health job (every minute when deployed) at `now`. */
async function recordHealth(now: string): Promise<void> {
  const res = await fetch(`${e2e.stack.url}/api/__dev/jobs/health`, { method: 'POST', headers: { 'X-Dev-Now': now } });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
}

it('says a department the health probes find down, and lists its outage once, with how long it lasted', async () => {
  await fault('power', 'down');
  await recordHealth('2026-03-10T14:00:00+08:00');
  const page = await e2e.open({ openid: resident.openid, now: '2026-03-10T14:05:00+08:00', path: '/services/pages/status/index' });
  const power = department(page, 'power');
  await power.locator('.bm-status-dept__state--down').waitFor();
  await expect(power.locator('.bm-status-dept__state').textContent()).resolves.toBe('系统暂时连不上');
  await expect(power.locator('.bm-status-service[data-service-id="bills.electricity.pay"]').getAttribute('data-state')).resolves.toBe('down');
  await expect(department(page, 'water').locator('.bm-status-dept__state').textContent()).resolves.toBe('系统连接正常');
  await expect(power.locator('.bm-status-incident--outage').first().textContent()).resolves.toMatch(/^今天 14:00 起，仍在处理/);
  await page.context().close();

  await fault('power', 'ok');
  // The client's circuit breaker lets a trial through on real time: record until the probes see it back.
  let answer: StatusPageResult | null = null;
  for (let i = 0; i < 120; i++) {
    await recordHealth('2026-03-10T14:20:00+08:00');
    answer = await e2e.api<StatusPageResult>('services', { action: 'statusPage' }, { now: '2026-03-10T14:30:00+08:00' });
    if (answer.departments.find((d) => d.departmentId === 'power')?.state === 'up') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const outages = answer!.services.find((s) => s.serviceId === 'bills.electricity.query')!.incidents.filter((i) => i.kind === 'outage');
  expect(outages).toEqual([expect.objectContaining({ startedAt: '2026-03-10T14:00:00+08:00', endedAt: '2026-03-10T14:20:00+08:00', minutes: 20 })]);

  const after = await e2e.open({ openid: resident.openid, now: '2026-03-10T14:30:00+08:00', path: '/services/pages/status/index' });
  const back = department(after, 'power');
  await back.locator('.bm-status-dept__state--up').waitFor();
  // Reported on each of the power company's services, said once for the company.
  await expect(back.locator('.bm-status-incidents__title').textContent()).resolves.toBe('近 30 天中断 1 次');
  await expect(back.locator('.bm-status-incident--outage').count()).resolves.toBe(1);
  await expect(back.locator('.bm-status-incident--outage').textContent()).resolves.toMatch(/^今天 14:00 起，20 分钟：国网市供电公司系统连不上/);
  await after.context().close();
});
