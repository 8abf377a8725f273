/**
 * The app follows the resident's WeChat font size (wx.getAppBaseInfo().fontSizeSetting): at a
 * large WeChat font every page takes the large type scale by itself, and the 大字模式 switch
 * stays as the resident's own override.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, mountPage, type MountedPage } from './harness/mini-program';
import { MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';

const [ZHANG] = RESIDENTS;
const KEY = 'bianmin.a11y.largeFont';
let page: MountedPage | null = null;
afterEach(() => {
  page?.close();
  page = null;
});

const root = (p: MountedPage) => findAll(p.wxml(), (n) => n.tag === 'view' && String(n.attr.class ?? '').includes('bm-page'))[0];
const toggle = (p: MountedPage) => findAll(p.wxml(), (n) => n.attr['aria-role'] === 'switch')[0];
const large = (p: MountedPage) => String(root(p).attr.class).includes('bm-large-font');

it.each([
  [17, false],
  [18, false],
  [21, true],
  [23.8, true],
])('at WeChat font size %p px the hub uses the large type scale: %p, with nothing stored', async (px, expected) => {
  const p = (page = await mountPage('pages/hub/index', { openid: ZHANG.openid, now: MORNING, fontSizeSetting: px }));
  expect(large(p)).toBe(expected);
  expect(toggle(p).attr['aria-checked']).toBe(expected);
  expect(p.storage.has(KEY)).toBe(false);
  expect(p.errors).toEqual([]);
});

it('keeps the 大字模式 switch as an override of WeChat’s size, on this page and the next', async () => {
  const p = (page = await mountPage('pages/hub/index', { openid: ZHANG.openid, now: MORNING, fontSizeSetting: 23.8 }));
  await p.tap('大字模式');
  expect(large(p)).toBe(false);
  expect(p.storage.get(KEY)).toBe(false);
  p.close();
  const next = (page = await mountPage('insurance/pages/verify/index', { openid: ZHANG.openid, now: MORNING, fontSizeSetting: 23.8, storage: { [KEY]: false } }));
  expect(large(next)).toBe(false);
  next.close();
  const chosen = (page = await mountPage('pages/hub/index', { openid: ZHANG.openid, now: MORNING, fontSizeSetting: 17, storage: { [KEY]: true } }));
  expect(large(chosen)).toBe(true);
});

it('the weapp output reads WeChat’s font size setting', () => {
  const js: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const at = join(dir, f);
      if (statSync(at).isDirectory()) walk(at);
      else if (f.endsWith('.js')) js.push(readFileSync(at, 'utf8'));
    }
  };
  walk(DIST);
  const all = js.join('\n');
  expect(all).toContain('getAppBaseInfo');
  expect(all).toContain('fontSizeSetting');
});
