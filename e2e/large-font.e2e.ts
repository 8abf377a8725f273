import type { Page } from 'playwright-core';
import { armed, type E2E, residents, settled, shown, startE2E } from './support';

/**
 * 大字模式 as a resident with large type reads it, at 390 px: a word, a number with its unit or
 * a label with its figure never split over two lines (the receipt's "回执号" and receipt number,
 * 查询记录, "单位 ¥21,610.56", a date with its time), and the 12345 description box as roomy
 * as its type. Prose may wrap anywhere a Chinese line does; these are the tokens that must not.
 */
const NOON = '2026-03-10T12:00:00+08:00';
const zhang = residents[0];
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);

afterAll(async () => {
  await e2e?.close();
});

/** The lines each shown element's text takes, by the tops of its glyph boxes. */
function lineCounts(page: Page, selector: string): Promise<Array<{ text: string; lines: number }>> {
  return page.evaluate((sel) => {
    const visible = [...document.querySelectorAll(sel)].filter((el) => (el as HTMLElement).offsetParent);
    return visible.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { text: el.textContent ?? '', lines: tops.size };
    });
  }, selector);
}

/**
 * Which of `tokens` a shown element's text splits over two lines (a token's first and last glyphs
 * on different lines); without `tokens`, its phrases between " · ". Every matching element is read.
 */
function splitTokens(page: Page, selector: string, tokens?: string[]): Promise<string[]> {
  return page.evaluate(
    ({ sel, words }) => {
      const els = [...document.querySelectorAll(sel)].filter((e) => (e as HTMLElement).offsetParent);
      if (!els.length) throw new Error(`${sel} is not shown`);
      return els.flatMap((el) => {
        const text = el.textContent ?? '';
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes: Array<{ node: Text; start: number }> = [];
        let at = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n as Text, start: at });
          at += n.textContent!.length;
        }
        const topOf = (i: number) => {
          const hit = nodes.filter((x) => x.start <= i).pop()!;
          const range = document.createRange();
          range.setStart(hit.node, i - hit.start);
          range.setEnd(hit.node, i - hit.start + 1);
          return Math.round(range.getBoundingClientRect().top);
        };
        return (words ?? text.split(' · ')).filter((w) => {
          const i = text.indexOf(w);
          if (i < 0) throw new Error(`"${w}" is not in "${text}"`);
          return Math.abs(topOf(i) - topOf(i + w.length - 1)) > 4;
        });
      });
    },
    { sel: selector, words: tokens },
  );
}

it('keeps "回执号" and the receipt number whole on a paid bill\'s month line (the check itself catches "回 / 执")', async () => {
  const as = { openid: zhang.openid, now: NOON };
  const account = zhang.utilityAccounts.find((a) => a.kind === 'electricity')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);
  const bill = await e2e.api<{ arrears: { bills: Array<{ billId: string }> } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  const { order, payment } = await e2e.api<{ order: { orderId: string }; payment: { confirmPath: string } }>(
    'bills',
    { action: 'pay', bindingId: binding.bindingId, billId: bill.arrears.bills[0]!.billId, idempotencyKey: 'large_font_0001' },
    as,
  );
  expect((await fetch(`${e2e.stack.url}${payment.confirmPath}`, { method: 'POST', headers: { 'X-Dev-OpenId': zhang.openid, 'X-Dev-Now': NOON } })).status).toBe(200);

  const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true, path: `/bills/pages/result/index?orderId=${order.orderId}` });
  await shown(page, '.bm-large-font .bm-receipt__hero[data-status="settled"]').waitFor({ timeout: 20_000 });
  await settled(page);
  const line = '.bm-bills-result__line .bm-row__value';
  const value = (await shown(page, line).textContent())!;
  const ref = /回执号 (\S+)/.exec(value)?.[1];
  expect(ref).toMatch(/^[A-Z0-9]{8,}$/);
  expect(await splitTokens(page, line, ['回执号', ref!])).toEqual([]);
  expect(await splitTokens(page, '.bm-receipt__department-ref', ['缴费单位回执号'])).toEqual([]);

  // As the line was drawn before (an ordinary row, breaking anywhere): the same check finds the split.
  await page.evaluate(() => {
    for (const row of document.querySelectorAll('.bm-bills-result__line')) row.classList.remove('bm-row--token');
    for (const v of document.querySelectorAll('.bm-bills-result__line .bm-row__value')) (v as HTMLElement).style.maxWidth = '9em';
  });
  expect((await splitTokens(page, line, ['回执号', ref!])).length).toBeGreaterThan(0);
  await page.context().close();
});

