/**
 * How long each cloud function may run, and why. CloudBase kills a function at its config.json
 * `timeout` (1–60 s; 3 s when unset), so every worst case below has to fit under it — checked by
 * budgets.test.ts against the config files. A function killed mid-call loses nothing (every
 * write is a transaction, every job row a lease), but a resident waits and WeChat Pay retries.
 */

/** CloudBase's ceiling for a function's `timeout`. */
export const MAX_FUNCTION_TIMEOUT_S = 60;

/** DEPT_TIMEOUT_MS may not exceed this (config validation): the budgets below assume it. */
export const MAX_DEPARTMENT_TIMEOUT_MS = 5000;
/** The department client makes one retry (departments/client.ts): two calls at most. */
export const DEPARTMENT_ATTEMPTS = 2;
/** …with at most this backoff between them. */
export const DEPARTMENT_RETRY_DELAY_MS = 800;
/** A health probe waits at most this (departments/client.ts). */
export const HEALTH_PROBE_MS = 1500;
/** Each cloudPay call (unifiedOrder, queryOrder, closeOrder, refund) is given up after this. */
export const PAY_CALL_TIMEOUT_MS = 5000;
/** Opening the database on a cold instance plus a handful of queries. */
export const DATABASE_ALLOWANCE_MS = 3000;

/** One department call, retries included. */
export const departmentCallMs = (timeoutMs: number) => timeoutMs * DEPARTMENT_ATTEMPTS + DEPARTMENT_RETRY_DELAY_MS;

/** The worst single item of each payments job. */
export const jobItemMs = (departmentTimeoutMs: number) => ({
  /** One posting to a department. */
  outbox: departmentCallMs(departmentTimeoutMs),
  /** queryOrder, closeOrder (ORDERPAID), queryOrder again. */
  expiry: 3 * PAY_CALL_TIMEOUT_MS,
  /** One refund request. */
  refunds: PAY_CALL_TIMEOUT_MS,
});
export type PaymentsJob = keyof ReturnType<typeof jobItemMs>;

/** The paymentsWorker stops taking items when the next one might not finish within this. */
export const PAYMENTS_WORKER_BUDGET_MS = MAX_FUNCTION_TIMEOUT_S * 1000 - DATABASE_ALLOWANCE_MS - 5000;

/**
 * The reminders function reads each bound account's bills (one department call each) after the
 * opening reminders; it takes no further account when the next read might not finish within this.
 */
export const REMINDERS_BUDGET_MS = MAX_FUNCTION_TIMEOUT_S * 1000 - DATABASE_ALLOWANCE_MS - 5000;

/** Worst case of each function, in ms, for the largest allowed department timeout. */
export function worstCaseMs(departmentTimeoutMs = MAX_DEPARTMENT_TIMEOUT_MS): Record<string, number> {
  return {
    // pay: availability probe, the bill read fresh from the department, unifiedOrder.
    bills: HEALTH_PROBE_MS + departmentCallMs(departmentTimeoutMs) + PAY_CALL_TIMEOUT_MS + DATABASE_ALLOWANCE_MS,
    // Records the payment and answers: no department, no WeChat call.
    payNotify: DATABASE_ALLOWANCE_MS,
    // Bounded by its run budget (below), whatever the backlog.
    paymentsWorker: PAYMENTS_WORKER_BUDGET_MS + DATABASE_ALLOWANCE_MS,
    // services.list probes the departments in parallel.
    services: HEALTH_PROBE_MS + DATABASE_ALLOWANCE_MS,
    messages: DATABASE_ALLOWANCE_MS,
  };
}

/** Lets a job take one more item only if its worst case still fits the run. */
export interface RunBudget {
  allows(job: PaymentsJob): boolean;
}

export const unbounded: RunBudget = { allows: () => true };

/** `elapsedMs` is the run's own stopwatch (performance.now), not the domain clock. */
export function runBudget(totalMs: number, departmentTimeoutMs: number, elapsedMs: () => number): RunBudget {
  const item = jobItemMs(departmentTimeoutMs);
  return { allows: (job) => elapsedMs() + item[job] <= totalMs };
}

/** Gives up waiting on a call that has no deadline of its own (the cloudPay SDK). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
