// The operator console (console/): one bundle of React, TDesign React and the console's pages,
// with the CSS of only the components it uses, written to console/dist/ — the local stack serves
// it at /admin/. ADMIN_API_URL points the deployed console at the admin function's HTTP access
// path (default: the local stack's /api/admin).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'console', 'dist');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = Date.now();
await build({
  entryPoints: { main: join(root, 'console', 'src', 'main.tsx') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'iife',
  platform: 'browser',
  // Desktop browsers a city office runs: ES2020 (Chrome 80+, Edge 80+, Firefox 74+, Safari 14+).
  target: 'es2020',
  jsx: 'automatic',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.ADMIN_API_URL': JSON.stringify(process.env.ADMIN_API_URL ?? '') },
  logLevel: 'warning',
});
copyFileSync(join(root, 'console', 'index.html'), join(out, 'index.html'));
const kb = (f) => (statSync(join(out, f)).size / 1024).toFixed(1);
console.log(`console → console/dist: main.js ${kb('main.js')} KB, main.css ${kb('main.css')} KB in ${Date.now() - started} ms`);
