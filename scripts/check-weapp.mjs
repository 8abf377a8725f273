// Static checks of the weapp build (client/dist/weapp, after `npm run build:weapp`), the things
// that break only in WeChat and that the h5 tests cannot see:
//  1. every page of app.json (main package and subpackages) has its .js/.json/.wxml/.wxss;
//  2. every usingComponents target and every require() in the built JS resolves, and every
//     webpack chunk a page waits for is loaded before it (else WeChat shows a blank page);
//  3. every .wxml compiles with WeChat's own wcc, every .wxss with wcsc (miniprogram-compiler);
//  4. the app's own JS (not Taro's runtime, which polyfills a DOM) uses no browser-only API —
//     each hit named with its source module, from the build's hidden source maps;
//  5. the aria attributes of src/a11y/weapp-aria-attributes.json are in base.wxml, at the
//     very slots the runtime shortens them to (config/weapp-aria.js explains the drift);
//  6. the attributes src/weapp-template/attributes.json leaves out of base.wxml are out of it,
//     and no View / Text / ScrollView in client/src sets one (config/weapp-template-trim.js);
//  7. every .js file parses at the declared syntax level, WEAPP_ECMA_VERSION (ES5), and no string
//     carries a regular expression iOS cannot compile (lookbehind, named groups) — each hit named
//     with the construct and its source module;
//  8. every WeChat privacy API the package calls (ours and libraries') is declared with its
//     information type (client/src/privacy/info-types.ts, by WeChat's table in wechat-apis.ts), none of the deprecated pickers is
//     called, app.json's requiredPrivateInfos lists exactly the location APIs called, and the
//     consent flow (onNeedPrivacyAuthorization + an agreePrivacyAuthorization button) is there.
// Usage: node scripts/check-weapp.mjs [weappDir] [--only files,resolve,wcc,wcsc,browser,h5,aria,trim,syntax,privacy]
// (weappDir defaults to project.config.json's miniprogramRoot; --only is for the checks' own tests)
// Exits 1 with one line per problem.
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import { simple as walkSimple, full as walkFull } from 'acorn-walk';
import { LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Globals a mini-program does not have. Taro's webpack config provides its own `window` and
 * `document` objects to app code, so a bare one left in the output is the real browser's. */
export const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'fetch', 'XMLHttpRequest', 'location', 'history', 'alert'];
/** Read through any object (Taro's stand-in `window` has none of them). */
export const BROWSER_MEMBERS = ['localStorage', 'sessionStorage', 'indexedDB', 'XMLHttpRequest'];
/**
 * Where a source-map source comes from. Taro's mini build names sources with the path's slashes
 * turned into underscores (`webpack://@bianmin/client/._src_api_transport.ts`,
 * `.._core_src_time.ts`, `.._node_modules_react_index.js`); Taro's own runtime keeps only the
 * package-internal name (`.._src_env.ts`) and lives in taro.js. Taro's runtime and its DOM
 * stand-in may name browser APIs (feature checks, h5 branches): they are not the app's.
 */
export function sourceInfo(source) {
  const name = source.replace(/^webpack:\/\/@?[^/]*\/[^/]*\//, '').replace(/^webpack:\/\/[^/]*\//, '');
  if (name.startsWith('._src_')) return { kind: 'ours', path: `client/src/${name.slice('._src_'.length).replace(/_/g, '/')}` };
  // A page's own entry module keeps its slashes and gets a query (`src/tickets/pages/new/index.tsx?ee19`).
  if (/^src\/[^?]+\?[0-9a-f]+$/.test(name)) return { kind: 'ours', path: `client/${name.replace(/\?[0-9a-f]+$/, '')}` };
  if (name.startsWith('.._core_src_')) return { kind: 'ours', path: `core/src/${name.slice('.._core_src_'.length).replace(/_/g, '/')}` };
  if (name.startsWith('.._node_modules_@tarojs_') || name.startsWith('webpack_')) return { kind: 'runtime', path: name };
  if (name.startsWith('.._node_modules_')) return { kind: 'library', path: name.slice('.._node_modules_'.length) };
  return { kind: 'runtime', path: name };
}

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const rel = (dir, f) => relative(dir, f).split('\\').join('/');

export function checkWeapp(dir, only = null) {
  const problems = [];
  const timings = {};
  const timed = (name, fn) => {
    const t0 = performance.now();
    fn();
    timings[name] = Math.round(performance.now() - t0);
  };
  if (!existsSync(join(dir, 'app.json'))) return { problems: [`${dir}: no app.json — run npm run build:weapp first`], timings };
  const all = files(dir);
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
  const pages = [...(app.pages ?? []).map((p) => ({ page: p, root: '' })), ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => s.pages.map((p) => ({ page: posix.join(s.root, p), root: s.root })))];

  const checks = {
    files: () => checkPageFiles(dir, pages, problems),
    resolve: () => checkResolution(dir, all, pages, problems),
    wcc: () => checkWxml(dir, all, problems),
    wcsc: () => checkWxss(dir, all, problems),
    browser: () => checkBrowserApis(dir, all, problems),
    h5: () => checkNoH5Modules(dir, all, problems),
    aria: () => checkAria(dir, problems),
    trim: () => checkTrim(dir, problems),
    syntax: () => checkSyntax(dir, all, problems),
    privacy: () => checkPrivacy(dir, all, app, problems),
  };
  for (const [name, check] of Object.entries(checks)) if (!only || only.includes(name)) timed(name, check);
  return { problems, timings, pages: pages.map((p) => p.page) };
}

