import { CALL_TIMEOUT_MS } from '@bianmin/core/call-timeout';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config';
import { createDepartmentClient } from '../departments/client';
import { silentLogger } from '../log';
import { TICKET_VIDEO_MAX_BYTES } from '../storage/limits';
import {
  DATABASE_ALLOWANCE_MS,
  DEPARTMENT_ATTEMPTS,
  departmentCallMs,
  jobItemMs,
  MAX_DEPARTMENT_TIMEOUT_MS,
  MAX_FUNCTION_TIMEOUT_S,
  memoryFor,
  oneItem,
  PAYMENTS_WORKER_BUDGET_MS,
  PEAK_FILE_BYTES,
  RUNTIME_BASELINE_MB,
  runBudget,
  STORAGE_CALL_MS,
  storageReadMs,
  TICKET_MEDIA_MS,
  worstCaseMs,
} from './budgets';
import type { Deployment } from './deployment';
import { deploymentProblems } from './deployment-check';

const FUNCTIONS_DIR = join(__dirname, '../../../cloudfunctions');
const functions = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FUNCTIONS_DIR, d.name, 'index.ts')))
  .map((d) => d.name);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const declared = (fn: string) => (require(join(FUNCTIONS_DIR, fn, 'function.ts')) as { deployment: Deployment }).deployment;

describe('function timeouts against their worst cases', () => {
  it('has a worst case for every deployed function, and none for a function that does not exist', () => {
    expect(Object.keys(worstCaseMs()).sort()).toEqual([...functions].sort());
  });

  it.each(functions)('%s declares a timeout from its budget: above its worst case, within CloudBase’s 60 s', (fn) => {
    const d = declared(fn);
    expect(d.name).toBe(fn);
    expect(deploymentProblems(d)).toEqual([]);
    expect(d.timeout * 1000).toBeGreaterThan(worstCaseMs()[fn]);
    expect(d.timeout).toBeLessThanOrEqual(MAX_FUNCTION_TIMEOUT_S);
  });

  it.each([
    ['traffic', 10],
    ['insurance', 15],
    ['bills', 30],
  ])('would refuse the %s timeout of %i s the hand-written config.json had', (fn, seconds) => {
    expect(deploymentProblems({ ...declared(fn), timeout: seconds })).toEqual([expect.stringMatching(new RegExp(`^${fn}: timeout ${seconds} s is below its worst case`))]);
  });

  it('refuses a function with no worst case, and a timeout over 60 s', () => {
    expect(deploymentProblems({ ...declared('messages'), name: 'newFunction' })).toEqual([expect.stringContaining('has no worst case in runtime/budgets.ts')]);
    expect(deploymentProblems({ ...declared('messages'), timeout: 61 })).toEqual([expect.stringContaining("outside CloudBase's 1–60 s")]);
  });

  it('keeps the client’s call timeout above every function a resident calls, so a slow answer still reaches the phone', () => {
    const resident = functions.map(declared).filter((d) => d.kind === 'resident');
    expect(resident.map((d) => d.name).sort()).toEqual(['bills', 'insurance', 'messages', 'services', 'tickets', 'traffic']);
    for (const d of resident) expect(CALL_TIMEOUT_MS).toBeGreaterThan(d.timeout * 1000);
    expect(worstCaseMs().bills).toBeLessThan(CALL_TIMEOUT_MS);
  });

  it('keeps department timeout × attempts below every function that calls a department', () => {
    const call = departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS);
    expect(call).toBe(MAX_DEPARTMENT_TIMEOUT_MS * DEPARTMENT_ATTEMPTS + 800);
    for (const fn of ['bills', 'traffic', 'insurance', 'tickets', 'paymentsWorker', 'reminders', 'ticketsWorker', 'mediaCheckNotify']) expect(call).toBeLessThan(declared(fn).timeout * 1000);
  });

  it('answers WeChat Pay within payNotify’s timeout without any department call in it', () => {
    expect(worstCaseMs().payNotify).toBe(DATABASE_ALLOWANCE_MS);
    expect(worstCaseMs().payNotify).toBeLessThan(declared('payNotify').timeout * 1000);
  });

  it('gives a ticket’s files enough time for the sizes and the largest allowed file, and memory for the most held at once', () => {
    expect(2 * STORAGE_CALL_MS + storageReadMs(TICKET_VIDEO_MAX_BYTES)).toBeLessThanOrEqual(TICKET_MEDIA_MS);
    const tickets = declared('tickets');
    expect(tickets.memorySize).toBe(memoryFor(PEAK_FILE_BYTES.tickets));
    expect(tickets.memorySize).toBeGreaterThanOrEqual(RUNTIME_BASELINE_MB + (2 * PEAK_FILE_BYTES.tickets) / 2 ** 20);
  });

  it('lets a resident’s call expire one superseded order with WeChat Pay, never a second', () => {
    const b = oneItem();
    expect(b.allows('expiry')).toBe(true);
    expect(b.allows('expiry')).toBe(false);
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
