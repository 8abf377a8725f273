import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config';
import { createDepartmentClient } from '../departments/client';
import { silentLogger } from '../log';
import {
  DATABASE_ALLOWANCE_MS,
  DEPARTMENT_ATTEMPTS,
  departmentCallMs,
  jobItemMs,
  MAX_DEPARTMENT_TIMEOUT_MS,
  MAX_FUNCTION_TIMEOUT_S,
  PAYMENTS_WORKER_BUDGET_MS,
  runBudget,
  worstCaseMs,
} from './budgets';

const FUNCTIONS_DIR = join(__dirname, '../../../cloudfunctions');
const functions = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const timeoutOf = (fn: string) => (JSON.parse(readFileSync(join(FUNCTIONS_DIR, fn, 'config.json'), 'utf8')) as { timeout?: number }).timeout;

describe('function timeouts against their worst cases', () => {
  it.each(functions)('%s declares a timeout CloudBase accepts (1–60 s; unset means 3 s)', (fn) => {
    const t = timeoutOf(fn);
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(1);
    expect(t).toBeLessThanOrEqual(MAX_FUNCTION_TIMEOUT_S);
  });

  // reminders' worst case is its sending loop (issue 7 part B); every other function is budgeted here.
  it.each(Object.entries(worstCaseMs()))('%s ends before its timeout even with departments at the largest allowed timeout (worst %i ms)', (fn, worst) => {
    expect(functions).toContain(fn);
    expect(worst).toBeLessThan(timeoutOf(fn)! * 1000);
  });

  it('keeps department timeout × attempts below every function that calls a department', () => {
    const call = departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS);
    expect(call).toBe(MAX_DEPARTMENT_TIMEOUT_MS * DEPARTMENT_ATTEMPTS + 800);
    for (const fn of ['bills', 'paymentsWorker']) expect(call).toBeLessThan(timeoutOf(fn)! * 1000);
  });

  it('answers WeChat Pay within payNotify’s timeout without any department call in it', () => {
    expect(worstCaseMs().payNotify).toBe(DATABASE_ALLOWANCE_MS);
    expect(worstCaseMs().payNotify).toBeLessThan(timeoutOf('payNotify')! * 1000);
  });

  it('refuses a DEPT_TIMEOUT_MS above the budgeted maximum at cold start', () => {
    expect(() => loadConfig({ DEPT_TIMEOUT_MS: String(MAX_DEPARTMENT_TIMEOUT_MS + 1) })).toThrow(/DEPT_TIMEOUT_MS/);
    expect(loadConfig({ DEPT_TIMEOUT_MS: String(MAX_DEPARTMENT_TIMEOUT_MS) }).departmentTimeoutMs).toBe(MAX_DEPARTMENT_TIMEOUT_MS);
  });

  it('stops a paymentsWorker run from starting an item that might not finish within its budget', () => {
    let elapsed = 0;
    const budget = runBudget(PAYMENTS_WORKER_BUDGET_MS, MAX_DEPARTMENT_TIMEOUT_MS, () => elapsed);
    const item = jobItemMs(MAX_DEPARTMENT_TIMEOUT_MS);
    expect(budget.allows('expiry')).toBe(true);
    elapsed = PAYMENTS_WORKER_BUDGET_MS - item.expiry + 1;
    expect(budget.allows('expiry')).toBe(false);
    expect(budget.allows('refunds')).toBe(true);
    elapsed = PAYMENTS_WORKER_BUDGET_MS - item.outbox;
    expect(budget.allows('outbox')).toBe(true);
  });

  it('makes exactly DEPARTMENT_ATTEMPTS calls to a failing department, as the arithmetic assumes', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"code":"SYS_BUSY"}');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const client = createDepartmentClient({ id: 'water', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'k', timeoutMs: 1000, log: silentLogger, cacheTtlMs: 0 });
      await expect(client.write('/payments', { orderId: 'BM1' }, z.object({}))).rejects.toBeDefined();
      expect(hits).toBe(DEPARTMENT_ATTEMPTS);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });
});
