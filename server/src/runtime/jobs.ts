import type { DepartmentId } from '@bianmin/core';
import { DATABASE_ALLOWANCE_MS, WORKER_BUDGET_MS } from './budgets';
import type { Deps } from './types';

/**
 * A timer's rhythm: CloudBase reads the 7 fields (second minute hour day month weekday year) in
 * Beijing time, and takes at most one timer per function — so the jobs of one flow that share a
 * schedule share one worker function, and a flow's jobs share one schedule.
 */
export interface Schedule {
  /** The trigger's name, stable across deployments (`npm run deploy` replaces the trigger of this name). */
  name: string;
  cron: string;
}

export const EVERY_MINUTE: Schedule = { name: 'every-minute', cron: '0 * * * * * *' };
/** On the hour, Beijing time: work that must happen by day but not every minute (reminders to elderly residents). */
export const HOURLY: Schedule = { name: 'hourly', cron: '0 0 * * * * *' };
/** 03:00 Beijing time: the quietest hour. */
export const DAILY_0300: Schedule = { name: 'daily-0300', cron: '0 0 3 * * * *' };

/**
 * Whether a job may take one more item: only if the item's worst case (`itemMs`, the job's own
 * by default) still fits the run. A job asks before each item and stops when told no; what is
 * left waits for the next run, and nothing is lost (every item is a leased row).
 */
export interface RunBudget {
  allows(itemMs?: number): boolean;
}

export const unbounded: RunBudget = { allows: () => true };

/** A budget that lets one item through and no second: an expiry inside a resident's call. */
export function oneItem(): RunBudget {
  let used = false;
  return {
    allows: () => {
      if (used) return false;
      used = true;
      return true;
    },
  };
}

/**
 * A timer-driven job of a flow (or of the platform): what it is for, when it runs, the worst case
 * of one item, and what it reaches. The worker function that runs it on CloudBase, the local
 * stack's loop, its lever (`POST /api/__dev/jobs/<name>`) and its budget are derived from this.
 */
export interface Job {
  /** Stable and unique: the lever's path and the worker's report key. */
  name: string;
  /** What the job does, one line (the worker's purpose is its jobs'). */
  purpose: string;
  schedule: Schedule;
  /** The worst single item, ms, for a department timeout of `departmentTimeoutMs`. */
  itemMs(departmentTimeoutMs: number): number;
  run(deps: Deps, now: Date, budget: RunBudget): Promise<unknown>;
  /** How often the local stack runs it (ms); 0: only its lever does. */
  localEveryMs: number;
  /** Departments it calls (their endpoints become the worker's variables). */
  departments?: readonly DepartmentId[];
  /** Cloud calls (云调用) it makes. */
  openapi?: readonly string[];
  /** Variables it reads besides the database's and the departments'. */
  env?: { required?: readonly string[]; optional?: readonly string[] };
}

/** Typed identity: a job is data, run by whoever derives from it. */
export function defineJob(job: Job): Job {
  return job;
}

/** A worker function's worst case: its run budget, then the database: whatever the backlog. */
export const workerWorstCaseMs = () => WORKER_BUDGET_MS + DATABASE_ALLOWANCE_MS;

/**
 * One run of a worker: its jobs one after the other, each item taken only while it fits the run
 * (`elapsedMs` is the run's own stopwatch, never the domain clock). Locally the stack runs the
 * same jobs with no budget.
 */
export async function runJobs(
  jobs: readonly Job[],
  deps: Deps,
  now: Date,
  opts: { departmentTimeoutMs: number; elapsedMs: () => number; totalMs?: number },
): Promise<Record<string, unknown>> {
  const total = opts.totalMs ?? WORKER_BUDGET_MS;
  const report: Record<string, unknown> = {};
  for (const job of jobs) {
    const item = job.itemMs(opts.departmentTimeoutMs);
    report[job.name] = await job.run(deps, now, { allows: (ms = item) => opts.elapsedMs() + ms <= total });
  }
  return report;
}