it('in 大字模式 shows 查询记录 on one line beside its detail, and each insurance record phrase ("单位 ¥21,610.56", "2024年1月至2026年1月") whole', async () => {
  const as = { openid: zhang.openid, now: NOON };
  const started = await e2e.api<{ bizToken: string }>('insurance', { action: 'verify', name: zhang.name, idNumber: zhang.idNumber }, as);
  expect((await fetch(`${e2e.stack.url}/api/__dev/faceid/${started.bizToken}/result`, { method: 'POST', body: JSON.stringify({ result: 'pass' }) })).status).toBe(200);

  const summary = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true, path: '/insurance/pages/summary/index' });
  await shown(summary, '.bm-large-font .bm-ins-summary__accounts').waitFor({ timeout: 20_000 });
  await settled(summary);
  expect(await lineCounts(summary, '.bm-ins-summary__access .bm-link-row__label')).toEqual([{ text: '查询记录', lines: 1 }]);
  await summary.context().close();

  const records = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true, path: '/insurance/pages/records/index?insurance=pension' });
  await shown(records, '.bm-large-font .bm-ins-records__totals').waitFor({ timeout: 20_000 });
  await shown(records, '.bm-ins-year__summary').first().waitFor();
  await settled(records);
  const title = (await shown(records, '.bm-ins-records__totals .bm-card__title').textContent())!;
  const range = /\d{4}年\d{1,2}月至\d{4}年\d{1,2}月/.exec(title)?.[0];
  expect(range).toBeDefined();
  expect(await splitTokens(records, '.bm-ins-records__totals .bm-card__title', [range!])).toEqual([]);
  const summaries = await shown(records, '.bm-ins-year__summary').allTextContents();
  expect(summaries.join('\n')).toMatch(/单位 ¥[\d,]+\.\d\d/);
  expect(await splitTokens(records, '.bm-ins-year__summary')).toEqual([]);
  await records.context().close();
});

it('in 大字模式 keeps each of my tickets\' filing time ("2026年3月10日 12:00 提交") on one line', async () => {
  await e2e.api(
    'tickets',
    { action: 'submit', kind: '投诉', category: '城市管理', description: '小区门口的井盖缺失已经三天了，晚上很危险。', public: false, requestId: 'large_font_ticket_0001' },
    { openid: zhang.openid, now: NOON },
  );
  const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true, path: '/tickets/pages/mine/index' });
  await shown(page, '.bm-large-font .bm-tk-mine-ticket').first().waitFor({ timeout: 20_000 });
  await settled(page);
  await expect(shown(page, '.bm-tk-ticket__meta').first().textContent()).resolves.toContain('2026年3月10日 12:00 提交');
  expect(await splitTokens(page, '.bm-tk-ticket__meta', ['2026年3月10日 12:00 提交'])).toEqual([]);
  await page.context().close();
});

it('gives the 12345 description box room for five lines of its own type, in normal and 大字模式', async () => {
  for (const largeFont of [false, true]) {
    const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont, path: '/tickets/pages/new/index' });
    await shown(page, '.bm-tk-new-category .bm-choice').first().waitFor({ timeout: 20_000 });
    await settled(page);
    const box = await page.evaluate(() => {
      const shownOnly = (sel: string) => [...document.querySelectorAll(sel)].filter((e) => (e as HTMLElement).offsetParent) as HTMLElement[];
      const area = shownOnly('.bm-tk-new-text textarea')[0]!;
      const place = shownOnly('.bm-tk-new-place-text input')[0]!;
      const style = getComputedStyle(area);
      return { height: area.clientHeight, lineHeight: parseFloat(style.lineHeight), fontSize: parseFloat(style.fontSize), inputFontSize: parseFloat(getComputedStyle(place).fontSize) };
    });
    // The same type as the one-line inputs, and five lines of it.
    expect({ largeFont, fontSize: box.fontSize }).toEqual({ largeFont, fontSize: box.inputFontSize });
    expect(box.height).toBeGreaterThanOrEqual(Math.floor(5 * box.lineHeight));
    await page.context().close();
  }
});

