// `npm test`: everything a change can break, in order — types, lint, unit and integration tests (jest,
// TZ=UTC, PGlite and, when DATABASE_URL is set, PostgreSQL), the builds and their budgets, and
// the h5 app in headless Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// CLOUD_ENV: the weapp build refuses to run without a CloudBase environment id (client/config/
// cloud-env.ts); the tests build with one that names no real environment, whatever the shell has.
// TICKET_TEMPLATE_ID: the weapp built for the tests asks for the template the local stack's
// notifier sends (so the simulated weapp's grants are counted where the stack spends them).
const TEST_CLOUD_ENV = 'bianmin-test-env';
const TEST_TICKET_TEMPLATE_ID = 'dev-ticket-template';
const env = {
  ...process.env,
  TZ: 'UTC',
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  CLOUD_ENV: TEST_CLOUD_ENV,
  TICKET_TEMPLATE_ID: TEST_TICKET_TEMPLATE_ID,
};
const steps = [];
let passed = 0;
let failed = 0;

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  const ok = r.status === 0;
  steps.push({ name, ok, s: ((Date.now() - t0) / 1000).toFixed(1) });
  return ok;
}

function jest(name, config) {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-jest-'));
  const out = join(dir, 'result.json');
  const ok = run(name, process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '-c', config, '--json', `--outputFile=${out}`]);
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  } catch {
    failed += 1;
  }
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

const only = process.argv[2];

/**
 * The browser tests need Debian's Chromium and a CJK font (Chinese text is measured and
 * screenshotted). A fresh machine lacks them: install them as .ci/run does when we are root with
 * apt-get, otherwise stop now — before ten minutes of other steps — with the one command to run.
 */
function browserPrerequisites() {
  const need = [];
  if (!existsSync('/usr/bin/chromium')) need.push('chromium');
  const fcList = spawnSync('fc-list', [], { encoding: 'utf8' });
  const fonts = fcList.status === 0 ? fcList.stdout : listFonts('/usr/share/fonts');
  if (!/wqy|noto.*cjk/i.test(fonts)) need.push('fonts-wqy-microhei');
  if (!need.length) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    console.log(`\n▶ installing ${need.join(' ')} for the browser tests (apt-get, as .ci/run does)`);
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = spawnSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${need.join(' ')}`], { stdio: 'inherit', env: aptEnv });
    if (r.status === 0) return;
  }
  console.error(`\nnpm test needs ${need.join(' and ')} for its browser tests. Install ${need.length > 1 ? 'them' : 'it'} first:\n\n  sudo apt-get install -y ${need.join(' ')}\n`);
  process.exit(1);
}

function listFonts(dir) {
  try {
    return readdirSync(dir, { recursive: true }).join('\n');
  } catch {
    return '';
  }
}

if (!only || only === 'browser') browserPrerequisites();
let ok = true;
if (!only || only === 'unit') {
  ok = run('type-check', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']) && ok;
  if (!steps.at(-1).ok) failed += 1;
  ok = run('lint (eslint client/src)', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), 'client/src']) && ok;
  if (!steps.at(-1).ok) failed += 1;
  ok = jest('unit and integration tests (jest)', 'jest.config.js') && ok;
}
if (!only || only === 'browser') {
  const built = run('build (functions, weapp, h5)', 'npm', ['run', 'build']) && run('build budgets', process.execPath, [join(root, 'scripts/check-build.mjs')]);
  if (!built) failed += 1;
  // What `npm run deploy` would deploy, checked offline, and every bundle answering under its runtime.
  if (built && !run('deploy dry run', process.execPath, [join(root, 'scripts/deploy.mjs'), '--dry-run'], { stdio: ['ignore', 'ignore', 'inherit'] })) failed += 1;
  if (built && !run('bundles on their runtime', process.execPath, [join(root, 'scripts/check-runtimes.mjs')])) failed += 1;
  ok = built && weapp() && ok;
  ok = built && jest('h5 in headless Chromium', 'jest.e2e.config.js') && ok;
}
// `node scripts/test.mjs weapp`: the weapp steps alone, on the build already in client/dist/weapp.
if (only === 'weapp') ok = weapp();

/** The weapp build through WeChat's own compilers, then every page in a simulated mini-program. */
function weapp() {
  const checked = run('weapp checks (wcc, wcsc, modules)', process.execPath, [join(root, 'scripts/check-weapp.mjs')]);
  if (!checked) failed += 1;
  return jest('weapp pages in simulated WeChat', 'client/weapp-tests/jest.config.js') && checked;
}

console.log('\nstep                                   ok     s');
for (const s of steps) console.log(`${s.name.padEnd(38)} ${s.ok ? 'yes' : 'NO '} ${s.s.padStart(6)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
