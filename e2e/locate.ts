/** Finding and waiting on the h5 app's elements: pure playwright, no stack (the scan's page table imports it too). */
import type { Locator, Page } from 'playwright-core';

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
