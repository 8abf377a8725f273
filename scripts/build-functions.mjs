// Bundles every cloud function into dist/cloudfunctions/<fn>/ — index.js (esbuild, shared code
// inlined, wx-server-sdk external), package.json, config.json and the migrations — and writes
// cloudbaserc.json at the root. The functions, their entries and both deployment files are
// derived from the flows' declarations and the platform's (server/src/functions.ts): each entry
// (.build/entries/<fn>.ts, written here) imports only its function's handler. `npm run deploy`
// takes it from there, and project.config.json points DevTools' cloudfunctionRoot here.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { entrySource, loadDeclarations } from './declarations.mjs';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outRoot = join(root, 'dist', 'cloudfunctions');
const entriesRoot = join(root, '.build', 'entries');
const only = process.argv.slice(2);
if (!only.length) rmSync(outRoot, { recursive: true, force: true });

// zod re-exports every locale as `z.locales` (~350 KB minified), which esbuild cannot drop from a
// namespace it keeps. Bianmin uses only zh-CN (and zod's English default): give zod an index of those two.
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    // core imports the .cjs build of the locale (for jest's require); in a bundle it would drag
    // a second, CommonJS copy of zod's core along, so take the ES module build instead.
    b.onResolve({ filter: /^zod\/v4\/locales\/zh-CN\.cjs$/ }, () => ({ path: join(root, 'node_modules/zod/v4/locales/zh-CN.js') }));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';\nexport { default as zhCN } from 'zod/v4/locales/zh-CN.js';\n",
      resolveDir: root,
    }));
  },
};

// tencentcloud-sdk-nodejs (imported per service) brings node-fetch 2 and form-data along, and
// with them ~860 KB a function never runs: node-fetch's optional `encoding` (iconv-lite's tables,
// only for res.textConverted(), required inside a try), whatwg-url with tr46 (node-fetch takes
// Node's own URL first: `Url.URL || whatwgUrl.URL`), and mime-db (form-data names the type of a
// file stream; FaceID and OCR calls are JSON). Measured on the insurance bundle: 1585 KB → 683 KB.
const trimSdkDeps = {
  name: 'trim-sdk-deps',
  setup(b) {
    b.onResolve({ filter: /^encoding$/ }, (args) => (/node-fetch/.test(args.importer) ? { path: 'encoding', external: true } : undefined));
    b.onResolve({ filter: /^whatwg-url$/ }, (args) => (/node-fetch/.test(args.importer) ? { path: 'whatwg-url', namespace: 'sdk-stub' } : undefined));
    b.onResolve({ filter: /^mime-types$/ }, (args) => (/form-data/.test(args.importer) ? { path: 'mime-types', namespace: 'sdk-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'sdk-stub' }, (args) => ({
      contents:
        args.path === 'whatwg-url'
          ? "const { URL, URLSearchParams } = require('url'); module.exports = { URL, URLSearchParams };"
          : "module.exports = { lookup: () => false, contentType: () => false, extension: () => false, charset: () => false, types: {}, extensions: {} };",
      loader: 'js',
    }));
  },
};

// Configuration data validated at build time, not at every cold start: the catalogue, the
// schedules and the holiday tables go through the very parses the tests run (core's modules,
// bundled and run here), and each function gets the parsed output in place of the module that
// parses. A typo in the data fails this build.
async function validatedData() {
  const entry = [
    "export { CATALOGUE } from './core/src/catalogue/validated';",
    "export { SCHEDULES } from './core/src/availability/validated-schedules';",
    "export { holidayTables } from './core/src/availability/holiday-tables';",
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'validate-data.ts' },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
    plugins: [zodLocales],
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const { CATALOGUE, SCHEDULES, holidayTables } = mod.exports;
  // Holiday tables only for the years in use: a function answers for now, the days around it
  // and deadlines ahead, never for a year before last. A year left out is 'unknown' to the
  // calendar, like a year chinese-days has not published: the schedules' stated fallback applies.
  const fromYear = Number(process.env.HOLIDAY_YEARS_FROM ?? new Date().getUTCFullYear() - 1);
  const all = holidayTables();
  const recent = (table) => Object.fromEntries(Object.entries(table).filter(([d]) => Number(d.slice(0, 4)) >= fromYear));
  const holidays = { holidays: recent(all.holidays), workdays: recent(all.workdays), inLieuDays: recent(all.inLieuDays) };
  const years = [...new Set(Object.keys(holidays.holidays).map((d) => d.slice(0, 4)))];
  if (!years.length) throw new Error(`chinese-days has no holiday table from ${fromYear} on: update it (or set HOLIDAY_YEARS_FROM)`);
  const data = { CATALOGUE, SCHEDULES, holidays };
  // Each value travels as JSON: anything JSON would change (a Date, an undefined field) must fail here.
  for (const [k, v] of Object.entries(data)) {
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(v)), v)) throw new Error(`${k}: the validated data does not survive JSON`);
  }
  return { ...data, years };
}

