import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEPLOYMENTS } from '../server/src/functions';
import { cloudbaseRc, devtoolsConfig } from '../server/src/runtime/deployment-check';

const ROOT = join(__dirname, '..');
const declared = [...DEPLOYMENTS];

/**
 * `npm run deploy -- --dry-run` against a build of its own (stub bundles, the files the build
 * writes from the declarations), under the repository's .build/ so the declarations' imports
 * resolve; each test breaks one thing and reads the exit code and the words.
 */
describe('npm run deploy -- --dry-run', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(ROOT, '.build', `deploy-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cloudbaserc.json'), JSON.stringify(cloudbaseRc(declared), null, 2));
    for (const d of declared) {
      const out = join(dir, 'dist', 'cloudfunctions', d.name);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'index.js'), 'exports.main = async () => ({});\n');
      writeFileSync(join(out, 'package.json'), JSON.stringify({ name: d.name, main: 'index.js' }));
      writeFileSync(join(out, 'config.json'), JSON.stringify(devtoolsConfig(d)));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const dryRun = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/deploy.mjs'), '--dry-run'], {
      cwd: ROOT,
      env: { ...process.env, BIANMIN_DEPLOY_DIR: dir, TCB_ENV_ID: '', CLOUD_ENV: '', TCB_API_KEY_ID: '', TCB_API_KEY: '', ...env },
      encoding: 'utf8',
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const editRc = (edit: (rc: ReturnType<typeof cloudbaseRc>) => void) => {
    const path = join(dir, 'cloudbaserc.json');
    const rc = JSON.parse(readFileSync(path, 'utf8')) as ReturnType<typeof cloudbaseRc>;
    edit(rc);
    writeFileSync(path, JSON.stringify(rc));
  };

  it('lists every function with runtime, timeout, memory, triggers, permissions and variable names, and passes', () => {
    const { status, out } = dryRun();
    expect(status).toBe(0);
    for (const d of declared) {
      const block = out.slice(out.indexOf(`${d.name} — `));
      expect(block).toMatch(new RegExp(`runtime +${d.runtime.replace('.', '\\.')} \\(Node \\d+\\.\\d+\\.\\d+\\)`));
      expect(block).toMatch(new RegExp(`timeout +${d.timeout} s`));
      expect(block).toMatch(new RegExp(`memory +${d.memorySize} MB`));
      expect(block).toContain(`env required ${d.env.required.join(', ')}`);
      if (d.permissions.openapi.length) expect(block).toContain(`permissions  ${d.permissions.openapi.join(', ')}`);
    }
    expect(out).toContain('insuranceWorker — ');
    expect(out).toContain('hourly: timer "0 0 * * * * *" (Beijing time)');
    expect(out).toContain(`✓ ${declared.length} function(s) can be deployed.`);
    expect(out).toContain('needs TCB_ENV_ID (or CLOUD_ENV)');
  });

  it.each([
    ['an unknown runtime', (rc: ReturnType<typeof cloudbaseRc>) => (rc.functions[0].runtime = 'Nodejs99' as never), 'runtime "Nodejs99" is not a CloudBase Node.js runtime'],
    ['a runtime changed by hand to the CLI’s default 18.15 (valid, but not what was declared)', (rc: ReturnType<typeof cloudbaseRc>) => (rc.functions[0].runtime = 'Nodejs18.15'), 'cloudbaserc.json differs from its declaration'],
    ['a 5-field cron', (rc: ReturnType<typeof cloudbaseRc>) => (rc.functions.find((f) => f.name === 'insuranceWorker')!.triggers![0].config = '30 19 * * *'), 'has 5 fields; CloudBase wants 7'],
    ['a timeout over 60 s', (rc: ReturnType<typeof cloudbaseRc>) => (rc.functions[0].timeout = 90), "90 s is outside CloudBase's 1–60 s"],
    ['a traffic timeout of 10 s', (rc: ReturnType<typeof cloudbaseRc>) => (rc.functions.find((f) => f.name === 'traffic')!.timeout = 10), 'traffic: timeout 10 s is below its worst case'],
    ['a function left out', (rc: ReturnType<typeof cloudbaseRc>) => rc.functions.splice(1, 1), 'not in cloudbaserc.json'],
    ['no envId at all', (rc: ReturnType<typeof cloudbaseRc>) => (rc.envId = ''), 'envId "" is neither'],
  ])('fails on %s, naming it', (_l, edit, problem) => {
    editRc(edit);
    const { status, out } = dryRun();
    expect(status).toBe(1);
    expect(out).toContain(problem);
    expect(out).toContain('nothing would be deployed');
  });

  it('fails when a bundle was not built', () => {
    rmSync(join(dir, 'dist', 'cloudfunctions', 'tickets', 'index.js'));
    const { status, out } = dryRun();
    expect(status).toBe(1);
    expect(out).toContain('tickets: dist/cloudfunctions/tickets/index.js is missing');
  });

  it('fails when config.json does not carry the declared permissions', () => {
    writeFileSync(join(dir, 'dist', 'cloudfunctions', 'bills', 'config.json'), JSON.stringify({ timeout: 30, permissions: { openapi: [] } }));
    const { status, out } = dryRun();
    expect(status).toBe(1);
    expect(out).toContain('bills: dist/cloudfunctions/bills/config.json differs from its declaration');
  });

  it('fails on a function in cloudbaserc.json that nothing declares (a retired one, a hand edit)', () => {
    editRc((rc) => rc.functions.push({ ...rc.functions[0], name: 'reminders' }));
    const { status, out } = dryRun();
    expect(status).toBe(1);
    expect(out).toContain('cloudbaserc.json: function reminders is not declared by any flow or the platform');
  });
});
