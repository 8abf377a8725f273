/**
 * Every page of the built mini-program, each in a fresh simulated WeChat (own module registry,
 * own `wx` and webpack chunk registry), fed by the real functions: it mounts, says what it is
 * for, calls the function actions it needs, and writes no console.error.
 */
import { APP_ROUTES, uncovered } from '../src/flows';
import { builtPages, mountPage } from './harness/mini-program';
import { findAll } from './harness/wxml';
import { PAGES } from './pages';

it('has a runtime test for every page the flows declare, and the build has exactly those pages', () => {
  const untested = uncovered(PAGES.map((p) => p.route), [...new Set([...APP_ROUTES, ...builtPages()])]);
  if (untested.length) {
    throw new Error(`pages with no entry in client/weapp-tests/pages.ts: ${untested.join(', ')} — add one (route, resident, what it shows, what it calls)`);
  }
  expect([...builtPages()].sort()).toEqual([...APP_ROUTES].sort());
});

describe.each(PAGES)('$route', (c) => {
  it('mounts, shows its key text, calls its actions, reaches WeChat with heading levels, logs no error', async () => {
    const query = (await c.setup?.(c.resident, c.now)) ?? {};
    const page = await mountPage(c.route, { openid: c.resident.openid, now: c.now, query });
    try {
      for (const text of c.shows) expect(page.text()).toEqual(typeof text === 'string' ? expect.stringContaining(text) : expect.stringMatching(text));
      const made = page.record.calls.map((call) => `${call.name}.${call.data.action}`);
      expect(made).toEqual(expect.arrayContaining(c.calls));
      // Each answer was the function's real envelope, and none was a refusal of bad input.
      for (const call of page.record.calls) {
        expect(call.result).toBeDefined();
        if (call.result && !call.result.ok) expect(call.result.error.code).not.toBe('INVALID_INPUT');
      }

      // WeChat's own tree (wcc on the page data): every heading has its level…
      const tree = page.wxml();
      const headings = findAll(tree, (n) => n.attr['aria-role'] === 'heading');
      for (const h of headings) expect({ heading: h.attr.class, level: h.attr['aria-level'] }).toEqual({ heading: h.attr.class, level: expect.stringMatching(/^[1-6]$/) });
      // …and `role`, the DOM's (WeChat reads `aria-role`), is not sent as data no template reads.
      expect(JSON.stringify(page.data())).not.toContain('"role":');

      expect(page.errors).toEqual([]);
    } finally {
      page.close();
    }
  });
});
