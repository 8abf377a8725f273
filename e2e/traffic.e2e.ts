import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * The traffic flow in the h5 build, as a resident does it: from the hub's 违章查询 tile to an
 * empty 我的车辆, adding the car by a photo of its licence (uploaded, read by the OCR sandbox,
 * the form prefilled), its violations by group, confirming an electronic-monitoring record
 * online, paying the fine decided 60 days ago (late fee capped: twice the fine) in the sandbox
 * sheet, and the receipt with the decision number; and at 03:00 the pages say that the traffic
 * police are in maintenance until 04:00.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const NIGHT = '2026-03-10T03:00:00+08:00';
const CAPPED = '44030126000001';
const CONFIRMABLE = '44030126000003';
const LICENCE = resolve(__dirname, '../dev/assets/traffic/licence-yue-b12345.jpg');

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

/** Taro's h5 showModal: press its confirm button. */
async function confirmModal(page: Page): Promise<void> {
  // Its wrapper has no box of its own (the mask and dialog are fixed): wait for the buttons' row.
  const foot = page.locator('.taro__modal .taro-modal__foot').filter({ visible: true });
  await foot.waitFor();
  await foot.locator(':scope > :last-child').click();
}

it('adds the car by a photo of its licence, confirms a record online and pays the capped fine to the receipt', async () => {
  const zhang = residents[0];
  const car = zhang.vehicles[0]!;
  const page = await e2e.open({ openid: zhang.openid, now: NOON });

  // Hub → 违章查询 (live now) → my vehicles: none yet.
  await page.locator('.bm-hub-service-tile[data-service-id="traffic.query"]').click();
  await shown(page, '.bm-traffic-vehicles-empty').waitFor();
  await expect(shown(page, '.bm-traffic-vehicles-empty').textContent()).resolves.toContain('还没有添加车辆');
  await shown(page, '.bm-traffic-vehicles-empty .bm-traffic-add').click();

  // A typed plate with an O is refused on the phone with core's hint, before any call.
  await shown(page, '.bm-traffic-add__plate input').fill('粤B1O345');
  await shown(page, '.bm-traffic-add__submit').click();
  await expect(shown(page, '.bm-traffic-add__plate-error').textContent()).resolves.toBe('号牌不使用字母 O，是否为数字 0？');

  // By photo: first the privacy guide (the resident's first photo: chooseMedia needs "选中的照片或视频信息"),
  // then the browser's file picker → the gateway's upload route → readLicence → the form prefilled.
  await shown(page, '.bm-traffic-add__by-photo').click();
  await armed(page, '.bm-privacy-sheet');
  await expect(shown(page, '.bm-privacy-sheet').getAttribute('data-api')).resolves.toBe('chooseMedia');
  const chooser = page.waitForEvent('filechooser');
  await shown(page, '.bm-privacy-sheet__agree').click();
  await (await chooser).setFiles(LICENCE);
  await shown(page, '.bm-traffic-add__read').waitFor({ timeout: 20_000 });
  await expect(shown(page, '.bm-traffic-add__plate input').inputValue()).resolves.toBe(car.plate);
  await expect(shown(page, '.bm-traffic-add__engine input').inputValue()).resolves.toBe(car.engineNoSuffix);
  await expect(shown(page, '.bm-traffic-add__kinds .bm-choice--on').getAttribute('data-kind')).resolves.toBe('small_car');
  await shot(page, 'traffic-add');
  await shown(page, '.bm-traffic-add__submit').click();

  // Straight to its violations, grouped with counts and totals.
  await shown(page, '.bm-traffic-group--payable').waitFor({ timeout: 20_000 });
  await expect(shown(page, '.bm-traffic-group--todo .bm-traffic-group__summary').textContent()).resolves.toBe('1 条 · 罚款 ¥200.00');
  await expect(shown(page, '.bm-traffic-group--payable .bm-traffic-group__summary').textContent()).resolves.toBe('2 条 · 今日应缴 ¥506.00');
  await expect(shown(page, '.bm-traffic-group--done .bm-traffic-group__summary').textContent()).resolves.toBe('1 条 · 已缴 ¥200.00');
  await shot(page, 'traffic-violations');

  // The electronic record without points: confirmed online, now payable.
  await shown(page, `.bm-traffic-item[data-violation-id="${CONFIRMABLE}"]`).click();
  await shown(page, '.bm-traffic-violation__confirm-button').click();
  await confirmModal(page);
  await shown(page, '.bm-traffic-violation__decision').waitFor();
  await expect(shown(page, '.bm-traffic-violation__pill').textContent()).resolves.toBe('待缴款');
  await expect(shown(page, '.bm-traffic-violation__decision').textContent()).resolves.toMatch(/决定书编号\d+/);
  await expect(shown(page, '.bm-traffic-violation__rule').textContent()).resolves.toContain('请于 2026年3月25日 前缴纳');
  await page.goBack();

  // The fine decided 60 days ago: late fee capped at the fine, so today's amount is twice the fine.
  await shown(page, `.bm-traffic-item[data-violation-id="${CAPPED}"]`).click();
  await shown(page, '.bm-traffic-violation__today').waitFor();
  await expect(shown(page, '.bm-traffic-violation__today .bm-amount__value').textContent()).resolves.toBe('¥400.00');
  await expect(shown(page, '.bm-traffic-violation__rule').textContent()).resolves.toBe('逾期 45 天，加处罚款 ¥200.00，已达上限（不超过罚款本金）');
  await expect(shown(page, '.bm-traffic-violation__tomorrow').textContent()).resolves.toContain('¥400.00');
  await expect(shown(page, '.bm-traffic-violation__place').textContent()).resolves.toContain('深南大道');
  await shot(page, 'traffic-violation');

  // Pay → confirm sheet → sandbox sheet → receipt. A second tap 0.7 s later where 立即缴款 was
  // (past the sheet's 500 ms guard) lands on nothing: 确认支付 is not there, so the step that states
  // the late fee cannot be skipped, and the sheet stays open.
  const pay = (await shown(page, '.bm-traffic-pay').boundingBox())!;
  await page.mouse.click(pay.x + pay.width / 2, pay.y + pay.height / 2);
  await shown(page, '.bm-traffic-confirm-sheet').waitFor();
  await page.waitForTimeout(700);
  await page.mouse.click(pay.x + pay.width / 2, pay.y + pay.height / 2);
  await page.waitForTimeout(300);
  expect(await shown(page, '.bm-pay-sandbox-sheet').count()).toBe(0);
  expect(await shown(page, '.bm-traffic-confirm-sheet').count()).toBe(1);
  await expect(shown(page, '.bm-traffic-confirm-sheet__amount .bm-amount__value').textContent()).resolves.toBe('¥400.00');
  // A sheet takes taps 500 ms after it opens (the kit's double-tap guard), as a resident's next tap would.
  await armed(page, '.bm-traffic-confirm-sheet');
  await shown(page, '.bm-traffic-confirm-sheet__pay').click();
  await shown(page, '.bm-pay-sandbox-sheet').waitFor();
  await expect(shown(page, '.bm-pay-sandbox-sheet__amount').textContent()).resolves.toBe('¥400.00');
  await shot(page, 'traffic-sandbox-pay');
  await armed(page, '.bm-pay-sandbox-sheet');
  await shown(page, '.bm-pay-sandbox-sheet__confirm').click();

  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 20_000 });
  await expect(shown(page, '.bm-receipt__status').textContent()).resolves.toBe('支付成功 · 已销账');
  await expect(shown(page, '.bm-traffic-receipt__decision').textContent()).resolves.toContain('440304100012345678');
  await expect(shown(page, '.bm-traffic-receipt__money-0').textContent()).resolves.toContain('¥200.00');
  await expect(shown(page, '.bm-traffic-receipt__money-1').textContent()).resolves.toContain('¥200.00');
  await expect(shown(page, '.bm-traffic-receipt__money-2').textContent()).resolves.toContain('¥400.00');
  await expect(shown(page, '.bm-receipt__department-ref').textContent()).resolves.toMatch(/交警回执号/);
  await shot(page, 'traffic-receipt');

  // Back to the vehicle's violations: the fine is done.
  await shown(page, '.bm-traffic-receipt__back').click();
  await shown(page, `.bm-traffic-group--done .bm-traffic-item[data-violation-id="${CAPPED}"]`).waitFor({ timeout: 20_000 });

  // 我的订单 is one history for bills and fines: the fine is there, and opens its own receipt.
  await shown(page, '.bm-orders-link').click();
  const fine = shown(page, '.bm-bills-order--fine[data-status="settled"]');
  await fine.waitFor();
  await expect(fine.textContent()).resolves.toContain('¥400.00');
  await expect(fine.getAttribute('aria-label')).resolves.toContain('440304100012345678');
  await fine.click();
  await shown(page, '.bm-receipt__hero[data-status="settled"]').waitFor();
  await page.context().close();
});