it('shows the bills confirm sheet\'s fine print whole above its buttons, two months owed, in normal and 大字模式', async () => {
  const as = { openid: zhang.openid, now: NOON };
  const account = zhang.utilityAccounts.find((a) => a.kind === 'water')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);
  const bill = await e2e.api<{ arrears: { bills: unknown[] } }>('bills', { action: 'bill', bindingId: binding.bindingId }, as);
  expect(bill.arrears.bills.length).toBeGreaterThanOrEqual(2);
  for (const largeFont of [false, true]) {
    const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=water` });
    await shown(page, '.bm-bills-bill__summary').waitFor({ timeout: 20_000 });
    await settled(page);
    await shown(page, '.bm-bills-pay').first().click();
    await armed(page, '.bm-bills-confirm-sheet');
    await settled(page);
    const box = await page.evaluate(() => {
      const rect = (sel: string) => [...document.querySelectorAll(sel)].filter((e) => (e as HTMLElement).offsetParent || getComputedStyle(e).position === 'fixed').pop()!.getBoundingClientRect();
      const note = rect('.bm-bills-confirm-sheet__note');
      const body = rect('.bm-bills-confirm-sheet .bm-sheet__body');
      const pay = rect('.bm-bills-confirm-sheet__pay');
      return { noteTop: Math.round(note.top), noteBottom: Math.round(note.bottom), bodyTop: Math.round(body.top), payTop: Math.round(pay.top), height: innerHeight };
    });
    // In view as the sheet opens, not under the buttons and not cut at (or scrolled past) the body's edge.
    expect({ largeFont, fits: box.noteBottom <= box.payTop && box.noteTop >= box.bodyTop && box.noteBottom <= box.height }).toEqual({ largeFont, fits: true });
    await expect(shown(page, '.bm-bills-confirm-sheet .bm-sheet__body .bm-bills-confirm-sheet__note').count()).resolves.toBe(0);
    await page.context().close();
  }
});

/** Every shown "逾期 N 天" (and "已逾期 N 天") that the line breaks inside, across the whole page and its open sheet. */
function splitOverdue(page: Page): Promise<{ found: number; split: string[] }> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let found = 0;
    const split: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
      const text = n.textContent ?? '';
      for (const m of text.matchAll(/逾期 \d+ 天/g)) {
        found++;
        const top = (i: number) => {
          const range = document.createRange();
          range.setStart(n!, i);
          range.setEnd(n!, i + 1);
          return range.getBoundingClientRect().top;
        };
        if (Math.abs(top(m.index) - top(m.index + m[0].length - 1)) > 4) split.push(m[0]);
      }
    }
    return { found, split };
  });
}

it('in 大字模式 never splits "逾期 23 天" between the number and its unit: households, the bill and its confirm sheet', async () => {
  const li = residents[1];
  const as = { openid: li.openid, now: NOON };
  const account = li.utilityAccounts.find((a) => a.kind === 'water')!;
  const { binding } = await e2e.api<{ binding: { bindingId: string } }>('bills', { action: 'bind', providerId: account.providerId, accountNo: account.accountNo, holderName: account.holderName, label: account.label }, as);

  const households = await e2e.open({ openid: li.openid, now: NOON, largeFont: true, path: '/bills/pages/households/index?kind=water' });
  await shown(households, '.bm-large-font .bm-bills-household .bm-bills-household__amount-row').first().waitFor({ timeout: 20_000 });
  await settled(households);
  const listed = await splitOverdue(households);
  expect(listed.found).toBeGreaterThan(0);
  expect(listed.split).toEqual([]);
  await households.context().close();

  const page = await e2e.open({ openid: li.openid, now: NOON, largeFont: true, path: `/bills/pages/bill/index?bindingId=${binding.bindingId}&kind=water` });
  await shown(page, '.bm-large-font .bm-bills-bill__summary').waitFor({ timeout: 20_000 });
  await settled(page);
  const bill = await splitOverdue(page);
  expect(bill.found).toBeGreaterThan(0);
  expect(bill.split).toEqual([]);
  await shown(page, '.bm-bills-pay').first().click();
  await armed(page, '.bm-bills-confirm-sheet');
  await settled(page);
  const sheet = await splitOverdue(page);
  expect(sheet.found).toBeGreaterThan(bill.found);
  expect(sheet.split).toEqual([]);
  await page.context().close();
});

it('shows the hub in 大字模式 (what WeChat’s largest font setting turns on) with every tile’s name and department on one line', async () => {
  const page = await e2e.open({ openid: zhang.openid, now: NOON, largeFont: true });
  await shown(page, '.bm-large-font .bm-hub-service-tile').first().waitFor({ timeout: 20_000 });
  await settled(page);
  const titles = await lineCounts(page, '.bm-hub-service-tile .bm-tile__title');
  expect(titles.length).toBeGreaterThan(5);
  expect(titles.filter((t) => t.lines > 1)).toEqual([]);
  expect((await lineCounts(page, '.bm-hub-service-tile .bm-tile__subtitle')).filter((t) => t.lines > 1)).toEqual([]);
  await e2e.screenshot(page, 'hub-large-font');
  await page.context().close();
});
