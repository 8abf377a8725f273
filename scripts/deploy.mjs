// `npm run deploy [-- --dry-run] [fn…]`: deploys the built cloud functions to CloudBase with
// `tcb` (@cloudbase/cli), from the cloudbaserc.json and config.json files the build generated
// from the deployed functions (derived from the flows' declarations, server/src/functions.ts).
//
// --dry-run never logs in and never calls tcb: it checks what would be deployed — every
// deployment within CloudBase's rules and its own budget, the
// generated files current and the bundles built — prints each function with its runtime,
// timeout, memory, triggers, permissions and environment variable names, and exits non-zero if
// anything is missing or invalid. Offline, tcb itself checks only that the file parses and has
// an envId.
//
// Without --dry-run: the same checks, then `tcb login` from TCB_API_KEY_ID / TCB_API_KEY when
// set (CI), then per function: its declared timer triggers deleted (so a changed cron is
// replaced, not silently kept) and `tcb fn deploy <fn> --force --yes`. tcb never reads stdin
// here, so it can never stop at a prompt; a function whose deployment tcb does not report as
// done fails this command (tcb itself exits 0 when a function in a batch failed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadDeclarations, root } from './declarations.mjs';

/** The CLI, pinned: run through npx (34 MB, one package), not kept in the lockfile. */
export const TCB_CLI = '@cloudbase/cli@2.12.10';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const only = args.filter((a) => !a.startsWith('--'));
const problems = [];

const d = await loadDeclarations();
problems.push(...d.problems);
for (const name of only) if (!d.byName[name]) problems.push(`${name}: no such function (${Object.keys(d.byName).join(', ')})`);
const selected = d.deployments.filter((x) => !only.length || only.includes(x.name));

// The generated files: present, current (the declarations they came from have not moved on), valid.
// BIANMIN_DEPLOY_DIR: where cloudbaserc.json and dist/ are, when not the repository (the dry run's test).
const outRoot = process.env.BIANMIN_DEPLOY_DIR ? resolve(process.env.BIANMIN_DEPLOY_DIR) : root;
const rcPath = join(outRoot, 'cloudbaserc.json');
const fnRoot = join(outRoot, 'dist', 'cloudfunctions');
let rc = null;
if (!existsSync(rcPath)) problems.push('cloudbaserc.json is missing: run `npm run build` (or `npm run build:functions`) first');
else {
  try {
    rc = JSON.parse(readFileSync(rcPath, 'utf8'));
  } catch (e) {
    problems.push(`cloudbaserc.json does not parse: ${e.message}`);
  }
}
if (rc) {
  if (rc.version !== '2.0') problems.push(`cloudbaserc.json: version ${JSON.stringify(rc.version)}, expected "2.0"`);
  if (rc.envId !== d.m.ENV_ID_PLACEHOLDER && !/^[a-z0-9][a-z0-9-]{2,39}$/.test(String(rc.envId ?? ''))) problems.push(`cloudbaserc.json: envId ${JSON.stringify(rc.envId)} is neither ${d.m.ENV_ID_PLACEHOLDER} nor an environment id`);
  if (rc.functionRoot !== './dist/cloudfunctions') problems.push(`cloudbaserc.json: functionRoot ${JSON.stringify(rc.functionRoot)}, expected "./dist/cloudfunctions"`);
  const inFile = new Map((rc.functions ?? []).map((f) => [f.name, f]));
  for (const name of inFile.keys()) if (!d.byName[name]) problems.push(`cloudbaserc.json: function ${name} is not declared by any flow or the platform: rebuild (npm run build:functions)`);
  const expected = d.m.cloudbaseRc(d.deployments).functions;
  for (const want of expected) {
    const got = inFile.get(want.name);
    if (!got) {
      problems.push(`${want.name}: not in cloudbaserc.json: rebuild (npm run build:functions)`);
      continue;
    }
    // What the file says, checked as a declaration: a hand edit gets the same words as a bad declaration.
    const asDeclared = { ...d.byName[want.name].deployment, runtime: got.runtime, timeout: got.timeout, memorySize: got.memorySize, triggers: got.triggers ?? [] };
    const own = d.m.deploymentProblems(asDeclared, d.byName[want.name].worstCaseMs).map((p) => `cloudbaserc.json: ${p}`);
    problems.push(...own);
    if (!own.length && !isDeepStrictEqual(got, want)) problems.push(`${want.name}: cloudbaserc.json differs from its declaration: rebuild (npm run build:functions)`);
  }
}
for (const x of d.deployments) {
  for (const f of ['index.js', 'package.json', 'config.json']) {
    if (!existsSync(join(fnRoot, x.name, f))) problems.push(`${x.name}: dist/cloudfunctions/${x.name}/${f} is missing: run \`npm run build\` first`);
  }
  const cfg = join(fnRoot, x.name, 'config.json');
  if (existsSync(cfg) && !isDeepStrictEqual(JSON.parse(readFileSync(cfg, 'utf8')), d.m.devtoolsConfig(x))) {
    problems.push(`${x.name}: dist/cloudfunctions/${x.name}/config.json differs from its declaration: rebuild`);
  }
}

