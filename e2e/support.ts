import { openTestDatabase } from '@bianmin/server/db/testing/index';
import { startStack, type Stack, type StackOptions } from '@bianmin/dev/stack';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { RESIDENTS } from '@bianmin/dev/fixtures';
import { declaredInfoTypes } from '../client/src/privacy/info-types';

/** The demo residents (what GET /api/__dev/fixtures answers). */
export const residents = RESIDENTS;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../docs/screenshots');

export interface E2E {
  stack: Stack;
  browser: Browser;
  /**
   * A fresh phone-sized page as `openid`, optionally with the dev clock set, 大字模式 on, and the
   * privacy guide already agreed to (as on a phone that agreed on an earlier visit).
   */
  open(opts?: { openid?: string; now?: string; path?: string; largeFont?: boolean; privacyAgreed?: boolean }): Promise<Page>;
  /** Saves docs/screenshots/<name>.png (README images) when UPDATE_SCREENSHOTS=1, else under tmp. */
  screenshot(page: Page, name: string): Promise<string>;
  /** POST /api/<fn> as a demo resident at `now`; the data, or a thrown error naming the envelope's error. */
  api<T>(fn: string, body: object, as: { openid?: string; now: string }): Promise<T>;
  close(): Promise<void>;
}

/**
 * The local stack (on a private copy of the test database) plus Debian's Chromium, driven by
 * playwright-core. Flags as measured on this machine: without the networking ones Chromium
 * keeps trying to reach Google's hosts through a closed network.
 */
export async function startE2E(stackOptions: Partial<StackOptions> = {}): Promise<E2E> {
  const database = await openTestDatabase();
  // Departments get 4 s, not the deployed 1 s: on a loaded 2-core CI machine an in-process sandbox
  // can take over a second to answer, and a health probe that times out paints the hub "down".
  // The browser tests set faults with 'down' (refused at once), never with a slow department.
  const stack = await startStack({ port: 0, database, log: 'silent', loops: false, probeIntervalMs: 0, departmentTimeoutMs: 4000, ...stackOptions });
  // playwright-core refuses `--user-data-dir` in `args` and already gives every launch a fresh
  // temporary profile of its own. If the browser does not start, stop the stack here: the test
  // file never gets an E2E to close, and jest would otherwise hang on the open server.
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (e) {
    await stack.stop();
    await database.close();
    throw e;
  }
  const shots = process.env.UPDATE_SCREENSHOTS ? SCREENSHOTS : mkdtempSync(join(tmpdir(), 'bianmin-shots-'));
  mkdirSync(shots, { recursive: true });
  return {
    stack,
    browser,
    async open(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const q = new URLSearchParams();
      if (opts.openid) q.set('dev_openid', opts.openid);
      q.set('dev_now', opts.now ?? '');
      // 大字模式 as the app stores it (Taro's storage format), before the first page renders.
      if (opts.largeFont) await context.addInitScript(() => localStorage.setItem('bianmin.a11y.largeFont', JSON.stringify({ data: true })));
      // The h5 stand-in keeps the agreement as client/src/privacy/gate.h5.ts does.
      if (opts.privacyAgreed) {
        const agreed = { data: { agreedAt: '2026-03-01T09:00:00+08:00', infoTypes: declaredInfoTypes() } };
        await context.addInitScript((value) => localStorage.setItem('bianmin.privacy.consent', value), JSON.stringify(agreed));
      }
      const page = await context.newPage();
      await page.goto(`${stack.url}/?${q.toString()}#${opts.path ?? '/pages/hub/index'}`);
      return page;
    },
    async api<T>(fn: string, body: object, as: { openid?: string; now: string }): Promise<T> {
      const res = await fetch(`${stack.url}/api/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-Now': as.now, ...(as.openid ? { 'X-Dev-OpenId': as.openid } : {}) },
        body: JSON.stringify(body),
      });
      const envelope = (await res.json()) as { ok: boolean; data: T; error?: unknown };
      if (!envelope.ok) throw new Error(`${fn} ${JSON.stringify(body)} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.data;
    },
    async screenshot(page, name) {
      const file = join(shots, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await stack.stop();
      await database.close();
    },
  };
}

/** Taro's h5 router keeps earlier pages of the stack in the DOM, hidden: look at the shown one only. */
export function shown(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true });
}

/**
 * Waits until a sheet's buttons take taps: the kit's Sheet ignores them for 500 ms after it
 * opens (a double tap must not confirm a payment), and marks its actions armed after.
 */
export async function armed(page: Page, sheet: string): Promise<void> {
  await shown(page, `${sheet} .bm-sheet__actions--armed`).waitFor();
}

/**
 * Waits out Taro's page slide: the newest page carries `taro_page_stationed` once it has slid
 * in; then any finite animation still running (loading shimmers repeat forever: skipped).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page');
    return pages.length > 0 && pages[pages.length - 1].classList.contains('taro_page_stationed');
  });
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}
