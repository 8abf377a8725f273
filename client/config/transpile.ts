import path from 'node:path';

/**
 * npm packages whose published code is newer than the weapp's syntax level, so Taro's Babel
 * compiles them like our own sources (`mini.compile.include`). The level is ES5 for every file
 * of client/dist/weapp (scripts/check-weapp.mjs explains why and enforces it, naming the file, the
 * construct and the package it came from): project.config.json has `es6: false`, so WeChat ships
 * the files as they are, and iOS runs them in the phone's own JavaScriptCore — iOS below 13.4
 * cannot parse `?.` or `??`, the whole subpackage then dies with a SyntaxError.
 *
 * Taro compiles only `src/` and its own packages; everything else from node_modules is shipped
 * as published. React, react-reconciler, scheduler, tslib and @babel/runtime ship ES5 already.
 * zod 4 ships ES2020 (`?.`, `??`, classes, spread).
 */
export const TRANSPILED_DEPENDENCIES = ['zod'] as const;

/** The folders of those packages, as webpack's `include` conditions take them. */
export function transpiledDependencyDirs(from: string): string[] {
  return TRANSPILED_DEPENDENCIES.map((name) => path.dirname(require.resolve(`${name}/package.json`, { paths: [from] })));
}

/**
 * `zod/v4/locales/zh-CN.cjs` (what core imports, so that Node and jest load it as CommonJS) drags
 * zod's CommonJS copies of its core and util into the bundle beside the ES modules everything
 * else uses — a second zod core, 27 KB, and `.cjs` is not a script Babel's rule matches. The weapp
 * build takes the ES module of the same file: `zod/<path>.cjs` → `zod/<path>.js`.
 */
export const ZOD_CJS_REQUEST = /^zod\/(.+)\.cjs$/;
export function zodEsmRequest(request: string): string | null {
  const m = ZOD_CJS_REQUEST.exec(request);
  return m ? `zod/${m[1]}.js` : null;
}