// What would be deployed.
const kindWords = { resident: 'called by the mini-program', timer: 'timer only', paycallback: 'WeChat Pay notifications only', push: 'WeChat message push (消息推送)', http: 'HTTPS for the operator console (bearer token)', httpnotify: 'HTTPS for a payment channel’s signed notifications' };
console.log(`${dryRun ? 'Dry run: nothing is sent to CloudBase.' : 'Deploying'} ${selected.length} function(s) from ./dist/cloudfunctions\n`);
for (const x of selected) {
  const node = d.m.CLOUDBASE_NODE_RUNTIMES[x.runtime] ?? '?';
  console.log(`${x.name} — ${x.purpose}`);
  console.log(`  kind         ${x.kind} (${kindWords[x.kind] ?? '?'})`);
  console.log(`  runtime      ${x.runtime} (Node ${node})`);
  console.log(`  timeout      ${x.timeout} s (worst case ${(d.byName[x.name].worstCaseMs / 1000).toFixed(1)} s, from its declaration)`);
  console.log(`  memory       ${x.memorySize} MB`);
  console.log(`  triggers     ${x.triggers.length ? x.triggers.map((t) => `${t.name}: ${t.type} "${t.config}" (Beijing time)`).join('; ') : 'none'}`);
  console.log(`  permissions  ${x.permissions.openapi.length ? x.permissions.openapi.join(', ') : 'none'}`);
  console.log(`  vpc          ${x.vpc ? 'TCB_VPC_ID / TCB_SUBNET_ID' : 'none'}`);
  if (x.http) console.log(`  http route   ${x.http.path} (HTTP access service)`);
  console.log(`  env required ${x.env.required.join(', ') || 'none'}`);
  console.log(`  env optional ${x.env.optional.join(', ') || 'none'}\n`);
}

const envId = process.env.TCB_ENV_ID?.trim() || process.env.CLOUD_ENV?.trim() || '';
const vpc = { vpcId: process.env.TCB_VPC_ID?.trim() ?? '', subnetId: process.env.TCB_SUBNET_ID?.trim() ?? '' };
const needsVpc = selected.some((x) => x.vpc);

if (problems.length) {
  console.error(`${problems.length} problem(s); nothing ${dryRun ? 'would be' : 'was'} deployed:`);
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}

