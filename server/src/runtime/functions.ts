import type { DepartmentId } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, MAX_DEPARTMENT_TIMEOUT_MS, memoryFor, timeoutFor } from './budgets';
import { COMMON_OPTIONAL_ENV, type Deployment, departmentEnv, DEPARTMENT_OPTIONAL_ENV, type FunctionKind, FUNCTION_RUNTIME } from './deployment';
import type { Dispatchable } from './dispatch';
import type { Flow } from './flow';
import { type Job, workerWorstCaseMs } from './jobs';
import type { Deps } from './types';
import type { AdminDefinition } from '../admin/define';
import type { ServerConfig } from '../config';
import { NONTAX_ENV } from '../payments/channels';
import type { PaymentChannel } from '../payments/kinds';

/** What a deployed function does with an invocation, by who invokes it. */
export type Handler =
  /** The mini-program: `{ action, ...params }` → envelope, through dispatch. */
  | { kind: 'resident'; def: Dispatchable }
  /** Its timer: the jobs, one after the other, within the run budget. */
  | { kind: 'timer'; jobs: readonly Job[] }
  /** WeChat Pay's notifications: `{ errcode, errmsg }`, or WeChat retries. */
  | { kind: 'paycallback'; handle(deps: Deps, event: unknown, source: string | undefined, now: Date): Promise<{ errcode: number; errmsg: string }> }
  /** WeChat's message push: whatever WeChat expects back; throwing asks it to push again. */
  | { kind: 'push'; handle(deps: Deps, event: unknown, now: Date): Promise<unknown> }
  /** The operator console over CloudBase's HTTP access service at `path`: a bearer token, never a resident. */
  | { kind: 'http'; def: AdminDefinition; path: string }
  /** A payment channel's signed notifications over HTTPS at `path` (WeChat 非税): no caller, the signature is the gate. */
  | { kind: 'httpnotify'; path: string; handle(deps: Deps, config: ServerConfig, body: unknown, now: Date): Promise<{ errcode: number; errmsg: string }> };

/**
 * Where the build finds a function's handler, so that its bundle carries that and no more: the
 * module (from server/src, no extension) and the export that is the handler's substance — a
 * flow (`flows/<flow>/flow`, `<flow>Flow`), a flow's jobs alone (`flows/<flow>/jobs`,
 * `<flow>Jobs`), a receiver (`flows/<flow>/receivers`, its function's name), a platform
 * handler. flows/registry.test.ts checks that each export is the very handler declared.
 */
export interface Source {
  module: string;
  export: string;
  /** For a module of payable kinds: the channels those kinds pay through (the deployment needs each one's variables). */
  channels?: readonly PaymentChannel[];
}

/** One cloud function as deployed: derived from a flow's declaration or declared by the platform. */
export interface DeployedFunction {
  name: string;
  /** One line (the dry run prints it). */
  purpose: string;
  handler: Handler;
  source: Source;
  departments: readonly DepartmentId[];
  /** Cloud calls (云调用): `config.json` `permissions.openapi`. */
  openapi: readonly string[];
  /** Variables beyond the database's, the log level and the departments' (which are derived). */
  env: { required: readonly string[]; optional: readonly string[] };
  peakFileBytes: number;
  /** The modules whose payable kinds its entry wires into `Deps.payables` (flows/<flow>/payables). */
  payables: readonly Source[];
  /** The worst case of one invocation, ms, for a department timeout of `departmentTimeoutMs`. */
  worstCaseMs(departmentTimeoutMs: number): number;
}

const kindOf = (h: Handler): FunctionKind => h.kind;
const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** WeChat Pay's cloud calls of a function that sells: unifiedOrder, and queryOrder/closeOrder for the in-call expiry of a superseded or outpriced order. */
export const PAYING_OPENAPI = ['cloudPay.unifiedOrder', 'cloudPay.queryOrder', 'cloudPay.closeOrder'] as const;
/** The WeChat Pay sub-merchant every function that creates, queries, closes or refunds an order needs. */
export const PAY_ENV = 'PAY_SUB_MCH_ID';

/** Where a flow's payable kinds are exported from: the entries of the functions serving them import them there. */
export const payablesSource = (flow: Pick<Flow, 'name' | 'payables'>): Source => ({
  module: `flows/${flow.name}/payables`,
  export: `${flow.name}Payables`,
  channels: unique(flow.payables.map((k) => k.channel)),
});

/**
 * Whether a function calls the 非税 channel: it serves a kind paying through it, and is not a
 * notification receiver (those record a payment and call no channel).
 */
const callsNontax = (fn: DeployedFunction) => fn.handler.kind !== 'paycallback' && fn.handler.kind !== 'httpnotify' && fn.payables.some((s) => s.channels?.includes('nontax'));