// Every function's deployment: one the checks refuse fails the build (the dry run says the same,
// scripts/declarations.mjs).
async function declarations() {
  const d = await loadDeclarations();
  if (d.problems.length) throw new Error(`deployments:\n  ${d.problems.join('\n  ')}`);
  for (const name of only) if (!d.byName[name]) throw new Error(`${name}: no such function (${Object.keys(d.byName).join(', ')})`);
  return d;
}

const declared = await declarations();
const fns = declared.functions.filter((f) => !only.length || only.includes(f.name));
// wx-server-sdk is the one dependency CloudBase installs (it stays outside the bundle): the server's version of it.
const sdkVersion = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')).dependencies['wx-server-sdk'];
const validated = await validatedData();
const json = (v) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
const prevalidated = {
  name: 'prevalidated-data',
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]src[\\/]catalogue[\\/]validated\.ts$/ }, () => ({ contents: `export const CATALOGUE = ${json(validated.CATALOGUE)};`, loader: 'js' }));
    b.onLoad({ filter: /[\\/]core[\\/]src[\\/]availability[\\/]validated-schedules\.ts$/ }, () => ({ contents: `export const SCHEDULES = ${json(validated.SCHEDULES)};`, loader: 'js' }));
    b.onLoad({ filter: /[\\/]core[\\/]src[\\/]availability[\\/]holiday-tables\.ts$/ }, () => ({
      contents: `const tables = ${json(validated.holidays)};\nexport function holidayTables() { return tables; }`,
      loader: 'js',
    }));
  },
};

// Code a function never runs, left out of every bundle (esbuild keeps whatever a kept namespace
// or a module's top level reaches):
// - zod's JSON Schema conversion both ways and `z.compile` (~60 KB): `z` is a namespace object,
//   so they ride along unused. Each export becomes a function that says it is not bundled;
//   `aggregateChecks` (behind a string schema's minLength / maxLength) stays real.
// - pino's worker-thread transports (and thread-stream) and multistream: we write to a stream.
// - pg's native client (pg-native is not installed; pg asks for it only on `pg.native`).
const zodLeftOut = /[\\/]zod[\\/]v4[\\/](core[\\/](compile|to-json-schema|json-schema-processors|json-schema-generator)|classic[\\/]from-json-schema)\.js$/;
const leaveOut = {
  name: 'leave-out',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.namespace === 'left-out' || !/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
      const path = resolve(dirname(args.importer), args.path);
      return zodLeftOut.test(path) ? { path, namespace: 'left-out' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, async (args) => {
      const real = await import(args.path);
      const lines = [`const gone = (n) => function () { throw new Error('zod ' + n + ': not in the cloud function bundles (scripts/build-functions.mjs)'); };`];
      for (const [name, value] of Object.entries(real)) {
        if (name === 'aggregateChecks') lines.push(`export { aggregateChecks } from ${JSON.stringify(args.path)};`);
        else if (name === 'INVALID') lines.push(`export const INVALID = Symbol.for('zod.compile.invalid');`);
        // A schema's `~standard` builds its JSON Schema methods when read: they must exist.
        else if (name.startsWith('createStandardJSONSchemaMethod') || name.startsWith('createToJSONSchemaMethod')) lines.push(`export const ${name} = () => gone(${JSON.stringify(name)});`);
        else if (typeof value === 'function') lines.push(`export const ${name} = gone(${JSON.stringify(name)});`);
        else lines.push(`export const ${name} = {};`);
      }
      return { contents: lines.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onResolve({ filter: /^\.\/(lib\/)?(transport|multistream)$/ }, (args) =>
      /[\\/]pino[\\/]/.test(args.importer) ? { path: args.path, namespace: 'left-out-cjs' } : undefined,
    );
    b.onResolve({ filter: /^\.\/native$/ }, (args) => (/[\\/]pg[\\/]lib[\\/]index\.js$/.test(args.importer) ? { path: 'pg-native-client', namespace: 'left-out-cjs' } : undefined));
    // PGlite is the local stack's database: a deployed function opens PostgreSQL (DATABASE_URL is
    // required, and wire() refuses before openDatabase without it), so its worker thread and
    // drizzle's PGlite driver (6 KB of every bundle) stay out.
    b.onResolve({ filter: /^(\.\/pglite-thread|drizzle-orm\/pglite(\/migrator)?)$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]db[\\/]open\.ts$/.test(args.importer) ? { path: `pglite:${args.path}`, namespace: 'left-out-cjs' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'left-out-cjs' }, (args) => ({
      contents:
        args.path === 'pg-native-client'
          ? "const e = new Error('pg-native is not bundled'); e.code = 'MODULE_NOT_FOUND'; throw e;"
          : args.path.startsWith('pglite:')
            ? `throw new Error('${args.path}: PGlite is not in the cloud function bundles (set DATABASE_URL)');`
            : `module.exports = function () { throw new Error('pino ${args.path}: not in the cloud function bundles (scripts/build-functions.mjs)'); };`,
      loader: 'js',
    }));
  },
};

// Each function bundles only the part of core it uses: core's modules declare nothing at load but
// schemas, tables and functions, so esbuild may drop a module no kept import reaches (a `bills`
// bundle carried traffic's plates and 12345's ticket schemas through core's barrel). The one
// module loaded for its effect, zod's Chinese locale, is kept.
const coreWithoutEffects = {
  name: 'core-without-effects',
  setup(b) {
    b.onResolve({ filter: /^(@bianmin\/core|\.{1,2}\/)/ }, async (args) => {
      if (args.pluginData === 'core-without-effects') return undefined;
      if (!args.path.startsWith('@bianmin/core') && !/[\\/]core[\\/]src[\\/]/.test(args.importer)) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'core-without-effects' });
      if (r.errors.length || !/[\\/]core[\\/]src[\\/].*\.ts$/.test(r.path) || /zod-locale\.ts$/.test(r.path)) return r.errors.length ? { errors: r.errors } : r;
      return { ...r, sideEffects: false };
    });
  },
};

