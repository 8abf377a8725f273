/**
 * What `npm run deploy -- --dry-run` and the build check before anything reaches CloudBase, and
 * the two files the build writes from the declarations. Offline, `tcb` checks only that
 * cloudbaserc.json parses and has an envId: a runtime `Nodejs99`, a 5-field cron or a timeout
 * of 90 s would be found out at upload, or never (a timer that never fires).
 */
import { MAX_FUNCTION_TIMEOUT_S, timeoutFor } from './budgets';
import { CLOUDBASE_NODE_RUNTIMES, type Deployment, MEMORY_SIZES } from './deployment';

/** Placeholders tcb renders from the environment at deploy time (`{{env.X}}`); scripts/deploy.mjs renders them first. */
export const ENV_ID_PLACEHOLDER = '{{env.TCB_ENV_ID}}';
export const VPC_PLACEHOLDER = { vpcId: '{{env.TCB_VPC_ID}}', subnetId: '{{env.TCB_SUBNET_ID}}' } as const;

/** Fields of CloudBase's 7-field cron: second minute hour day-of-month month day-of-week year. */
const CRON_FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

/** Problems with one cron expression, in words; [] when CloudBase will take it. */
export function cronProblems(expr: string): string[] {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 7) {
    return [`cron "${expr}" has ${fields.length} fields; CloudBase wants 7 (second minute hour day month weekday year), read in Beijing time`];
  }
  const problems: string[] = [];
  fields.forEach((field, i) => {
    const f = CRON_FIELDS[i];
    const value = (v: string) => {
      const named = f.names?.indexOf(v.toUpperCase()) ?? -1;
      if (named >= 0) return f.min + named;
      return /^\d+$/.test(v) ? Number(v) : NaN;
    };
    for (const part of field.split(',')) {
      const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
      if (!m) {
        problems.push(`cron "${expr}": ${f.name} "${part}" is not a value, range, list or step`);
        continue;
      }
      if (m[2] !== undefined && Number(m[2]) < 1) problems.push(`cron "${expr}": ${f.name} step "${m[2]}" must be at least 1`);
      if (m[1] === '*') continue;
      const [from, to] = m[1].split('-').map(value);
      for (const v of [from, to].filter((x) => x !== undefined)) {
        if (!Number.isInteger(v) || v < f.min || v > f.max) problems.push(`cron "${expr}": ${f.name} "${m[1]}" is outside ${f.min}–${f.max}`);
      }
      if (to !== undefined && from > to) problems.push(`cron "${expr}": ${f.name} range "${m[1]}" runs backwards`);
    }
  });
  return problems;
}

/**
 * Every problem with one deployment, each naming the field; [] when it can be deployed.
 * `worstCaseMs` is the function's declared worst case (its flow's budget, a worker's run budget);
 * undefined when it declares none.
 */
export function deploymentProblems(d: Deployment, worstCaseMs: number | undefined): string[] {
  const p: string[] = [];
  const at = (field: string, problem: string) => p.push(`${d.name}: ${field} ${problem}`);
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(d.name)) at('name', `"${d.name}" is not a CloudBase function name`);
  if (!Object.prototype.hasOwnProperty.call(CLOUDBASE_NODE_RUNTIMES, d.runtime)) {
    at('runtime', `"${d.runtime}" is not a CloudBase Node.js runtime (${Object.keys(CLOUDBASE_NODE_RUNTIMES).join(', ')})`);
  }
  const min = worstCaseMs === undefined || !Number.isFinite(worstCaseMs) ? undefined : timeoutFor(worstCaseMs);
  if (!Number.isInteger(d.timeout) || d.timeout < 1 || d.timeout > MAX_FUNCTION_TIMEOUT_S) at('timeout', `${d.timeout} s is outside CloudBase's 1–${MAX_FUNCTION_TIMEOUT_S} s`);
  if (min === undefined) at('timeout', 'has no worst case (a flow declares `budget`, a worker runs within WORKER_BUDGET_MS)');
  else if (min > MAX_FUNCTION_TIMEOUT_S) at('timeout', `its worst case needs ${min} s, over CloudBase's ${MAX_FUNCTION_TIMEOUT_S} s: give it a run budget`);
  else if (d.timeout < min) at('timeout', `${d.timeout} s is below its worst case (${min} s with a cold start)`);
  if (!(MEMORY_SIZES as readonly number[]).includes(d.memorySize)) at('memorySize', `${d.memorySize} MB is not one of ${MEMORY_SIZES.join(', ')}`);
  const timers = d.triggers.filter((t) => t.type === 'timer');
  if (timers.length > 1) at('triggers', `has ${timers.length} timers; CloudBase takes one per function`);
  for (const t of d.triggers) {
    if (t.type !== 'timer') at('triggers', `"${t.name}" is a ${String(t.type)} trigger; the CLI deploys timer triggers only`);
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) at('triggers', `name "${t.name}" is not a trigger name`);
    for (const c of cronProblems(t.config)) at('triggers', c);
  }
  if (d.kind === 'timer' && timers.length === 0) at('triggers', 'none: a timer function that no timer fires never runs');
  if (d.kind !== 'timer' && timers.length > 0) at('triggers', `a ${d.kind} function has a timer, and would refuse it (SOURCE)`);
  const routed = d.kind === 'http' || d.kind === 'httpnotify';
  if (routed && !(d.http && /^\/[A-Za-z0-9/_-]{1,60}$/.test(d.http.path))) at('http', 'an http function needs its HTTP access path, e.g. { path: "/admin-api" }');
  if (!routed && d.http) at('http', `a ${d.kind} function has no HTTP access route`);
  for (const api of d.permissions.openapi) if (!/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/.test(api)) at('permissions.openapi', `"${api}" is not a cloud-call name (e.g. cloudPay.unifiedOrder)`);
  for (const name of [...d.env.required, ...d.env.optional]) if (!/^[A-Z][A-Z0-9_]*$/.test(name)) at('env', `"${name}" is not an environment variable name`);
  const both = d.env.required.filter((n) => d.env.optional.includes(n));
  if (both.length) at('env', `${both.join(', ')} both required and optional`);
  return p;
}

/** The DevTools `config.json` of one function (DevTools reads permissions from it; the CLI never does). */
export function devtoolsConfig(d: Deployment) {
  return {
    timeout: d.timeout,
    permissions: { openapi: d.permissions.openapi },
    ...(d.triggers.length ? { triggers: d.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })) } : {}),
  };
}

/**
 * The CLI's declarative file (cloudbaserc.json, version 2.0). envId and the VPC stay
 * placeholders: scripts/deploy.mjs renders them from TCB_ENV_ID / CLOUD_ENV and
 * TCB_VPC_ID / TCB_SUBNET_ID. No `envVariables`: the CLI replaces every variable of a function
 * with the ones it is given, and the values (keys, the database password) live in the console.
 */
export function cloudbaseRc(deployments: Deployment[]) {
  return {
    version: '2.0',
    envId: ENV_ID_PLACEHOLDER,
    functionRoot: './dist/cloudfunctions',
    functions: deployments.map((d) => ({
      name: d.name,
      handler: 'index.main',
      runtime: d.runtime,
      timeout: d.timeout,
      memorySize: d.memorySize,
      // wx-server-sdk stays outside the bundle (it misreads its own package.json when bundled):
      // CloudBase installs it from the function's package.json.
      installDependency: true,
      ignore: ['node_modules', 'node_modules/**/*'],
      ...(d.triggers.length ? { triggers: d.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })) } : {}),
      ...(d.vpc ? { vpc: { ...VPC_PLACEHOLDER } } : {}),
    })),
  };
}
