// Bundles every cloud function into dist/cloudfunctions/<fn>/ — index.js (esbuild, shared code
// inlined, wx-server-sdk external), package.json, config.json and the migrations — ready for
// `tcb fn deploy <fn>` (project.config.json points cloudfunctionRoot here).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcRoot = join(root, 'cloudfunctions');
const outRoot = join(root, 'dist', 'cloudfunctions');
const only = process.argv.slice(2);

const fns = readdirSync(srcRoot).filter((f) => existsSync(join(srcRoot, f, 'index.ts')) && (!only.length || only.includes(f)));
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

const rows = [];
const started = Date.now();
for (const fn of fns) {
  const t0 = Date.now();
  const src = join(srcRoot, fn);
  const out = join(outRoot, fn);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [join(src, 'index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // CloudBase offers Node 16–26 runtimes; build for the oldest.
    target: 'node16',
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
    plugins: [zodLocales, trimSdkDeps],
    metafile: true,
  });
  if (process.env.ANALYZE) writeFileSync(join(root, 'dist', `${fn}.meta.json`), JSON.stringify(result.metafile));
  const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
  writeFileSync(
    join(out, 'package.json'),
    JSON.stringify({ name: fn, version: pkg.version, private: true, main: 'index.js', dependencies: pkg.dependencies ?? {} }, null, 2) + '\n',
  );
  cpSync(join(src, 'config.json'), join(out, 'config.json'));
  cpSync(join(root, 'server', 'src', 'db', 'migrations'), join(out, 'migrations'), { recursive: true });
  const js = readFileSync(join(out, 'index.js'));
  rows.push({ fn, kb: (statSync(join(out, 'index.js')).size / 1024).toFixed(1), gz: (gzipSync(js).length / 1024).toFixed(1), ms: Date.now() - t0 });
}

console.log('\nfunction        index.js KB   gzip KB   build ms');
for (const r of rows) console.log(`${r.fn.padEnd(16)}${r.kb.padStart(11)}${r.gz.padStart(10)}${String(r.ms).padStart(11)}`);
console.log(`\n${rows.length} function(s) in ${Date.now() - started} ms → ${outRoot}`);