function checkPageFiles(dir, pages, problems) {
  for (const { page } of pages) {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) {
      if (!existsSync(join(dir, `${page}.${ext}`))) problems.push(`page ${page}: ${page}.${ext} is missing`);
    }
  }
}

function chunkIds(source) {
  const m = /\(wx\["webpackJsonp"\]=wx\["webpackJsonp"\]\|\|\[\]\)\.push\(\[\[([\d,]+)\]/.exec(source);
  return m ? m[1].split(',').map(Number) : [];
}

/**
 * Chunks webpack's runtime counts as loaded from the start (`var n={9121:0,7176:0};r.O.j=…`): its
 * own, and a chunk Taro's subpackage split emptied (its modules copied into each subpackage's
 * sub-common) that pages still list among the chunks they wait for.
 */
function preinstalledChunks(source) {
  const m = /\{((?:\d+:0,?)+)\};\w+\.O\.j=/.exec(source);
  return m ? m[1].split(',').map((p) => Number(p.split(':')[0])) : [];
}

function requiresOf(source) {
  return [...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
}

function resolveRequire(dir, from, spec) {
  if (!spec.startsWith('.') && !spec.startsWith('/')) return null; // not a file of the package
  const base = spec.startsWith('/') ? join(dir, spec) : join(dirname(from), spec);
  for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function checkResolution(dir, all, pages, problems) {
  // usingComponents of pages and components (WeChat: relative to the file, or absolute from the package root).
  for (const json of all.filter((f) => f.endsWith('.json') && !f.endsWith('.map'))) {
    let content;
    try {
      content = JSON.parse(readFileSync(json, 'utf8'));
    } catch (e) {
      problems.push(`${rel(dir, json)}: not valid JSON (${e.message})`);
      continue;
    }
    for (const [tag, target] of Object.entries(content.usingComponents ?? {})) {
      if (/^plugin(-private)?:\/\//.test(target)) continue;
      const base = target.startsWith('/') ? join(dir, target) : join(dirname(json), target);
      const missing = ['js', 'json', 'wxml'].filter((ext) => !existsSync(`${base}.${ext}`));
      if (missing.length) problems.push(`${rel(dir, json)}: usingComponents "${tag}" → ${target} does not resolve (no ${missing.map((e) => '.' + e).join(', ')})`);
    }
  }

  // require() of every built JS file, and which chunks each file brings in.
  const js = all.filter((f) => f.endsWith('.js'));
  const sources = new Map(js.map((f) => [f, readFileSync(f, 'utf8')]));
  for (const [f, source] of sources) {
    for (const spec of requiresOf(source)) {
      if (resolveRequire(dir, f, spec) === undefined) problems.push(`${rel(dir, f)}: require("${spec}") does not resolve`);
    }
  }
  const loaded = (f, seen = new Set()) => {
    if (seen.has(f) || !sources.has(f)) return seen;
    seen.add(f);
    for (const spec of requiresOf(sources.get(f))) {
      const target = resolveRequire(dir, f, spec);
      if (target) loaded(target, seen);
    }
    return seen;
  };
  // WeChat runs app.js (and what it requires) before any page, then the page file itself.
  const appFiles = loaded(join(dir, 'app.js'));
  for (const { page } of pages) {
    const file = join(dir, `${page}.js`);
    if (!sources.has(file)) continue;
    const available = new Set([...appFiles, ...loaded(file)].flatMap((f) => [...chunkIds(sources.get(f)), ...preinstalledChunks(sources.get(f))]));
    const waits = /\.O\(0,\[([\d,]+)\]/.exec(sources.get(file));
    for (const id of waits ? waits[1].split(',').map(Number) : []) {
      if (!available.has(id)) {
        const holder = [...sources].find(([, s]) => chunkIds(s).includes(id));
        problems.push(`page ${page}: waits for webpack chunk ${id}${holder ? ` (${rel(dir, holder[0])})` : ''}, which neither app.js nor the page requires — the page would never start`);
      }
    }
  }
}

/** miniprogram-compiler ships its binaries without the executable bit; npm ci does not set it. */
function compilerBinary(name) {
  const bin = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin/linux', name);
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`${name}: WeChat ships it for Linux x86-64 only (this is ${process.platform}/${process.arch})`);
  try {
    if (!(statSync(bin).mode & 0o111)) chmodSync(bin, 0o755);
    return bin;
  } catch {
    const copy = join(mkdtempSync(join(tmpdir(), 'bianmin-wx-')), name);
    copyFileSync(bin, copy);
    chmodSync(copy, 0o755);
    return copy;
  }
}

function run(bin, args, cwd) {
  return spawnSync(bin, args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
}

function usingComponentsArgs(dir, wxmls) {
  // wcc wants, per file that declares custom components, its path, their count and tag names.
  const groups = [];
  for (const w of wxmls) {
    const json = join(dir, w.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const tags = Object.keys(JSON.parse(readFileSync(json, 'utf8')).usingComponents ?? {});
    if (tags.length) groups.push([w, String(tags.length), ...tags]);
  }
  return [String(groups.length), ...groups.flat()].join(' ');
}

export function compileWxml(dir) {
  const all = files(dir);
  const wxmls = all.filter((f) => f.endsWith('.wxml')).map((f) => rel(dir, f));
  const wxs = all.filter((f) => f.endsWith('.wxs')).map((f) => rel(dir, f));
  return run(compilerBinary('wcc'), ['-d', '-cc', usingComponentsArgs(dir, wxmls), ...wxmls, ...wxs, '-gn', '$gwx'], dir);
}

function checkWxml(dir, all, problems) {
  const r = compileWxml(dir);
  if (r.error) problems.push(`wcc could not run: ${r.error.message}`);
  else if (r.status !== 0) problems.push(`wcc (WeChat's WXML compiler) refused the templates:\n    ${(r.stderr || r.stdout).trim().split('\n').join('\n    ')}`);
}

function checkWxss(dir, all, problems) {
  // One run over every stylesheet, so each @import finds its file; components' first (wcsc's order).
  const wxss = all.filter((f) => f.endsWith('.wxss')).map((f) => rel(dir, f));
  const isComponent = (w) => existsSync(join(dir, w.replace(/\.wxss$/, '.json')));
  const list = [...wxss.filter(isComponent), ...wxss.filter((w) => !isComponent(w))];
  const r = run(compilerBinary('wcsc'), ['-db', '-pc', String(wxss.filter(isComponent).length), ...list], dir);
  if (r.error) problems.push(`wcsc could not run: ${r.error.message}`);
  else if (r.status !== 0) problems.push(`wcsc (WeChat's WXSS compiler) refused the styles:\n    ${(r.stderr || r.stdout).trim().split('\n').join('\n    ')}`);
}

function sourceOf(map, line, column) {
  if (!map) return null;
  // Webpack's own glue (module wrappers, imports) maps to nothing: then the code right after it.
  let pos = originalPositionFor(map, { line, column });
  if (!pos.source) pos = originalPositionFor(map, { line, column, bias: LEAST_UPPER_BOUND });
  return pos.source ? { ...sourceInfo(pos.source), line: pos.line } : null;
}

function checkBrowserApis(dir, all, problems) {
  const globals = new Set(BROWSER_GLOBALS);
  const members = new Set(BROWSER_MEMBERS);
  for (const f of all.filter((x) => x.endsWith('.js'))) {
    const mapFile = `${f}.map`;
    const rawMap = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : null;
    // taro.js is Taro's runtime alone: nothing of ours to look for, and the biggest file to parse.
    if (rawMap && rawMap.sources.every((s) => sourceInfo(s).kind === 'runtime')) continue;
    const source = readFileSync(f, 'utf8');
    let ast;
    try {
      ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true });
    } catch (e) {
      problems.push(`${rel(dir, f)}: not parseable JavaScript (${e.message})`);
      continue;
    }
    // Names the file declares itself are not globals (minified code never declares `window`).
    const declared = new Set();
    const declare = (p) => walkFull(p, (n) => n.type === 'Identifier' && declared.add(n.name));
    walkSimple(ast, {
      VariableDeclarator: (n) => declare(n.id),
      Function: (n) => {
        if (n.id) declared.add(n.id.name);
        n.params.forEach(declare);
      },
      CatchClause: (n) => n.param && declare(n.param),
      Class: (n) => n.id && declared.add(n.id.name),
    });
    // Identifiers that are a property name or a `typeof` probe are not uses.
    const notUse = new Set();
    walkSimple(ast, {
      MemberExpression: (n) => !n.computed && notUse.add(n.property),
      Property: (n) => !n.computed && notUse.add(n.key),
      MethodDefinition: (n) => !n.computed && notUse.add(n.key),
      PropertyDefinition: (n) => !n.computed && notUse.add(n.key),
      UnaryExpression: (n) => n.operator === 'typeof' && n.argument.type === 'Identifier' && notUse.add(n.argument),
    });
    const hits = [];
    walkFull(ast, (n) => {
      if (n.type === 'Identifier' && globals.has(n.name) && !notUse.has(n) && !declared.has(n.name)) hits.push({ node: n, what: n.name });
      if (n.type === 'MemberExpression' && !n.computed && members.has(n.property.name)) hits.push({ node: n.property, what: `.${n.property.name}` });
    });
    if (!hits.length) continue;
    const map = rawMap ? new TraceMap(rawMap) : null;
    for (const { node, what } of hits) {
      const src = sourceOf(map, node.loc.start.line, node.loc.start.column);
      if (src?.kind === 'runtime') continue;
      const from = src ? `${src.kind === 'library' ? 'the npm package file ' : ''}${src.path}:${src.line}` : 'an unknown module (no source map)';
      problems.push(`${rel(dir, f)}:${node.loc.start.line}:${node.loc.start.column}: browser-only ${what} from ${from} — a mini-program has no ${what.replace(/^\./, '')}; use the Taro/wx API or keep it in an .h5 file`);
    }
  }
}

/**
 * The syntax level of everything in the package: ECMAScript 5.1.
 *
 * Why ES5. project.config.json has `es6: false`: WeChat uploads the files as they are, and on
 * iOS they run in the phone's own JavaScriptCore (Android's WeChat brings a recent V8). The
 * oldest phones we support are those the client's Babel targets name (client/package.json
 * browserslist: iOS ≥ 10) on base library ≥ 2.10.0 (wx.chooseMedia; the privacy consent flow
 * needs 2.32.3 and is skipped below it, where WeChat has no privacy interception). iOS 10's
 * JavaScriptCore stops at about ES2015 (no async functions before 10.3, no object spread before
 * 11.3, no `?.`/`??` before 13.4, no regex lookbehind before 16.4, no named groups before 11.3),
 * and Babel compiles our code for it down to ES5 anyway. ES5 is then the one level every file
 * can be held to, and the one a parser can check without a compatibility table: a file of a
 * library that ships newer syntax fails here, named, until client/config/transpile.ts compiles it.
 */
export const WEAPP_ECMA_VERSION = 5;

/** Syntax newer than ES5, as acorn's ESTree nodes show it: what to call it, and since when. */
function newerThanEs5(n, src) {
  switch (n.type) {
    case 'VariableDeclaration':
      return n.kind === 'var' ? null : `\`${n.kind}\` declaration (ES2015)`;
    case 'ArrowFunctionExpression':
      return 'arrow function (ES2015)';
    case 'ClassDeclaration':
    case 'ClassExpression':
      return 'class (ES2015)';
    case 'TemplateLiteral':
      return 'template literal (ES2015)';
    case 'SpreadElement':
      return 'spread `...` (ES2015; in object literals ES2018, iOS 11.3)';
    case 'RestElement':
      return 'rest `...` (ES2015; in object patterns ES2018)';
    case 'ObjectPattern':
    case 'ArrayPattern':
      return 'destructuring (ES2015)';
    case 'AssignmentPattern':
      return 'default value (ES2015)';
    case 'ForOfStatement':
      return n.await ? '`for await` (ES2018)' : '`for…of` (ES2015)';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
      return n.async ? 'async function (ES2017, iOS 10.3/11)' : n.generator ? 'generator function (ES2015)' : null;
    case 'Property':
      return n.computed ? 'computed property name (ES2015)' : n.method ? 'method shorthand (ES2015)' : n.shorthand ? 'shorthand property (ES2015)' : null;
    case 'MetaProperty':
      return `\`${n.meta.name}.${n.property.name}\` (ES2015)`;
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
      return 'module syntax (ES2015)';
    case 'BinaryExpression':
      return n.operator === '**' ? 'exponent operator `**` (ES2016)' : null;
    case 'AssignmentExpression':
      return n.operator === '**=' ? 'exponent operator `**=` (ES2016)' : ['||=', '&&=', '??='].includes(n.operator) ? `logical assignment \`${n.operator}\` (ES2021)` : null;
    case 'ChainExpression':
      return 'optional chaining `?.` (ES2020, iOS 13.4)';
    case 'LogicalExpression':
      return n.operator === '??' ? 'nullish coalescing `??` (ES2020, iOS 13.4)' : null;
    case 'CatchClause':
      return n.param ? null : 'optional catch binding (ES2019)';
    case 'PropertyDefinition':
      return 'class field (ES2022, iOS 14.5)';
    case 'PrivateIdentifier':
      return 'private name `#` (ES2022)';
    case 'StaticBlock':
      return 'class static block (ES2022, iOS 16.4)';
    case 'Literal':
      if (typeof n.bigint === 'string') return 'BigInt literal (ES2020)';
      if (n.regex) return regexNewerThanEs5(n.regex.pattern, n.regex.flags);
      if (typeof n.value === 'number' && /^0[bBoO]|_/.test(src.slice(n.start, n.end))) return 'binary/octal literal or numeric separator (ES2015/ES2021)';
      if (typeof n.value === 'string' && /\\u\{/.test(src.slice(n.start, n.end))) return 'code point escape `\\u{…}` (ES2015)';
      return null;
    default:
      return null;
  }
}

/** Regular expression syntax newer than ES5: named by what older iOS refuses. */
function regexNewerThanEs5(pattern, flags) {
  if (/\(\?<[=!]/.test(pattern)) return `regex lookbehind \`(?<=\` / \`(?<!\` (ES2018; iOS below 16.4 throws SyntaxError) in /${pattern}/`;
  if (/\(\?<[A-Za-z_$]/.test(pattern)) return `regex named group \`(?<name>\` (ES2018; iOS 11.3) in /${pattern}/`;
  if (/\\[pP]\{/.test(pattern)) return `regex property escape \`\\p{…}\` (ES2018; iOS 11.3) in /${pattern}/`;
  const newFlags = [...flags].filter((f) => !'gim'.includes(f));
  if (newFlags.length) return `regex flag${newFlags.length > 1 ? 's' : ''} ${newFlags.join('')} (ES2015+) on /${pattern}/`;
  return null;
}

/** A regular expression in a string (a RegExp made at run time): the constructs older iOS cannot compile. */
function regexSourceProblem(text) {
  if (/\(\?<[=!]/.test(text)) return 'regex lookbehind `(?<=` / `(?<!` in a string (a RegExp made at run time; iOS below 16.4 throws SyntaxError)';
  if (/\(\?<[A-Za-z_$][\w$]*>/.test(text)) return 'regex named group `(?<name>` in a string (a RegExp made at run time; iOS below 11.3 throws SyntaxError)';
  return null;
}

function checkSyntax(dir, all, problems) {
  const MAX_PER_FILE = 5;
  for (const f of all.filter((x) => x.endsWith('.js'))) {
    const source = readFileSync(f, 'utf8');
    const hits = [];
    let es5Error = null;
    try {
      acorn.parse(source, { ecmaVersion: WEAPP_ECMA_VERSION, sourceType: 'script', allowReturnOutsideFunction: true });
    } catch (e) {
      es5Error = e;
    }
    let ast = null;
    try {
      ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowHashBang: true });
    } catch (e) {
      problems.push(`${rel(dir, f)}: not parseable JavaScript at all (${e.message})`);
      continue;
    }
    const inRegExpCall = new Set();
    walkFull(ast, (n) => {
      if (es5Error) {
        const what = newerThanEs5(n, source);
        if (what) hits.push({ node: n, what, regex: Boolean(n.regex) });
      }
      // new RegExp('…', '…') with both parts literal: the same rules as a regex literal.
      if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee.type === 'Identifier' && n.callee.name === 'RegExp') {
        const [p, fl] = n.arguments;
        if (p?.type === 'Literal' && typeof p.value === 'string' && (!fl || (fl.type === 'Literal' && typeof fl.value === 'string'))) {
          inRegExpCall.add(p);
          const what = regexNewerThanEs5(p.value, fl ? fl.value : '');
          if (what) hits.push({ node: n, what: `${what} (new RegExp)`, regex: true });
        }
      }
    });
    // Any other string may still become a RegExp at run time (zod builds them from parts): looked
    // for even when the file parses as ES5. walkFull visits parents first, so the calls are known.
    walkFull(ast, (n) => {
      const text = n.type === 'Literal' && typeof n.value === 'string' && !inRegExpCall.has(n) ? n.value : n.type === 'TemplateElement' ? (n.value.cooked ?? '') : null;
      const what = text === null ? null : regexSourceProblem(text);
      if (what) hits.push({ node: n, what, regex: true });
    });
    // The ES5 parse is the authority: a refusal the walk cannot name is reported in acorn's words.
    if (es5Error && !hits.some((h) => !h.what.includes('in a string'))) {
      hits.push({ node: { start: es5Error.pos ?? 0 }, what: `syntax newer than ES5 (acorn: ${es5Error.message.replace(/ \(\d+:\d+\)$/, '')})`, regex: false });
    }
    if (!hits.length) continue;
    const mapFile = `${f}.map`;
    const map = existsSync(mapFile) ? new TraceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null;
    hits.sort((a, b) => a.node.start - b.node.start);
    for (const { node, what, regex } of hits.slice(0, MAX_PER_FILE)) {
      const loc = acorn.getLineInfo(source, node.start);
      const src = sourceOf(map, loc.line, loc.column);
      const from = src ? `${src.kind === 'library' ? 'the npm package file ' : ''}${src.path}:${src.line}` : 'an unknown module (no source map)';
      const fix = regex
        ? ' — Babel cannot rewrite this: write the expression without it'
        : src?.kind === 'library'
          ? ` — add ${packageOf(src.path)} to TRANSPILED_DEPENDENCIES in client/config/transpile.ts`
          : src?.kind === 'ours'
            ? ' — Babel did not compile this file: is it under compile.include (client/config/index.ts)?'
            : '';
      problems.push(`${rel(dir, f)}:${loc.line}:${loc.column}: ${what} from ${from}; the weapp's syntax level is ES5 (scripts/check-weapp.mjs WEAPP_ECMA_VERSION)${fix}`);
    }
    if (hits.length > MAX_PER_FILE) problems.push(`${rel(dir, f)}: … and ${hits.length - MAX_PER_FILE} more above ES5`);
  }
}

/** `zod/v4/core/util.js` → zod; `@scope/pkg/x.js` → @scope/pkg. */
function packageOf(path) {
  // Taro's source names turn the path's slashes into underscores (see sourceInfo).
  const parts = path.split(/[/_]/);
  return parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** client/src/privacy/<name>.ts (TypeScript importing types only), compiled and evaluated here. */
function privacyModule(name) {
  const ts = require(require.resolve('typescript', { paths: [root] }));
  const file = join(root, 'client/src/privacy', `${name}.ts`);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 }, fileName: file });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputText)(module, module.exports, () => ({}));
  return module.exports;
}

function checkPrivacy(dir, all, app, problems) {
  const { WECHAT_PRIVACY_APIS, DEPRECATED_APIS, LOCATION_APIS } = privacyModule('wechat-apis');
  const { PRIVACY_USES } = privacyModule('info-types');
  const declared = new Map(PRIVACY_USES.map((u) => [u.api, u.infoType]));
  const called = new Set();
  let listens = false;
  let agreeButton = false;
  for (const f of all.filter((x) => x.endsWith('.js'))) {
    const mapFile = `${f}.map`;
    const rawMap = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, 'utf8')) : null;
    // Taro's runtime names every WeChat API (its API table): it calls what the app calls.
    if (rawMap && rawMap.sources.every((s) => sourceInfo(s).kind === 'runtime')) continue;
    const source = readFileSync(f, 'utf8');
    let ast;
    try {
      ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
    } catch {
      continue; // the syntax check reports it
    }
    const hits = [];
    walkFull(ast, (n) => {
      if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
        const name = n.property.name;
        if (name === 'onNeedPrivacyAuthorization') listens = true;
        if (Object.hasOwn(WECHAT_PRIVACY_APIS, name) || Object.hasOwn(DEPRECATED_APIS, name)) hits.push({ node: n.property, api: name });
      }
      // <Button openType='getPhoneNumber'> compiles to a property of the props object.
      if (n.type === 'Property' && !n.computed && (n.key.name ?? n.key.value) === 'openType' && n.value.type === 'Literal') {
        if (n.value.value === 'agreePrivacyAuthorization') agreeButton = true;
        else if (Object.hasOwn(WECHAT_PRIVACY_APIS, `open-type=${n.value.value}`)) hits.push({ node: n, api: `open-type=${n.value.value}` });
      }
    });
    if (!hits.length) continue;
    const map = rawMap ? new TraceMap(rawMap) : null;
    for (const { node, api } of hits) {
      const loc = acorn.getLineInfo(source, node.start);
      const src = sourceOf(map, loc.line, loc.column);
      if (src?.kind === 'runtime') continue;
      const from = src ? `${src.kind === 'library' ? 'the npm package file ' : ''}${src.path}:${src.line}` : 'an unknown module (no source map)';
      const at = `${rel(dir, f)}:${loc.line}:${loc.column}`;
      if (Object.hasOwn(DEPRECATED_APIS, api)) {
        problems.push(`${at}: calls ${api} from ${from} — deprecated by WeChat, use ${DEPRECATED_APIS[api]}`);
        continue;
      }
      called.add(api);
      const type = WECHAT_PRIVACY_APIS[api];
      if (declared.get(api) !== type) {
        problems.push(`${at}: calls ${api} from ${from}, which needs "${type}" in the MP console's 用户隐私保护指引 — not declared in client/src/privacy/info-types.ts PRIVACY_USES (WeChat disables an undeclared API: errno 112)`);
      }
    }
  }
  const required = [...(app.requiredPrivateInfos ?? [])].sort();
  const locations = [...called].filter((api) => LOCATION_APIS.includes(api)).sort();
  if (JSON.stringify(required) !== JSON.stringify(locations)) {
    problems.push(`app.json: requiredPrivateInfos is ${JSON.stringify(required)}, the package calls the location APIs ${JSON.stringify(locations)} — WeChat refuses a location API not listed there (src/app.config.ts takes it from privacy/info-types.ts)`);
  }
  if (called.size && !listens) problems.push('no wx.onNeedPrivacyAuthorization listener in the package: WeChat would show its own popup, and a refusal would not be said (client/src/privacy/register.ts, from app.ts)');
  if (called.size && !agreeButton) problems.push('no <button open-type="agreePrivacyAuthorization"> in the package: the consent sheet cannot agree (client/src/privacy/agree-button.tsx)');
}

/**
 * Platform files (Taro resolves `x.weapp.ts` over `x.ts`, `x.h5.ts` only for h5): an `.h5.`
 * module, or the plain one beside a `.weapp.` twin, is h5-only and must not be in the package.
 */
function checkNoH5Modules(dir, all, problems) {
  const clientSrc = join(root, 'client');
  for (const mapFile of all.filter((f) => f.endsWith('.js.map'))) {
    const { sources = [] } = JSON.parse(readFileSync(mapFile, 'utf8'));
    for (const s of sources) {
      const info = sourceInfo(s);
      const m = /^client\/(src\/(?:.*\/)?)([^/]+?)\.(tsx?|jsx?)$/.exec(info.path);
      if (info.kind !== 'ours' || !m) continue;
      const [, folder, name, ext] = m;
      const twin = join(clientSrc, folder, `${name}.weapp.${ext}`);
      if (/\.h5$/.test(name) || existsSync(twin)) {
        problems.push(`${rel(dir, mapFile.replace(/\.map$/, ''))}: holds h5-only module client/${folder}${name}.${ext}${existsSync(twin) ? ` (its weapp twin is ${name}.weapp.${ext})` : ''}`);
      }
    }
  }
}

async function ariaTables(dir) {
  const clientDir = join(root, 'client');
  const req = createRequire(join(clientDir, 'package.json'));
  const shared = await import(pathToFileURL(join(dirname(req.resolve('@tarojs/shared')), 'index.js')).href);
  const weappDist = join(dirname(req.resolve('@tarojs/plugin-platform-weapp/package.json')), 'dist');
  const { components } = await import(pathToFileURL(join(weappDist, 'runtime-utils.js')).href);
  shared.mergeInternalComponents(components);
  const byComponent = JSON.parse(readFileSync(join(clientDir, 'src/a11y/weapp-aria-attributes.json'), 'utf8'));
  shared.mergeInternalComponents(Object.fromEntries(Object.entries(byComponent).map(([c, attrs]) => [c, Object.fromEntries(attrs.map((a) => [a, '']))])));
  // What the build leaves out of base.wxml and the runtime drops from its table (src/weapp-template/trim.ts).
  const { keepOnly, drop } = JSON.parse(readFileSync(join(clientDir, 'src/weapp-template/attributes.json'), 'utf8'));
  const trimmed = {};
  for (const [c, keep] of Object.entries(keepOnly)) trimmed[c] = Object.keys(shared.internalComponents[c]).filter((a) => !keep.includes(a));
  for (const [c, attrs] of Object.entries(drop)) trimmed[c] = attrs;
  for (const [c, attrs] of Object.entries(trimmed)) for (const a of attrs) delete shared.internalComponents[c][a];
  return { shared, byComponent, trimmed, alias: shared.getComponentsAlias(shared.internalComponents) };
}

/** `bindLongTap` → the template's `bindlongpress`, `hover-stay-time` as it is. */
const templateAttr = (attr) => (attr.startsWith('bind') ? (attr === 'bindLongTap' ? 'bindlongpress' : attr.toLowerCase()) : attr);
/** The props that become them in React: `bindTouchStart` → onTouchStart, `max-lines` → maxLines. */
const reactProps = (attr, shared) => (attr.startsWith('bind') ? [`on${attr.slice(4)}`, ...(attr === 'bindLongTap' ? ['onLongPress'] : [])] : [shared.toCamelCase(attr)]);

function checkTrim(dir, problems) {
  const wxml = readFileSync(join(dir, 'base.wxml'), 'utf8');
  const { shared, trimmed } = aria;
  for (const [component, attrs] of Object.entries(trimmed)) {
    const tag = shared.toDashed(component);
    for (const open of new Set([...wxml.matchAll(new RegExp(`<${tag} [^>]*>`, 'g'))].map((m) => m[0]))) {
      const left = attrs.map(templateAttr).filter((a) => open.includes(` ${a}="`));
      if (left.length) {
        problems.push(`base.wxml: <${tag}> still carries ${left.join(', ')} — config/weapp-template-trim.js did not run (is it in client/config plugins?)`);
        return;
      }
    }
  }
  // A page that sets a left-out attribute would lose it silently on WeChat: say where.
  const ts = require(require.resolve('typescript', { paths: [root] }));
  const byProp = new Map(Object.entries(trimmed).flatMap(([c, attrs]) => attrs.flatMap((a) => reactProps(a, shared).map((p) => [`${c}.${p}`, a]))));
  const srcDir = join(root, 'client', 'src');
  for (const file of files(srcDir).filter((f) => f.endsWith('.tsx') && !/\.test\.tsx$/.test(f))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const component = node.tagName.getText(sf);
        for (const prop of node.attributes.properties) {
          if (!ts.isJsxAttribute(prop)) continue;
          const attr = byProp.get(`${component}.${prop.name.getText(sf)}`);
          if (attr) {
            const { line } = sf.getLineAndCharacterOfPosition(prop.getStart(sf));
            problems.push(`client/${rel(join(root, 'client'), file)}:${line + 1}: <${component} ${prop.name.getText(sf)}> is left out of base.wxml (src/weapp-template/attributes.json lists ${attr}): take it off that list`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}

let aria = null;
function checkAria(dir, problems) {
  const wxml = readFileSync(join(dir, 'base.wxml'), 'utf8');
  const { shared, byComponent, alias } = aria;
  for (const [component, attrs] of Object.entries(byComponent)) {
    const tag = shared.toDashed(component);
    const opens = [...wxml.matchAll(new RegExp(`<${tag} [^>]*>`, 'g'))].map((m) => m[0]);
    if (!opens.length) continue; // no page uses it: Taro leaves its template out
    // Taro's attribute-less variants (pure-view, click-view) are used only for nodes without props.
    const full = opens.filter((o) => / aria-[a-z]+="/.test(o) || o.includes(' hover-class="') || o.includes(' value="'));
    if (!full.length) problems.push(`base.wxml: no <${tag}> template carries attributes at all`);
    for (const open of full) {
      for (const attr of attrs) {
        if (!open.includes(` ${attr}="`)) {
          problems.push(`base.wxml: <${tag}> has no ${attr} — config/weapp-aria.js did not run (is it in client/config plugins?)`);
          return;
        }
      }
      for (const [, attr, slot] of open.matchAll(/ ([a-z-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g)) {
        const expected = alias[tag][shared.toCamelCase(attr)];
        if (expected !== slot) {
          problems.push(`base.wxml: <${tag}> ${attr} is read from ${slot}, the runtime writes it to ${expected} — build and runtime attribute tables differ`);
          return;
        }
      }
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const project = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1].split(',') : null;
  const dir = resolve(args[0] ?? join(root, project.miniprogramRoot));
  const t0 = performance.now();
  if (!only || only.includes('aria') || only.includes('trim')) aria = await ariaTables(dir);
  const { problems, timings, pages } = checkWeapp(dir, only);
  const ms = Math.round(performance.now() - t0);
  if (problems.length) {
    console.error(`weapp checks failed (${problems.length}):\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`weapp checks ok: ${pages.length} pages; ${Object.entries(timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}; ${ms} ms in all`);
}