if (dryRun) {
  console.log(`✓ ${selected.length} function(s) can be deployed.`);
  console.log(`  environment: ${envId ? envId : `not set — \`npm run deploy\` needs TCB_ENV_ID (or CLOUD_ENV); cloudbaserc.json carries ${d.m.ENV_ID_PLACEHOLDER}`}`);
  if (needsVpc) console.log(`  VPC:         ${vpc.vpcId && vpc.subnetId ? `${vpc.vpcId} / ${vpc.subnetId}` : 'TCB_VPC_ID / TCB_SUBNET_ID not set — `npm run deploy` needs both (PostgreSQL is reached over the VPC)'}`);
  console.log(`  would run:   npx --yes ${TCB_CLI} login --apiKeyId … --apiKey …   (when TCB_API_KEY_ID / TCB_API_KEY are set)`);
  for (const x of selected) console.log(`               npx --yes ${TCB_CLI} fn deploy ${x.name} --force --yes -e <env> --config-file <rendered cloudbaserc.json>`);
  for (const x of selected.filter((y) => y.http)) console.log(`               npx --yes ${TCB_CLI} service create -p ${x.http.path} -f ${x.name} -e <env>   (the HTTP route; kept when it exists)`);
  const perms = selected.filter((x) => x.permissions.openapi.length);
  if (perms.length) console.log(`  by hand:     cloud-call permissions (config.json) reach CloudBase only through DevTools: ${perms.map((x) => x.name).join(', ')} (README, "Deploying the cloud functions to CloudBase")`);
  console.log(`  retired:     delete these if an earlier deployment has them (CloudBase keeps their timers): ${d.m.RETIRED_FUNCTIONS.join(', ')}`);
  process.exit(0);
}

// The real deployment.
const missing = [];
if (!envId) missing.push('TCB_ENV_ID (or CLOUD_ENV): the CloudBase environment id');
if (needsVpc && (!vpc.vpcId || !vpc.subnetId)) missing.push('TCB_VPC_ID and TCB_SUBNET_ID: the VPC and subnet of TencentDB for PostgreSQL');
if (missing.length) {
  console.error(`Not deployed: set ${missing.join('; ')}.`);
  process.exit(1);
}
// The file tcb reads, its placeholders rendered here: a variable left unset must stop us, not
// become an empty string in CloudBase.
const rendered = JSON.parse(
  JSON.stringify(rc)
    .replaceAll(JSON.stringify(d.m.ENV_ID_PLACEHOLDER), JSON.stringify(envId))
    .replaceAll(JSON.stringify(d.m.VPC_PLACEHOLDER.vpcId), JSON.stringify(vpc.vpcId))
    .replaceAll(JSON.stringify(d.m.VPC_PLACEHOLDER.subnetId), JSON.stringify(vpc.subnetId)),
);
rendered.functions = rendered.functions.filter((f) => selected.some((x) => x.name === f.name));
mkdirSync(join(root, '.build'), { recursive: true });
const renderedPath = join(root, '.build', 'cloudbaserc.deploy.json');
writeFileSync(renderedPath, JSON.stringify(rendered, null, 2) + '\n');

// English output (tcb picks Chinese for a zh LANG or any TCB_LANG), no stdin: a prompt fails at once instead of waiting.
const childEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
delete childEnv.TCB_LANG;
function tcb(tcbArgs, { quiet = false, secret = false } = {}) {
  if (!quiet) console.log(`$ tcb ${secret ? tcbArgs.map((a, i) => (tcbArgs[i - 1]?.startsWith('--apiKey') ? '***' : a)).join(' ') : tcbArgs.join(' ')}`);
  const r = spawnSync('npx', ['--yes', TCB_CLI, ...tcbArgs], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10 * 60_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (!quiet) process.stdout.write(out);
  return { ok: r.status === 0, out };
}

if (process.env.TCB_API_KEY_ID && process.env.TCB_API_KEY) {
  if (!tcb(['login', '--apiKeyId', process.env.TCB_API_KEY_ID, '--apiKey', process.env.TCB_API_KEY], { secret: true }).ok) {
    console.error('Not deployed: tcb login refused the API key (TCB_API_KEY_ID / TCB_API_KEY).');
    process.exit(1);
  }
} else console.log('TCB_API_KEY_ID / TCB_API_KEY not set: using the login tcb already has (`npx --yes ' + TCB_CLI + ' login` once by hand).');

const failed = [];
for (const x of selected) {
  // A trigger of the same name is not replaced by a deployment (tcb only warns): remove it first.
  for (const t of x.triggers) tcb(['fn', 'trigger', 'delete', x.name, t.name, '-e', envId, '--config-file', renderedPath], { quiet: true });
  const r = tcb(['fn', 'deploy', x.name, '--force', '--yes', '-e', envId, '--config-file', renderedPath]);
  const done = new RegExp(`\\[${x.name}\\] Cloud function (deployed|updated) successfully`).test(r.out);
  if (!r.ok || !done) failed.push(x.name);
  else if (x.http) {
    // The HTTP access route to it; one that exists already stays as it is.
    const route = tcb(['service', 'create', '-p', x.http.path, '-f', x.name, '-e', envId]);
    if (!route.ok && !/exist|已存在/i.test(route.out)) failed.push(`${x.name} (HTTP route ${x.http.path})`);
  }
}
if (failed.length) {
  console.error(`\nNot deployed: ${failed.join(', ')} (tcb's output above says why). The others are.`);
  process.exit(1);
}
console.log(`\n✓ ${selected.length} function(s) deployed to ${envId}, with their runtime, timeout, memory, timer triggers and VPC.`);
const perms = selected.filter((x) => x.permissions.openapi.length);
if (perms.length) console.log(`Still by hand, once and after a change: upload ${perms.map((x) => x.name).join(', ')} from WeChat DevTools so their cloud-call permissions (config.json) apply (README, "Deploying the cloud functions to CloudBase").`);
console.log(`Retired functions an earlier deployment may still have (delete them in the console or with tcb fn delete): ${d.m.RETIRED_FUNCTIONS.join(', ')}.`);
