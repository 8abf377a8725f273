/**
 * WeChat's wcc over the whole built package, once per test process. Running the binary and
 * evaluating its output costs far more than mounting a page, and the templates are the same for
 * every mount: simulated pages get this copy (a jest module mock of miniprogram-compiler) and
 * harness/wxml.ts evaluates the same source.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, o?: object): string; wxssToJs(root: string, o?: object): string };

const cache = new Map<string, string>();

export function wxmlToJs(root: string, options: object = {}): string {
  let js = cache.get(root);
  if (js === undefined) {
    js = compiler.wxmlToJs(root, { ...options, maxBuffer: 64 * 1024 * 1024 });
    cache.set(root, js);
  }
  return js;
}

export const memoizedCompiler = { ...compiler, wxmlToJs };
