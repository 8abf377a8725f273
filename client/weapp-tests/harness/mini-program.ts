/**
 * Runs one page of the built mini-program (client/dist/weapp) the way WeChat would: app.js
 * first, then the page's own file, its WXML compiled by WeChat's wcc (miniprogram-simulate's
 * `compiler: 'official'`; the pure-JS compiler renders Taro pages empty without a word) and
 * rendered by j-component. Every mount gets a fresh module registry, a fresh `wx` (so its own
 * webpack chunk registry) and fresh globals: a page cannot borrow a module another page loaded.
 *
 * What the simulator needs, measured (TOOLCHAIN.md): `Page()` becomes a `Component()` whose
 * page lifecycles are called by hand (miniprogram-simulate's maintainers' advice); `App`,
 * `getApp`, `getCurrentPages` stubs; jsdom's `Event`/`CustomEvent`/`EventTarget` instead of
 * Node's, or every tap throws "parameter 1 is not of type 'Event'".
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { memoizedCompiler } from './compiled';
import { createWx, wxCallsInFlight, type WxOptions, type WxRecord } from './wx';
import { findAll, wxmlTree, type WxmlNode } from './wxml';

export const DIST = resolve(__dirname, '../../dist/weapp');

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

/** Every page of the built app.json, subpackages' with their root: `bills/pages/bill/index`. */
export function builtPages(dir = DIST): string[] {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
  return [...app.pages, ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

export interface MountOptions {
  openid: string | null;
  now: string;
  query?: Record<string, string>;
  storage?: Record<string, unknown>;
  /** Another built package (the checks' own tests plant breakages into a copy). */
  dir?: string;
  /** The resident agreed to the privacy guide on an earlier visit: WeChat asks nothing. */
  privacyAgreed?: boolean;
  /** WeChat's font size setting (px) that wx.getAppBaseInfo reports; WeChat's iOS standard, 17, when omitted. */
  fontSizeSetting?: number;
}

type PageInstance = {
  data: Record<string, unknown>;
  route?: string;
  options?: Record<string, string>;
  onLoad(q: Record<string, string>): void;
  onShow(): void;
  onReady(): void;
  onHide(): void;
  onUnload(): void;
  onPullDownRefresh?(): void;
};

interface SimComponent {
  dom: HTMLElement;
  instance: PageInstance;
  attach(parent: Element): void;
  detach(): void;
}

export interface MountedPage {
  route: string;
  record: WxRecord;
  storage: Map<string, unknown>;
  /** console.error lines written while the page was mounted. */
  errors: string[];
  /** The rendered text, whitespace collapsed. */
  text(): string;
  /** Waits until every cloud call made so far has been answered and the page has re-rendered. */
  settle(): Promise<void>;
  /**
   * A tap on the innermost element whose text is `text` (else that contains it), as WeChat
   * delivers it; `nth` picks among several such elements in page order (the third tile's ⓘ).
   * A button in a sheet is tapped as a resident taps it: once the sheet has armed its buttons
   * (the kit's Sheet ignores taps for SHEET_TAP_GUARD_MS after it opens), unless `early`.
   */
  tap(text: string | RegExp, nth?: number, opts?: TapOptions): Promise<void>;
  /** True once the open sheet's buttons take taps (its actions carry `bm-sheet__actions--armed`). */
  sheetArmed(): boolean;
  /**
   * A tap on the page's `<button open-type="agreePrivacyAuthorization">`, as WeChat delivers it:
   * the tap is noted by the button's id (WeChat takes "agree" only for a tapped button), then the
   * button's `agreeprivacyauthorization` event.
   */
  agreePrivacy(): Promise<void>;
  /** Texts of the elements with this class (j-component prefixes classes; matched by suffix). */
  texts(className: string): string[];
  /** Typing into the `<input>` with this class, as WeChat delivers it: an `input` event with the value. */
  type(className: string, value: string): Promise<void>;
  pullDownRefresh(): Promise<void>;
  /** The page's element tree as WeChat builds it (wcc's own template function on the page data). */
  wxml(): WxmlNode;
  /** The page data WeChat holds (what setData sent over the bridge). */
  data(): Record<string, unknown>;
  /** Its byte length as JSON. */
  dataSize(): number;
  close(): void;
}

export interface TapOptions {
  /**
   * Tap at once, even a sheet's button before the sheet has armed it: the second tap of a
   * double tap. The sheet's guard is meant to ignore it.
   */
  early?: boolean;
}

/** How long a sheet may take to arm its buttons (500 ms, on a loaded machine) before a tap gives up waiting. */
const SHEET_ARM_TIMEOUT_MS = 5000;

interface Exparser {
  Event: { create(name: string, detail: object, o: object): unknown; dispatchEvent(target: unknown, e: unknown): void };
}

export async function mountPage(route: string, opts: MountOptions): Promise<MountedPage> {
  const dir = opts.dir ?? DIST;
  const g = globalThis as Record<string, unknown>;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const win = dom.window as unknown as Record<string, unknown>;
  // Only what the simulator itself needs; `localStorage`, `fetch`, `navigator` stay undefined,
  // so app code reaching for them throws as it would in WeChat.
  for (const k of ['window', 'document', 'Event', 'CustomEvent', 'EventTarget', 'TouchEvent', 'Node', 'Element', 'HTMLElement'] as const) {
    g[k] = k === 'window' ? dom.window : win[k];
  }
  const wxOptions: WxOptions = { openid: opts.openid, now: opts.now, pages: builtPages(dir), storage: opts.storage, privacyAgreed: opts.privacyAgreed };
  const { wx, record, storage } = createWx(wxOptions);
  record.fontSizeSetting = opts.fontSizeSetting ?? 17;
  g.wx = wx;

  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };

  let app: Record<string, (...a: unknown[]) => void> = {};
  let current: PageInstance | null = null;
  g.App = (o: typeof app) => {
    app = o;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => (current ? [current] : []);

  let comp!: SimComponent;
  let exparser!: Exparser;
  let registered = false;
  try {
    jest.isolateModules(() => {
      // Page() → Component(): page lifecycles become methods the test calls in WeChat's order.
      g.Page = (options: Record<string, unknown>) => {
        registered = true;
        const methods: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
        (g.Component as (d: object) => void)({ data: options.data ?? {}, methods, options: { addGlobalClass: true } });
      };
      jest.doMock('miniprogram-compiler', () => memoizedCompiler);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const simulate = require('miniprogram-simulate') as { load(p: string, o: object): string; render(id: string): SimComponent };
      // The copy j-component renders with (this registry's), to deliver taps through.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exparser = require('miniprogram-exparser') as Exparser;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(join(dir, 'app.js'));
      app.onLaunch?.call(app, { path: route, query: opts.query ?? {}, scene: 1001 });
      app.onShow?.call(app, { path: route, query: opts.query ?? {}, scene: 1001 });
      const id = simulate.load(join(dir, route), { compiler: 'official', rootPath: dir });
      // WeChat would show a blank page: the page file ran but waited for a chunk nobody loaded.
      if (!registered) throw new Error(`${route} never called Page(): a webpack chunk it waits for was not loaded`);
      comp = simulate.render(id);
    });
  } catch (e) {
    console.error = consoleError;
    throw e;
  }

  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  const page = comp.instance;
  page.route = route;
  page.options = opts.query ?? {};
  current = page;
  page.onLoad(opts.query ?? {});
  page.onShow();
  page.onReady();

  const settle = async () => {
    let quiet = 0;
    // Macrotask turns, not time: React's scheduler and Taro's setData batching run on timers.
    for (let i = 0; i < 5000 && quiet < 5; i++) {
      await new Promise((r) => setTimeout(r, 0));
      quiet = wxCallsInFlight() === 0 ? quiet + 1 : 0;
    }
    if (wxCallsInFlight()) throw new Error(`${route}: ${wxCallsInFlight()} wx call(s) still unanswered`);
  };

  const elements = () => Array.from(comp.dom.querySelectorAll('*')) as HTMLElement[];
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (el: HTMLElement, text: string | RegExp) => (typeof text === 'string' ? norm(el.textContent).includes(text) : text.test(norm(el.textContent)));

  const mounted: MountedPage = {
    route,
    record,
    storage,
    errors,
    text: () => norm(comp.dom.textContent),
    settle,
    async tap(text, nth = 0, { early = false }: TapOptions = {}) {
      const find = () => {
        // An element showing exactly this text first (a button "重试", not a message ending in 重试).
        const exact = typeof text === 'string' ? elements().filter((el) => norm(el.textContent) === text) : [];
        const hits = exact.length ? exact : elements().filter((el) => matches(el, text));
        // The innermost matches: their ancestors all contain the text too.
        return hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)))[nth];
      };
      let target = find();
      if (!target) throw new Error(`${route}: nothing to tap shows ${String(text)} (match ${nth}); the page shows: ${mounted.text().slice(0, 400)}`);
      const actions = closestWithClass(target, 'bm-sheet__actions');
      if (actions && !early && !hasClass(actions, 'bm-sheet__actions--armed')) {
        // A resident reads the sheet before tapping its buttons: wait (real time) until it arms them.
        // performance.now, not Date.now: a test may hold the page's Date still (jest's fake Date).
        const since = performance.now();
        for (;;) {
          await new Promise((r) => setTimeout(r, 20));
          const again = find();
          const around = again && closestWithClass(again, 'bm-sheet__actions');
          if (again && (!around || hasClass(around, 'bm-sheet__actions--armed'))) {
            target = again;
            break;
          }
          if (performance.now() - since > SHEET_ARM_TIMEOUT_MS) {
            throw new Error(`${route}: the sheet around ${String(text)} did not arm its buttons within ${SHEET_ARM_TIMEOUT_MS} ms`);
          }
        }
      }
      tapElement(exparser, target);
      await settle();
    },
    sheetArmed: () => elements().some((el) => hasClass(el, 'bm-sheet__actions--armed')),
    async agreePrivacy() {
      const node = findAll(wxmlTree(route, page.data, dir), (n) => n.attr['open-type'] === 'agreePrivacyAuthorization')[0];
      if (!node) throw new Error(`${route}: no <button open-type="agreePrivacyAuthorization"> on the page; it shows: ${mounted.text().slice(0, 300)}`);
      const id = String(node.attr.id ?? '');
      // j-component keeps no id on the element: the innermost one showing the button's text, in the sheet.
      const label = norm(node.children.map((c) => (typeof c === 'string' ? c : '')).join('')) || '同意';
      const el = elements().filter((e) => norm(e.textContent) === label && closestWithClass(e, 'bm-sheet__actions')).find((e) => !Array.from(e.children).some((c) => norm(c.textContent) === label));
      if (!el) throw new Error(`${route}: the agree button #${id} is in the template but not rendered`);
      record.privacy.tappedAgree.add(id);
      tapElement(exparser, el);
      const wxElement = (el as unknown as { __wxElement?: unknown }).__wxElement;
      exparser.Event.dispatchEvent(wxElement, exparser.Event.create('agreeprivacyauthorization', {}, { bubbles: false, composed: true, capturePhase: true }));
      await settle();
    },
    texts(className) {
      return elements()
        .filter((el) => Array.from(el.classList).some((c) => c === className || c.endsWith(`--${className}`)))
        .map((el) => norm(el.textContent));
    },
    async type(className, value) {
      const el = elements().find((e) => hasClass(e, className));
      const wxElement = el && (el as unknown as { __wxElement?: unknown }).__wxElement;
      if (!wxElement) throw new Error(`${route}: no input with class ${className}; the page shows: ${mounted.text().slice(0, 300)}`);
      exparser.Event.dispatchEvent(wxElement, exparser.Event.create('input', { value, cursor: value.length, keyCode: 0 }, { bubbles: false, composed: true, capturePhase: true }));
      await settle();
    },
    async pullDownRefresh() {
      page.onPullDownRefresh?.();
      await settle();
    },
    wxml: () => wxmlTree(route, page.data, dir),
    data: () => page.data,
    dataSize: () => Buffer.byteLength(JSON.stringify(page.data)),
    close() {
      page.onHide();
      page.onUnload();
      comp.detach();
      console.error = consoleError;
      // The globals stay until the next mount replaces them: a late render of this page (a
      // React effect, an answer arriving) still runs WeChat's template code, which reads them.
    },
  };
  await settle();
  return mounted;
}

/** j-component prefixes classes (`main--bm-sheet__actions`): matched exactly or by that suffix. */
function hasClass(el: Element, className: string): boolean {
  return Array.from(el.classList).some((c) => c === className || c.endsWith(`--${className}`));
}

function closestWithClass(el: Element, className: string): Element | null {
  for (let at: Element | null = el; at; at = at.parentElement) if (hasClass(at, className)) return at;
  return null;
}

/**
 * WeChat's tap: exparser (the component framework j-component runs on) turns a touch into a
 * `tap` that bubbles from the touched element to the nearest `bindtap`, which for Taro is its
 * one event handler `eh`, reading the node from `currentTarget`.
 */
function tapElement(exparser: Exparser, target: HTMLElement): void {
  const wxElement = (target as unknown as { __wxElement?: unknown }).__wxElement;
  if (!wxElement) throw new Error('tap: the element has no exparser node');
  exparser.Event.dispatchEvent(wxElement, exparser.Event.create('tap', { x: 0, y: 0 }, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [{ x: 0, y: 0 }] } }));
}
