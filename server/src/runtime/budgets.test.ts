import { CALL_TIMEOUT_MS } from '@bianmin/core/call-timeout';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { loadConfig } from '../config';
import { createDepartmentClient } from '../departments/client';
import { FUNCTIONS } from '../functions';
import { silentLogger } from '../log';
import { TICKET_VIDEO_MAX_BYTES } from '../storage/limits';
import {
  DATABASE_ALLOWANCE_MS,
  DEPARTMENT_ATTEMPTS,
  departmentCallMs,
  MAX_DEPARTMENT_TIMEOUT_MS,
  MAX_FUNCTION_TIMEOUT_S,
  memoryFor,
  PAY_CALL_TIMEOUT_MS,
  PEAK_FILE_BYTES,
  RUNTIME_BASELINE_MB,
  STORAGE_CALL_MS,
  storageReadMs,
  TICKET_MEDIA_MS,
  WORKER_BUDGET_MS,
} from './budgets';
import { deploymentProblems } from './deployment-check';
import { type DeployedFunction, deploymentOf } from './functions';
import { oneItem, runJobs, unbounded } from './jobs';

const byName = (name: string): DeployedFunction => FUNCTIONS.find((f) => f.name === name)!;
const deployed = (name: string) => deploymentOf(byName(name));
const worst = (name: string) => byName(name).worstCaseMs(MAX_DEPARTMENT_TIMEOUT_MS);

describe('function timeouts against their worst cases', () => {
  it.each(FUNCTIONS.map((f) => [f.name]))('%s declares a timeout from its budget: above its worst case, within CloudBase’s 60 s', (name) => {
    const d = deployed(name);
    expect(deploymentProblems(d, worst(name))).toEqual([]);
    expect(d.timeout * 1000).toBeGreaterThan(worst(name));
    expect(d.timeout).toBeLessThanOrEqual(MAX_FUNCTION_TIMEOUT_S);
  });

  it.each([
    ['traffic', 10],
    ['insurance', 15],
    ['bills', 30],
  ])('would refuse the %s timeout of %i s the hand-written config.json had', (fn, seconds) => {
    expect(deploymentProblems({ ...deployed(fn), timeout: seconds }, worst(fn))).toEqual([expect.stringMatching(new RegExp(`^${fn}: timeout ${seconds} s is below its worst case`))]);
  });

  it('refuses a function with no worst case, and a timeout over 60 s', () => {
    expect(deploymentProblems({ ...deployed('messages'), name: 'newFunction' }, undefined)).toEqual([expect.stringContaining('has no worst case')]);
    expect(deploymentProblems({ ...deployed('messages'), timeout: 61 }, worst('messages'))).toEqual([expect.stringContaining("outside CloudBase's 1–60 s")]);
  });

  it('keeps the client’s call timeout above every function a resident calls, so a slow answer still reaches the phone', () => {
    const resident = FUNCTIONS.filter((f) => f.handler.kind === 'resident');
    expect(resident.map((f) => f.name).sort()).toEqual(['bills', 'insurance', 'me', 'messages', 'payments', 'services', 'tickets', 'traffic']);
    for (const f of resident) expect(CALL_TIMEOUT_MS).toBeGreaterThan(deploymentOf(f).timeout * 1000);
    expect(worst('bills')).toBeLessThan(CALL_TIMEOUT_MS);
  });

  it('keeps department timeout × attempts below every function that calls a department', () => {
    const call = departmentCallMs(MAX_DEPARTMENT_TIMEOUT_MS);
    expect(call).toBe(MAX_DEPARTMENT_TIMEOUT_MS * DEPARTMENT_ATTEMPTS + 800);
    // `services` reaches every department with a health probe only (HEALTH_PROBE_MS), never a call.
    const calling = FUNCTIONS.filter((f) => f.departments.length && f.name !== 'services');
    expect(calling.map((f) => f.name).sort()).toEqual(['bills', 'billsWorker', 'insurance', 'mediaCheckNotify', 'opsWorker', 'payments', 'paymentsWorker', 'servicesWorker', 'tickets', 'ticketsWorker', 'traffic']);
    for (const f of calling) expect(call).toBeLessThan(deploymentOf(f).timeout * 1000);
  });

  it('answers WeChat Pay within payNotify’s timeout without any department call in it', () => {
    expect(worst('payNotify')).toBe(DATABASE_ALLOWANCE_MS);
    expect(worst('payNotify')).toBeLessThan(deployed('payNotify').timeout * 1000);
  });

  it('gives a ticket’s files enough time for the sizes and the largest allowed file, and memory for the most held at once', () => {
    expect(2 * STORAGE_CALL_MS + storageReadMs(TICKET_VIDEO_MAX_BYTES)).toBeLessThanOrEqual(TICKET_MEDIA_MS);
    const tickets = deployed('tickets');
    expect(tickets.memorySize).toBe(memoryFor(PEAK_FILE_BYTES.tickets));
    expect(tickets.memorySize).toBeGreaterThanOrEqual(RUNTIME_BASELINE_MB + (2 * PEAK_FILE_BYTES.tickets) / 2 ** 20);
  });

  it('lets a resident’s call expire one superseded order with WeChat Pay, never a second', () => {
    const b = oneItem();
    expect(b.allows()).toBe(true);
    expect(b.allows()).toBe(false);
  });

  it('refuses a DEPT_TIMEOUT_MS above the budgeted maximum at cold start', () => {
    expect(() => loadConfig({ DEPT_TIMEOUT_MS: String(MAX_DEPARTMENT_TIMEOUT_MS + 1) })).toThrow(/DEPT_TIMEOUT_MS/);
    expect(loadConfig({ DEPT_TIMEOUT_MS: String(MAX_DEPARTMENT_TIMEOUT_MS) }).departmentTimeoutMs).toBe(MAX_DEPARTMENT_TIMEOUT_MS);
  });

  it('stops a worker’s job from starting an item that might not finish within the run budget, each job by its own item cost', async () => {
    let elapsed = 0;
    const asked: Record<string, boolean[]> = {};
    const job = (name: string, itemMs: number) => ({
      name,
      purpose: name,
      schedule: { name: 'every-minute', cron: '0 * * * * * *' },
      itemMs: () => itemMs,
      localEveryMs: 0,
      run: async (_d: unknown, _n: Date, budget: { allows(ms?: number): boolean }) => (asked[name] = [budget.allows(), budget.allows(1)]),
    });
    elapsed = WORKER_BUDGET_MS - 3 * PAY_CALL_TIMEOUT_MS + 1;
    await runJobs([job('expire', 3 * PAY_CALL_TIMEOUT_MS), job('refunds', PAY_CALL_TIMEOUT_MS)], {} as never, new Date(), { departmentTimeoutMs: MAX_DEPARTMENT_TIMEOUT_MS, elapsedMs: () => elapsed });
    expect(asked).toEqual({ expire: [false, true], refunds: [true, true] });
    expect(unbounded.allows(Number.MAX_SAFE_INTEGER)).toBe(true);
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