it('says at 03:00 that the traffic police are in maintenance until 04:00, before the resident starts', async () => {
  const wang = residents[2];
  const car = wang.vehicles[0]!;
  const { vehicle } = await e2e.api<{ vehicle: { vehicleId: string } }>('traffic', { action: 'addVehicle', plate: car.plate, plateKind: car.plateKind, engineNoSuffix: car.engineNoSuffix }, { openid: wang.openid, now: NOON });

  const page = await e2e.open({ openid: wang.openid, now: NIGHT, path: '/traffic/pages/vehicles/index' });
  const notice = shown(page, '.bm-availability-notice--maintenance');
  await notice.waitFor();
  await expect(notice.textContent()).resolves.toContain('04:00');
  await expect(shown(page, '.bm-traffic-vehicle').textContent()).resolves.toContain('违章查询维护中');
  await shot(page, 'traffic-maintenance');

  // Opening the vehicle anyway: the closed state with the reopen time, not an error.
  await shown(page, `.bm-traffic-vehicle[data-vehicle-id="${vehicle.vehicleId}"] .bm-traffic-vehicle__open`).click();
  const closed = shown(page, '.bm-traffic-violations-closed');
  await closed.waitFor();
  await expect(closed.textContent()).resolves.toContain('维护');
  await expect(closed.textContent()).resolves.toContain('04:00');
  // The header keeps the plate and no longer says it is asking: the traffic police have answered (refused).
  await settled(page);
  const header = shown(page, '.bm-traffic-violations .bm-header');
  await expect(header.locator('.bm-header__title').textContent()).resolves.toMatch(/^粤B.*违法记录$/);
  expect(await shown(page, '.bm-traffic-violations').textContent()).not.toContain('正在向交警查询');
  await page.context().close();
});

