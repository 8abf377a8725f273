/**
 * The element tree WeChat itself builds from a page's data: wcc's template function
 * (miniprogram-compiler) run on `page.data`, following Taro's `comp` custom component where its
 * templates recurse into one. j-component renders only what it knows and drops built-in
 * components' `aria-*` and `hover-class`; this tree keeps every attribute, as the phone gets it.
 */
import { join } from 'node:path';
import { wxmlToJs } from './compiled';

export interface WxmlNode {
  tag: string;
  attr: Record<string, unknown>;
  children: Array<WxmlNode | string>;
}

type Gwx = (path: string) => ((data: object) => RawNode) | undefined;
interface RawNode {
  tag?: string;
  attr?: Record<string, unknown>;
  children?: Array<RawNode | string | number>;
}

const DIST = join(__dirname, '../../dist/weapp');
// wcc's output keeps registries in globals: templates of two different builds in one process
// overwrite each other. The tests render one build per process (planted copies differ only in JS).

const compiledByDir = new Map<string, Gwx>();

function compiled(dir: string): Gwx {
  let gwx = compiledByDir.get(dir);
  if (!gwx) {
    const w = globalThis as { window?: { __webview_engine_version__?: number } };
    if (w.window) w.window.__webview_engine_version__ = 0.02;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    gwx = new Function(wxmlToJs(dir))() as Gwx;
    compiledByDir.set(dir, gwx);
  }
  return gwx;
}

function render(dir: string, path: string, data: object, depth = 0): WxmlNode {
  const fn = compiled(dir)(path);
  if (!fn) throw new Error(`wcc has no template ${path}`);
  return convert(dir, fn(data), depth);
}

function convert(dir: string, raw: RawNode, depth: number): WxmlNode {
  const tag = (raw.tag ?? '').replace(/^wx-/, '');
  // wcc names attributes in camelCase (ariaLevel); WeChat's documentation and templates use dashes.
  const attr = Object.fromEntries(Object.entries(raw.attr ?? {}).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), v]));
  // Taro's deep levels go through its `comp` component, whose template renders `i`.
  if (tag === 'comp' && depth < 64) {
    const inner = render(dir, 'comp.wxml', { i: attr.i, l: attr.l }, depth + 1);
    return { tag, attr, children: inner.children };
  }
  return {
    tag,
    attr,
    children: (raw.children ?? []).map((c) => (typeof c === 'object' ? convert(dir, c, depth) : String(c))),
  };
}

export function wxmlTree(route: string, data: object, dir = DIST): WxmlNode {
  return render(dir, `${route}.wxml`, data);
}

export function findAll(node: WxmlNode, test: (n: WxmlNode) => boolean, out: WxmlNode[] = []): WxmlNode[] {
  if (test(node)) out.push(node);
  for (const c of node.children) if (typeof c === 'object') findAll(c, test, out);
  return out;
}

export function textOf(node: WxmlNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('').replace(/\s+/g, ' ').trim();
}