// A resident function runs no timer job and receives no message push: its bundle leaves its
// flow's jobs.ts and receivers.ts out (the worker and the receiver bundle each alone). Measured:
// 3–6 KB of a resident bundle (tickets' event sync, bills' due reminders).
const residentOnly = {
  name: 'resident-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/(jobs|receivers)$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]flows[\\/][^\\/]+[\\/]flow\.ts$/.test(args.importer) ? { path: join(dirname(args.importer), args.path), namespace: 'left-out-flow-part' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'left-out-flow-part' }, (args) => {
      const flow = args.path.split(/[\\/]/).at(-2);
      const part = args.path.endsWith('jobs') ? 'Jobs' : 'Receivers';
      return { contents: `export const ${flow}${part} = [];`, loader: 'js' };
    });
  },
};

const rows = [];
const started = Date.now();
mkdirSync(entriesRoot, { recursive: true });
for (const f of fns) {
  const fn = f.name;
  const t0 = Date.now();
  const entry = join(entriesRoot, `${fn}.ts`);
  writeFileSync(entry, `// Generated by scripts/build-functions.mjs from ${fn}'s declaration: do not edit.\n${entrySource(f)}`);
  const out = join(outRoot, fn);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [entry],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // The exact Node version of the runtime the function declares (runtime/deployment.ts).
    target: `node${declared.m.CLOUDBASE_NODE_RUNTIMES[f.deployment.runtime]}`,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    // wx-server-sdk misreads its own package.json when bundled; PGlite is the local stack's
    // database only (never reached when DATABASE_URL is set); pg-native is pg's optional addon.
    // `encoding` is node-fetch 2's optional converter (tencentcloud-sdk-nodejs fetches with it), required
    // inside a try/catch and only used by `textConverted()`, which the SDK never calls: bundled it is
    // iconv-lite, 480 KB of a 1.6 MB traffic bundle.
    external: ['wx-server-sdk', '@electric-sql/pglite', 'pg-native', 'encoding'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    plugins: [zodLocales, trimSdkDeps, prevalidated, leaveOut, coreWithoutEffects, ...(f.deployment.kind === 'resident' ? [residentOnly] : [])],
    metafile: true,
  });
  if (process.env.ANALYZE) writeFileSync(join(root, 'dist', `${fn}.meta.json`), JSON.stringify(result.metafile));
  writeFileSync(join(out, 'package.json'), JSON.stringify({ name: fn, version: '0.1.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': sdkVersion } }, null, 2) + '\n');
  writeFileSync(join(out, 'config.json'), JSON.stringify(declared.m.devtoolsConfig(f.deployment), null, 2) + '\n');
  cpSync(join(root, 'server', 'src', 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
  const js = readFileSync(join(out, 'index.js'));
  rows.push({ fn, kb: (statSync(join(out, 'index.js')).size / 1024).toFixed(1), gz: (gzipSync(js).length / 1024).toFixed(1), ms: Date.now() - t0 });
}

// The CLI's file, for every function (a partial build still writes the whole deployment).
writeFileSync(join(root, 'cloudbaserc.json'), JSON.stringify(declared.m.cloudbaseRc(declared.deployments), null, 2) + '\n');

console.log('\nfunction        index.js KB   gzip KB   build ms');
for (const r of rows) console.log(`${r.fn.padEnd(16)}${r.kb.padStart(11)}${r.gz.padStart(10)}${String(r.ms).padStart(11)}`);
console.log(`\nholiday tables bundled for ${validated.years.join(', ')} (other years: unknown, the schedules' fallback)`);
console.log(`\n${rows.length} function(s) in ${Date.now() - started} ms → ${outRoot}`);