it('in 大字模式 keeps each phrase whole ("记 0 分", "今日应缴 ¥400.00") and starts the first group below the header band', async () => {
  const zhang = residents[0];
  const { vehicles } = await e2e.api<{ vehicles: Array<{ vehicleId: string }> }>('traffic', { action: 'vehicles' }, { openid: zhang.openid, now: NOON });
  expect(vehicles.length).toBeGreaterThan(0);
  const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true, path: `/traffic/pages/violations/index?vehicleId=${vehicles[0]!.vehicleId}` });
  await shown(page, '.bm-large-font .bm-traffic-item').first().waitFor();
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('.bm-traffic-item .bm-phrase, .bm-traffic-item__amount, .bm-traffic-item__paid, .bm-status-pill__text')]
      .filter((el) => (el as HTMLElement).offsetParent)
      .map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
        return { text: el.textContent, lines };
      })
      .filter((x) => x.lines > 1),
  );
  expect(broken).toEqual([]);
  const overlap = await page.evaluate(() => {
    const header = document.querySelector('.bm-traffic-violations .bm-header')!.getBoundingClientRect();
    const title = document.querySelector('.bm-traffic-group__title')!.getBoundingClientRect();
    return { headerBottom: Math.round(header.bottom), titleTop: Math.round(title.top) };
  });
  expect(overlap.titleTop).toBeGreaterThanOrEqual(overlap.headerBottom);
  await page.context().close();
});
