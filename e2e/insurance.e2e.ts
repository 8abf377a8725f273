import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * Social insurance in the h5 build, as a resident does it: from the hub's 社保查询 tile to the
 * verify step (PIPL: who you are, before anything is shown), the FaceID sandbox's page (pass),
 * back to the summary, the pension records, and the log of every read. Then a failed face check
 * (no access), the gap months drawn as gaps, and the service closed at night.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const NIGHT = '2026-03-10T23:30:00+08:00';

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

// Grouped by thousands, as every screen writes money (¥84,363.92).
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** Fills the verify form and goes to the face check (the FaceID sandbox's page). */
async function verifyWith(page: Page, name: string, idNumber: string): Promise<void> {
  await shown(page, '.bm-ins-verify__name input').fill(name);
  await shown(page, '.bm-ins-verify__id input').fill(idNumber);
  await shown(page, '.bm-ins-verify__submit').click();
  await page.waitForURL(/\/faceid\/h5\//);
}

/** On the sandbox's page: the tester's choice, then back to the app (as FaceID's page sends one back). */
async function faceCheck(page: Page, result: 'pass' | 'fail' | 'abandon'): Promise<void> {
  await page.locator(`button[value="${result}"]`).click();
  await page.locator('button.back').click();
  await page.waitForURL(/#\/insurance\//);
}

it('verifies from the hub with a face check, then shows the summary, pension records and every read', async () => {
  const z = residents[0];
  const as = { openid: z.openid, now: NOON };
  const page = await e2e.open(as);

  // Hub → 社保查询: nothing is shown before the resident has verified; the verify step says why.
  await page.locator('.bm-hub-service-tile[data-service-id="insurance.query"]').click();
  await shown(page, '.bm-ins-verify__why').waitFor({ timeout: 45_000 });
  await expect(shown(page, '.bm-ins-verify__reason').textContent()).resolves.toContain('请先完成实名认证');
  await expect(shown(page, '.bm-ins-verify__why').textContent()).resolves.toContain('30 分钟');

  // A number with a wrong check character is caught on the phone, with the reason under the field.
  await shown(page, '.bm-ins-verify__name input').fill(z.name);
  await shown(page, '.bm-ins-verify__id input').fill('11010119900307123X');
  await shown(page, '.bm-ins-verify__submit').click();
  await expect(shown(page, '.bm-ins-verify__id-error').textContent()).resolves.toContain('校验位');
  await shot(page, 'insurance-verify');

  // The real number → FaceID's page (the sandbox) → pass → back: the app asks its server, which asks FaceID.
  await verifyWith(page, z.name, z.idNumber);
  await expect(page.locator('main').textContent()).resolves.toContain('人脸核身（沙箱）');
  await faceCheck(page, 'pass');

  // Back where the resident was headed: the summary, as the bureau has it.
  await shown(page, '.bm-ins-summary__accounts').waitFor({ timeout: 15_000 });
  const summary = await e2e.api<{ balances: { pension: number; medical: number }; dataUpTo: string; totalMonths: number; holder: { idNumberMasked: string } }>('insurance', { action: 'summary' }, as);
  await expect(shown(page, '.bm-ins-age__upto').textContent()).resolves.toBe('数据更新至 2026年1月');
  expect(summary.dataUpTo).toBe('2026-01');
  await expect(shown(page, '.bm-ins-summary__pension .bm-row__value').textContent()).resolves.toBe(yuan(summary.balances.pension));
  await expect(shown(page, '.bm-ins-summary__medical .bm-row__value').textContent()).resolves.toBe(yuan(summary.balances.medical));
  await expect(shown(page, '.bm-ins-summary__years .bm-row__value').textContent()).resolves.toMatch(/^(\d+ 年( \d+ 个月)?|\d+ 个月)$/);
  expect(await shown(page, '.bm-ins-insurance').count()).toBe(5);
  await expect(shown(page, '.bm-ins-insurance[data-insurance="pension"]').textContent()).resolves.toContain('参保缴费');
  // The ID number masked, in full only on tap.
  await expect(shown(page, '.bm-ins-summary__id').textContent()).resolves.toBe(summary.holder.idNumberMasked);
  await shot(page, 'insurance-summary');
  await shown(page, '.bm-ins-summary__reveal').click();
  await expect(shown(page, '.bm-ins-summary__id').textContent()).resolves.toBe(z.idNumber);
  await shown(page, '.bm-ins-summary__reveal').click();
  await expect(shown(page, '.bm-ins-summary__id').textContent()).resolves.toBe(summary.holder.idNumberMasked);

  // Pension records: 36 months, newest first, by year; the monthly personal parts add up to the bureau's total.
  await shown(page, '.bm-ins-insurance[data-insurance="pension"]').click();
  await shown(page, '.bm-ins-records__totals').waitFor();
  const records = await e2e.api<{ months: Array<{ month: string; personal?: number }>; totals: { personal: number } }>('insurance', { action: 'records', insurance: 'pension' }, as);
  expect(records.months).toHaveLength(25);
  const months = await shown(page, '.bm-ins-month').evaluateAll((els) => els.map((el) => el.getAttribute('data-month')));
  expect(months).toEqual(records.months.map((m) => m.month));
  const shownPersonal = await shown(page, '.bm-ins-month__personal').evaluateAll((els) => els.map((el) => Math.round(Number((el.textContent ?? '').replace(/[^\d.]/g, '')) * 100)));
  expect(shownPersonal.reduce((a, b) => a + b, 0)).toBe(records.totals.personal);
  await expect(shown(page, '.bm-ins-records__personal .bm-ins-total__value').textContent()).resolves.toBe(yuan(records.totals.personal));
  const years = await shown(page, '.bm-ins-year__head').evaluateAll((els) => els.map((el) => el.getAttribute('data-year')));
  expect(years).toEqual(['2026', '2025', '2024']);
  await shot(page, 'insurance-records');

  // The medical tab: another insurance, the same way.
  await shown(page, '.bm-ins-tabs .bm-tab[data-tab="medical"]').click();
  await shown(page, '.bm-ins-records__totals').filter({ hasText: '医疗保险' }).waitFor();

  // The access log lists each read of this test, newest first, from this account.
  await page.goBack();
  await shown(page, '.bm-ins-summary__access').click();
  await shown(page, '.bm-ins-entry').first().waitFor();
  const { entries } = await e2e.api<{ entries: Array<{ description: string }> }>('insurance', { action: 'accessLog' }, as);
  const listed = await shown(page, '.bm-ins-entry__what').allTextContents();
  expect(listed).toEqual(entries.map((e) => e.description));
  // Every read of this test, and nothing else: the summary page's (opened, and shown again on the
  // way back), the records tabs', and the test's own two calls — all at the one dev clock instant.
  expect([...listed].sort()).toEqual(
    ['查看参保概况', '查看参保概况', '查看参保概况', '查看养老保险缴费记录（2024年1月至2026年1月）', '查看养老保险缴费记录（2024年1月至2026年1月）', '查看医疗保险缴费记录（2024年1月至2026年1月）'].sort(),
  );
  await expect(shown(page, '.bm-ins-entry__source').first().textContent()).resolves.toContain('本微信号');
  await shot(page, 'insurance-access');
  await page.context().close();
});

it('in 大字模式 puts each total on its own line, never two sums run together', async () => {
  // 张晓明 was verified at noon by the first test (its access lasts 30 minutes).
  const page = await e2e.open({ openid: residents[0].openid, now: NOON, largeFont: true, path: '/insurance/pages/records/index?insurance=pension' });
  await shown(page, '.bm-large-font .bm-ins-records__totals').waitFor({ timeout: 15_000 });
  const boxes = await shown(page, '.bm-ins-records__totals .bm-ins-total__value').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent, top: Math.round(r.top), bottom: Math.round(r.bottom) };
    }),
  );
  expect(boxes).toHaveLength(3);
  // Each below the one before: no two figures share a line ("¥14,908.80¥29,817.60").
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
  await page.context().close();
});

