/**
 * The checks themselves: each breakage the weapp checks exist for is planted into a copy of the
 * build, and the check must fail and say where. (Planted in the output, not the sources, so this
 * runs in seconds; planting the same faults in the sources fails the same way.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { builtPages, DIST, mountPage } from './harness/mini-program';
import { MORNING, RESIDENTS } from './harness/residents';
import { findAll } from './harness/wxml';
import { uncovered } from '../src/flows';
import { PAGES } from './pages';

const SCRIPT = resolve(__dirname, '../../scripts/check-weapp.mjs');
const copies: string[] = [];

function copyOfBuild(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'bianmin-weapp-planted-')), 'weapp');
  cpSync(DIST, dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterAll(() => copies.forEach((d) => rmSync(resolve(d, '..'), { recursive: true, force: true })));

const edit = (dir: string, file: string, change: (s: string) => string) => {
  const before = readFileSync(join(dir, file), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before); // the plant took
  writeFileSync(join(dir, file), after);
};

function check(dir: string, only: string): { ok: boolean; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, dir, '--only', only], { encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stdout + r.stderr };
}

it('passes the build as it is', () => {
  const r = spawnSync(process.execPath, [SCRIPT, DIST], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^weapp checks ok: \d+ pages/);
});

it('names the source module of a localStorage read planted in a hub component', () => {
  const dir = copyOfBuild();
  // Inside the hub page's own webpack module, where a component's code runs.
  edit(dir, 'pages/hub/index.js', (s) => s.replace(/(\{\d+:function\([a-z],[a-z],[a-z]\)\{)/, '$1localStorage.getItem("bianmin.hub");'));
  const r = check(dir, 'browser');
  expect(r.ok).toBe(false);
  // The hub page's module holds its components (webpack concatenates them): one of them is named.
  expect(r.out).toMatch(/pages\/hub\/index\.js:1:\d+: browser-only localStorage from client\/src\/(pages\/hub|components)\/[a-z/-]+\.tsx:\d+/);
});

it('finds fetch, XMLHttpRequest and a real window, but not Taro’s provided window', () => {
  const dir = copyOfBuild();
  edit(dir, 'common.js', (s) => s.replace(/(\{\d+:function\([a-z],[a-z],[a-z]\)\{)/, '$1fetch("/x");new XMLHttpRequest();window.scrollTo(0,0);navigator.userAgent;'));
  const r = check(dir, 'browser');
  for (const api of ['fetch', 'XMLHttpRequest', 'window', 'navigator']) expect(r.out).toContain(`browser-only ${api} from client/src/`);
  expect(check(DIST, 'browser').ok).toBe(true); // the real build reaches Taro's window through a module, never bare
});

it('refuses a broken tag in a page’s template (WeChat’s wcc)', () => {
  const dir = copyOfBuild();
  edit(dir, 'bills/pages/bill/index.wxml', (s) => `${s}\n<view><text>缴费</view>\n`);
  const r = check(dir, 'wcc');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('wcc (WeChat\'s WXML compiler) refused the templates');
  expect(r.out).toContain('bills/pages/bill/index.wxml');
});

it('refuses a broken stylesheet (WeChat’s wcsc)', () => {
  const dir = copyOfBuild();
  edit(dir, 'pages/hub/index.wxss', (s) => `${s}\n.bm-hub-broken { color: red;\n`);
  const r = check(dir, 'wcsc');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('wcsc (WeChat\'s WXSS compiler) refused the styles');
});

it('says which file of a page is missing', () => {
  const dir = copyOfBuild();
  rmSync(join(dir, 'bills/pages/orders/index.wxss'));
  const r = check(dir, 'files');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('page bills/pages/orders/index: bills/pages/orders/index.wxss is missing');
});

it('finds a require() that does not resolve and a chunk no file loads', () => {
  const dir = copyOfBuild();
  rmSync(join(dir, 'bills/sub-vendors.js'));
  edit(dir, 'app.js', (s) => s.replace('require("./common"),', ''));
  const r = check(dir, 'resolve');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('bills/pages/bill/index.js: require("../../sub-vendors.js") does not resolve');
  expect(r.out).toMatch(/page pages\/hub\/index: waits for webpack chunk \d+ \(common\.js\), which neither app\.js nor the page requires/);
});

it('finds a usingComponents target that is not there', () => {
  const dir = copyOfBuild();
  rmSync(join(dir, 'comp.wxml'));
  const r = check(dir, 'resolve');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('pages/hub/index.json: usingComponents "comp" → ../../comp does not resolve (no .wxml)');
});

it('fails when the build-side aria registration is gone (base.wxml without aria-*)', () => {
  const dir = copyOfBuild();
  edit(dir, 'base.wxml', (s) => s.replace(/ aria-[a-z]+="[^"]*"/g, ''));
  const r = check(dir, 'aria');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('base.wxml: <view> has no aria-role');
});

it('fails when base.wxml still carries an attribute the build should have left out', () => {
  const dir = copyOfBuild();
  // As if config/weapp-template-trim.js had not run: a View template with its long-press binding back.
  edit(dir, 'base.wxml', (s) => s.replace(/<view hover-class="([^"]*)"/, '<view hover-class="$1" bindlongpress="eh"'));
  const r = check(dir, 'trim');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('base.wxml: <view> still carries bindlongpress — config/weapp-template-trim.js did not run');
});

it('finds an h5-only module in the package', () => {
  const dir = copyOfBuild();
  edit(dir, 'common.js.map', (s) => s.replace('"sources":[', '"sources":["webpack://@bianmin/client/._src_api_dev-session.ts","webpack://@bianmin/client/._src_api_transport.h5.ts",'));
  const r = check(dir, 'h5');
  expect(r.ok).toBe(false);
  expect(r.out).toContain('common.js: holds h5-only module client/src/api/dev-session.ts (its weapp twin is dev-session.weapp.ts)');
  expect(r.out).toContain('common.js: holds h5-only module client/src/api/transport.h5.ts');
});

it('shows headings without their level on WeChat when the runtime aria registration is gone', async () => {
  const dir = copyOfBuild();
  edit(dir, 'app.js', (s) => s.replace(/JSON\.parse\('\{"View":\[[^']*\]\}'\)/, "JSON.parse('{}')"));
  const page = await mountPage('pages/hub/index', { openid: RESIDENTS[0].openid, now: MORNING, dir });
  try {
    // What hub.test.ts and pages.test.ts assert, now false: no heading reaches WeChat as one.
    expect(findAll(page.wxml(), (n) => n.attr['aria-role'] === 'heading')).toEqual([]);
    expect(page.text()).toContain('便民服务'); // the page itself still renders
  } finally {
    page.close();
  }
});

it('misroutes View attributes on WeChat when the runtime half of the template trim is gone', async () => {
  const dir = copyOfBuild();
  // The runtime keeps View's left-out attributes: its slots no longer match base.wxml's.
  edit(dir, 'app.js', (s) => s.replace(/"View":\["hover-stop-propagation"[^\]]*\]/, '"View":[]'));
  const page = await mountPage('pages/hub/index', { openid: RESIDENTS[0].openid, now: MORNING, dir });
  try {
    // What hub.test.ts and pages.test.ts assert, now false: no heading reaches WeChat as one.
    expect(findAll(page.wxml(), (n) => n.attr['aria-role'] === 'heading')).toEqual([]);
    expect(page.text()).toContain('便民服务');
  } finally {
    page.close();
  }
});

it('lists a page of app.json that has no runtime test', () => {
  const dir = copyOfBuild();
  edit(dir, 'app.json', (s) => s.replace('"root":"bills","pages":[', '"root":"bills","pages":["pages/refund/index",'));
  const tested = PAGES.map((p) => p.route);
  expect(uncovered(tested, builtPages(dir))).toEqual(['bills/pages/refund/index']);
  expect(uncovered(tested, builtPages())).toEqual([]);
});

it('fails to mount a subpackage page whose chunk is not loaded, even after a page that loaded it', async () => {
  const dir = copyOfBuild();
  edit(dir, 'bills/pages/bill/index.js', (s) => s.replace('require("../../sub-vendors.js");', ''));
  const [, LI] = RESIDENTS;
  // households loads bills/sub-vendors.js itself; the bill page, mounted after it, must not borrow it.
  const households = await mountPage('bills/pages/households/index', { openid: LI.openid, now: MORNING, dir });
  households.close();
  await expect(mountPage('bills/pages/bill/index', { openid: LI.openid, now: MORNING, dir, query: { bindingId: 'none' } })).rejects.toThrow(
    'bills/pages/bill/index never called Page()',
  );
  expect(check(dir, 'resolve').out).toMatch(/page bills\/pages\/bill\/index: waits for webpack chunk \d+ \(bills\/sub-vendors\.js\)/);
});

describe('the syntax level (ES5) of every file', () => {
  /** Where zod's own code starts in the tickets subpackage's vendors file, found through its source map. */
  function zodOffset(dir: string): number {
    const map = new TraceMap(JSON.parse(readFileSync(join(dir, 'tickets/sub-vendors.js.map'), 'utf8')) as never);
    let column: number | null = null;
    eachMapping(map, (m) => {
      if (column === null && m.source !== null && /_node_modules_zod_v4_core_util\.js$/.test(m.source)) column = m.generatedColumn;
    });
    expect(column).not.toBeNull();
    return column!;
  }

  it('names the construct, the file and zod as its source when zod ships untranspiled `?.` and `??`', () => {
    const dir = copyOfBuild();
    const at = zodOffset(dir);
    // Where a statement of zod's util module starts: the shape of what zod 4 publishes.
    edit(dir, 'tickets/sub-vendors.js', (s) => {
      const cut = s.indexOf(';', at) + 1;
      return `${s.slice(0, cut)}var zz=(typeof e==="object"&&e!==null?e:void 0)?.shape??{};${s.slice(cut)}`;
    });
    const r = check(dir, 'syntax');
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/tickets\/sub-vendors\.js:1:\d+: optional chaining `\?\.` \(ES2020, iOS 13\.4\) from the npm package file zod_v4_core_util\.js:\d+/);
    expect(r.out).toMatch(/nullish coalescing `\?\?` \(ES2020, iOS 13\.4\)/);
    expect(r.out).toContain('add zod to TRANSPILED_DEPENDENCIES in client/config/transpile.ts');
  });

  it('finds `const`, an arrow and a class in our own code, and asks whether Babel compiled it', () => {
    const dir = copyOfBuild();
    edit(dir, 'pages/hub/index.js', (s) => s.replace(/(\{\d+:function\([a-z],[a-z],[a-z]\)\{)/, '$1const hubX=()=>1;class HubY{}'));
    const r = check(dir, 'syntax');
    expect(r.ok).toBe(false);
    for (const what of ['`const` declaration (ES2015)', 'arrow function (ES2015)', 'class (ES2015)']) expect(r.out).toContain(`: ${what} from client/src/`);
    expect(r.out).toContain('Babel did not compile this file');
  });

  it('refuses regex lookbehind and named groups, in a literal, a RegExp call or a string built into one later', () => {
    const dir = copyOfBuild();
    edit(dir, 'common.js', (s) => s.replace(/(\{\d+:function\([a-z],[a-z],[a-z]\)\{)/, '$1var ra=/(?<=¥)\\d+/;var rb=new RegExp("(?<yuan>\\\\d+)");var rc="^(?<!-)"+"x";'));
    const r = check(dir, 'syntax');
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/common\.js:1:\d+: regex lookbehind `\(\?<=` \/ `\(\?<!` \(ES2018; iOS below 16\.4 throws SyntaxError\) in \/\(\?<=¥\)\\d\+\//);
    expect(r.out).toMatch(/regex named group `\(\?<name>` \(ES2018; iOS 11\.3\) in \/\(\?<yuan>\\d\+\)\/ \(new RegExp\)/);
    expect(r.out).toContain('regex lookbehind `(?<=` / `(?<!` in a string (a RegExp made at run time');
    expect(r.out).toContain('Babel cannot rewrite this');
  });

  it('holds the real build to ES5: the weapp ships nothing newer, zod included', () => {
    expect(check(DIST, 'syntax')).toEqual({ ok: true, out: expect.stringMatching(/^weapp checks ok/) });
    // zod is in the tickets subpackage (compiled: the check above passed it).
    expect(readFileSync(join(DIST, 'tickets/sub-vendors.js'), 'utf8').includes('_zod.def')).toBe(true);
  });

  it('ships no default CloudBase environment: the one npm test builds with, nothing else', () => {
    for (const f of ['app.js', 'common.js', 'taro.js', 'vendors.js']) expect(readFileSync(join(DIST, f), 'utf8')).not.toContain('bianmin-prod');
    expect(readFileSync(join(DIST, 'app.js'), 'utf8')).toContain(`env:"${process.env.CLOUD_ENV ?? 'bianmin-test-env'}"`);
  });
});

describe('the privacy declarations against the package', () => {
  it('names an undeclared privacy API (a library’s too) and a deprecated picker, with the information type WeChat wants', () => {
    const dir = copyOfBuild();
    edit(dir, 'tickets/sub-vendors.js', (s) => s.replace(/(\{\d+:function\([a-z],[a-z],[a-z]\)\{)/, '$1var loc=function(){return wx.getLocation({})};var img=function(){return wx.chooseImage({})};'));
    const r = check(dir, 'privacy');
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/tickets\/sub-vendors\.js:1:\d+: calls getLocation from .*, which needs "位置信息" in the MP console's 用户隐私保护指引 — not declared in client\/src\/privacy\/info-types\.ts PRIVACY_USES/);
    expect(r.out).toMatch(/tickets\/sub-vendors\.js:1:\d+: calls chooseImage from .* — deprecated by WeChat, use chooseMedia/);
    // getLocation is a location API: app.json must list it too.
    expect(r.out).toContain('app.json: requiredPrivateInfos is ["chooseLocation"], the package calls the location APIs ["chooseLocation","getLocation"]');
  });

  it('fails when app.json’s requiredPrivateInfos lost the map pick the tickets page calls', () => {
    const dir = copyOfBuild();
    edit(dir, 'app.json', (s) => s.replace('"requiredPrivateInfos":["chooseLocation"]', '"requiredPrivateInfos":[]'));
    expect(check(dir, 'privacy').out).toContain('app.json: requiredPrivateInfos is [], the package calls the location APIs ["chooseLocation"]');
  });

  it('fails when the consent listener or the agree button is gone from the package', () => {
    const dir = copyOfBuild();
    edit(dir, 'app.js', (s) => s.split('onNeedPrivacyAuthorization').join('onNeedNothing').split('"agreePrivacyAuthorization"').join('"contact"'));
    const r = check(dir, 'privacy');
    expect(r.out).toContain('no wx.onNeedPrivacyAuthorization listener in the package');
    expect(r.out).toContain('no <button open-type="agreePrivacyAuthorization"> in the package');
  });
});
