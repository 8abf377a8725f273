import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Every page of the mini-program is in the browser accessibility scan (e2e/a11y.e2e.ts, its
 * PAGES), so a new flow's pages cannot ship unscanned. The scan runs against a build in
 * Chromium; this check runs with the unit tests, from the app's own page list.
 */
const root = resolve(__dirname, '..');

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

/** The routes app.config.ts declares, main package and subpackages. */
function appPages(): string[] {
  (globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require(join(root, 'client/src/app.config.ts')) as { default: AppConfig }).default;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** Pages of the app that no scan target opens (a target's path starts with `/<route>`). */
function unscanned(pages: readonly string[], scanSource: string): string[] {
  return pages.filter((route) => !new RegExp(`['\`]/${route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\?|['\`])`).test(scanSource));
}

describe('the accessibility scan', () => {
  const scan = readFileSync(join(root, 'e2e/a11y.e2e.ts'), 'utf8');

  it('opens every page of app.config.ts', () => {
    const pages = appPages();
    expect(pages.length).toBeGreaterThan(10);
    expect(unscanned(pages, scan)).toEqual([]);
  });

  it('names a page no scan target opens', () => {
    expect(unscanned(['pages/hub/index', 'fines/pages/list/index', 'bills/pages/bill/index'], scan)).toEqual(['fines/pages/list/index']);
  });
});