it('says why a failed face check failed, offers to try again, and shows nothing', async () => {
  const li = residents[1];
  const as = { openid: li.openid, now: NOON };
  const page = await e2e.open({ ...as, path: '/insurance/pages/verify/index' });
  await shown(page, '.bm-ins-verify__why').waitFor();
  await verifyWith(page, li.name, li.idNumber);
  await faceCheck(page, 'fail');
  await shown(page, '.bm-ins-verify__failed').waitFor({ timeout: 15_000 });
  await expect(shown(page, '.bm-ins-verify__failed-message').textContent()).resolves.toContain('人脸与身份证照片不一致');
  await shot(page, 'insurance-face-failed');
  // No access: the server still asks for a verification.
  await expect(e2e.api('insurance', { action: 'summary' }, as)).rejects.toThrow(/VERIFICATION_REQUIRED/);
  await shown(page, '.bm-ins-verify__retry').click();
  await shown(page, '.bm-ins-verify__submit').waitFor();
  await page.context().close();
});

it('draws the gap months as gaps, with the year totals', async () => {
  const wang = residents[2];
  const as = { openid: wang.openid, now: NOON };
  const started = await e2e.api<{ verificationId: string; bizToken: string }>('insurance', { action: 'verify', name: wang.name, idNumber: wang.idNumber }, as);
  const decided = await fetch(`${e2e.stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) });
  expect(decided.status).toBe(200);
  const page = await e2e.open({ ...as, path: '/insurance/pages/records/index?insurance=unemployment' });
  await shown(page, '.bm-ins-records__totals').waitFor();
  const gaps = await shown(page, '.bm-ins-month--gap').evaluateAll((els) => els.map((el) => el.getAttribute('data-month')));
  expect(gaps).toEqual(['2025-03', '2025-02', '2025-01']);
  await expect(shown(page, '.bm-ins-month--gap').first().textContent()).resolves.toContain('断缴');
  await expect(shown(page, '.bm-ins-year__head[data-year="2025"]').textContent()).resolves.toContain('断缴 3 个月');
  await shown(page, '.bm-ins-month--gap').first().scrollIntoViewIfNeeded();
  await shot(page, 'insurance-gaps');
  await page.context().close();
});

it('at 23:30 says the service is closed and when it reopens, instead of asking to verify', async () => {
  const page = await e2e.open({ openid: residents[3].openid, now: NIGHT, path: '/insurance/pages/summary/index' });
  const closed = shown(page, '.bm-ins-summary-closed');
  await closed.waitFor();
  await expect(closed.textContent()).resolves.toContain('06:00');
  // The closed state is the page itself, not a sheet over it; 查看办理时间 opens the hours on request.
  expect(await shown(page, '.bm-availability-sheet').count()).toBe(0);
  await shot(page, 'insurance-closed');
  await closed.locator('.bm-text-action').click();
  await expect(shown(page, '.bm-availability-sheet').textContent()).resolves.toContain('06:00');
  await page.context().close();
});

it('at 23:30, 仍要进入 from the hub’s hours sheet opens the page once, without the same sheet again', async () => {
  const page = await e2e.open({ openid: residents[3].openid, now: NIGHT });
  await shown(page, '.bm-hub-service-tile[data-service-id="insurance.query"]').click();
  const sheet = shown(page, '.bm-availability-sheet');
  await expect(sheet.locator('.bm-availability-sheet__enter').textContent()).resolves.toBe('仍要进入');
  await armed(page, '.bm-availability-sheet');
  await sheet.locator('.bm-availability-sheet__enter').click();
  await shown(page, '.bm-ins-summary-closed').waitFor();
  // Settled: the page has shown what it will, and no sheet came back over it.
  await settled(page);
  expect(await shown(page, '.bm-availability-sheet').count()).toBe(0);
  await page.context().close();
});

it('after the 30 minutes asks to verify again, and comes back to the records tab the resident was on', async () => {
  const wang = residents[2];
  // Verified at noon (the gaps test above, or here if run alone); 31 minutes later the access is over.
  const later = '2026-03-10T12:31:00+08:00';
  const page = await e2e.open({ openid: wang.openid, now: later, path: '/insurance/pages/records/index?insurance=medical' });
  await shown(page, '.bm-ins-verify__reason').waitFor();
  await expect(shown(page, '.bm-ins-verify__reason').textContent()).resolves.toMatch(/30 分钟|请先完成实名认证/);
  await verifyWith(page, wang.name, wang.idNumber);
  await faceCheck(page, 'pass');
  await shown(page, '.bm-ins-records__totals').filter({ hasText: '医疗保险' }).waitFor({ timeout: 15_000 });
  await expect(shown(page, '.bm-ins-tabs .bm-tab--active').getAttribute('data-tab')).resolves.toBe('medical');
  await page.context().close();
});

it("shows a retiree's pension and its payments, and a person the bureau does not know a friendly 未查到参保记录", async () => {
  const li = residents[1];
  const chen = residents[3];
  for (const r of [li, chen]) {
    const started = await e2e.api<{ bizToken: string }>('insurance', { action: 'verify', name: r.name, idNumber: r.idNumber }, { openid: r.openid, now: NOON });
    expect((await fetch(`${e2e.stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) })).status).toBe(200);
  }
  const retiree = await e2e.open({ openid: li.openid, now: NOON, path: '/insurance/pages/summary/index' });
  await shown(retiree, '.bm-ins-summary__retirement').waitFor({ timeout: 15_000 });
  await expect(shown(retiree, '.bm-ins-summary__insured').textContent()).resolves.toContain('已退休');
  await shown(retiree, '.bm-ins-summary__payments').click();
  await shown(retiree, '.bm-ins-records__payments .bm-ins-payment').first().waitFor();
  // The records lead with the pension, then say why there are no recent contributions, instead of
  // "已缴 0 个月 ¥0.00 ¥0.00" with the reason at the bottom; earlier years stay reachable.
  const order = await retiree.evaluate(() => [...document.querySelectorAll('.bm-ins-records__payments, .bm-ins-records__retired, .bm-ins-records__totals')].map((e) => e.className.match(/bm-ins-records__\w+/)![0]));
  expect(order).toEqual(['bm-ins-records__payments', 'bm-ins-records__retired']);
  await expect(shown(retiree, '.bm-ins-records__retired').textContent()).resolves.toContain('已退休，领取养老金');
  expect(await retiree.locator('body').textContent()).not.toContain('已缴 0 个月');
  await shown(retiree, '.bm-ins-records__earlier').click();
  await shown(retiree, '.bm-ins-month').first().waitFor();
  await retiree.context().close();

  const unknown = await e2e.open({ openid: chen.openid, now: NOON, path: '/insurance/pages/summary/index' });
  await shown(unknown, '.bm-ins-summary-unknown').waitFor({ timeout: 15_000 });
  await expect(shown(unknown, '.bm-ins-summary-unknown').textContent()).resolves.toContain('未查到参保记录');
  await expect(shown(unknown, '.bm-ins-summary-unknown').textContent()).resolves.toContain('12333');
  await unknown.context().close();
});
