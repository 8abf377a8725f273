// After `npm run build:weapp -w client`: checks that the runtime shortens View/Text attribute
// names to the same slots base.wxml reads them from (config/weapp-aria.js explains why this
// can drift). Exits non-zero on a mismatch. Run from client/: node scripts/check-weapp-aria.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const shared = await import(pathToFileURL(path.join(path.dirname(require.resolve('@tarojs/shared')), 'index.js')).href);
const weappDir = path.join(path.dirname(require.resolve('@tarojs/plugin-platform-weapp/package.json')), 'dist');
const { components } = await import(pathToFileURL(path.join(weappDir, 'runtime-utils.js')).href);

shared.mergeInternalComponents(components);
const attrs = JSON.parse(fs.readFileSync(path.join(root, 'src/a11y/weapp-aria-attributes.json'), 'utf8'));
const extra = Object.fromEntries(attrs.map((a) => [a, '']));
shared.mergeInternalComponents({ View: { ...extra }, Text: { ...extra } });
const alias = shared.getComponentsAlias(shared.internalComponents);

const wxml = fs.readFileSync(path.join(root, 'dist/weapp/base.wxml'), 'utf8');
let bad = 0;
for (const [tag, comp] of [['view', 'view'], ['text', 'text']]) {
  const open = wxml.match(new RegExp(`<${tag} [^>]*>`))?.[0] ?? '';
  for (const [, attr, slot] of open.matchAll(/ ([a-z-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g)) {
    const expected = alias[comp][shared.toCamelCase(attr)];
    if (expected !== slot) {
      bad++;
      console.error(`${tag} ${attr}: template reads ${slot}, runtime writes ${expected}`);
    }
  }
}
if (bad) process.exit(1);
console.log('weapp aria attributes: template and runtime agree');