/**
 * The functions a flow deploys: its resident function (`<flow>`), a worker (`<flow>Worker`) when
 * it has jobs, and each message-push receiver. `everyPayable` is where every flow's payable kinds
 * are exported (for a flow that presents them all).
 */
export function flowFunctions(flow: Flow, everyPayable: readonly Source[] = []): DeployedFunction[] {
  const sells = flow.payables.length > 0;
  // WeChat Pay's cloud calls and sub-merchant only for kinds it takes (fines go to 非税 over HTTPS, deploymentOf).
  const cloudpay = flow.payables.some((k) => k.channel === 'cloudpay');
  const out: DeployedFunction[] = [
    {
      name: flow.name,
      purpose: flow.purpose,
      handler: { kind: 'resident', def: flow },
      source: { module: `flows/${flow.name}/flow`, export: `${flow.name}Flow` },
      departments: flow.departments,
      openapi: unique([...(cloudpay ? PAYING_OPENAPI : []), ...(flow.deployment.openapi ?? [])]),
      env: { required: [...(cloudpay ? [PAY_ENV] : []), ...(flow.deployment.env?.required ?? [])], optional: [...(flow.deployment.env?.optional ?? [])] },
      peakFileBytes: flow.deployment.peakFileBytes ?? 0,
      payables: flow.everyPayable ? everyPayable : sells ? [payablesSource(flow)] : [],
      worstCaseMs: flow.budget,
    },
  ];
  if (flow.jobs.length) out.push(workerFunction(`${flow.name}Worker`, flow.jobs, { module: `flows/${flow.name}/jobs`, export: `${flow.name}Jobs` }));
  for (const r of flow.receivers) {
    out.push({
      name: r.name,
      purpose: r.purpose,
      handler: { kind: 'push', handle: r.handle },
      source: { module: `flows/${flow.name}/receivers`, export: r.name },
      departments: r.departments,
      openapi: [],
      env: { required: [], optional: [] },
      peakFileBytes: 0,
      payables: [],
      worstCaseMs: r.worstCaseMs,
    });
  }
  return out;
}

/** A timer function running `jobs` (one schedule: CloudBase takes one timer per function). */
export function workerFunction(
  name: string,
  jobs: readonly Job[],
  source: Source,
  extra: { env?: { required?: readonly string[] }; departments?: readonly DepartmentId[]; payables?: readonly Source[] } = {},
): DeployedFunction {
  return {
    name,
    purpose: jobs.map((j) => j.purpose).join('; '),
    handler: { kind: 'timer', jobs },
    source,
    departments: unique([...(extra.departments ?? []), ...jobs.flatMap((j) => j.departments ?? [])]),
    openapi: unique(jobs.flatMap((j) => j.openapi ?? [])),
    env: {
      required: unique([...(extra.env?.required ?? []), ...jobs.flatMap((j) => j.env?.required ?? [])]),
      optional: unique(jobs.flatMap((j) => j.env?.optional ?? [])),
    },
    peakFileBytes: 0,
    payables: extra.payables ?? [],
    worstCaseMs: workerWorstCaseMs,
  };
}

/** A message-push receiver's usual worst case: one department write and the database. */
export const receiverWorstCaseMs = (departmentTimeoutMs: number) => departmentCallMs(departmentTimeoutMs) + DATABASE_ALLOWANCE_MS;

/** How a function is deployed (runtime/deployment.ts), derived: nothing here is typed by hand. */
export function deploymentOf(fn: DeployedFunction): Deployment {
  const schedules = fn.handler.kind === 'timer' ? unique(fn.handler.jobs.map((j) => j.schedule)) : [];
  const nontax = callsNontax(fn);
  return {
    name: fn.name,
    purpose: fn.purpose,
    kind: kindOf(fn.handler),
    runtime: FUNCTION_RUNTIME,
    timeout: timeoutFor(fn.worstCaseMs(MAX_DEPARTMENT_TIMEOUT_MS)),
    memorySize: memoryFor(fn.peakFileBytes),
    triggers: schedules.map((s) => ({ name: s.name, type: 'timer' as const, config: s.cron })),
    vpc: true,
    permissions: { openapi: [...fn.openapi] },
    env: {
      required: unique(['DATABASE_URL', ...departmentEnv(fn.departments), ...fn.env.required, ...(nontax ? NONTAX_ENV.required : [])]),
      optional: unique([...COMMON_OPTIONAL_ENV, ...(fn.departments.length ? DEPARTMENT_OPTIONAL_ENV : []), ...fn.env.optional, ...(nontax ? NONTAX_ENV.optional : [])]),
    },
    ...(fn.handler.kind === 'http' || fn.handler.kind === 'httpnotify' ? { http: { path: fn.handler.path } } : {}),
  };
}
