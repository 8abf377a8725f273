import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { openDatabase, type Database } from '@bianmin/server/db/open';
import { createDepartmentClients } from '@bianmin/server/departments/index';
import { recordingNotifier, type SubscribeMessage } from '@bianmin/server/notify/notifier';
import { sendDueReminders } from '@bianmin/server/reminders/reminders';
import { sandboxPaymentProvider } from '@bianmin/server/payments/provider';
import { closeExpiredOrders, processOutbox } from '@bianmin/server/payments/outbox';
import { confirmSandboxPayment } from './sandboxes/pay';
import { createLogger, type Logger, silentLogger } from '@bianmin/server/log';
import type { Deps } from '@bianmin/server/runtime/types';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localStorage, type LocalStorage } from '@bianmin/server/storage/index';
import { startTencentCloudSandbox, type TencentCloudSandbox } from './sandboxes/tencentcloud';
import { registerVehicleLicenseOcr } from './sandboxes/ocr';
import { RESIDENTS } from './fixtures';
import { FUNCTIONS } from './functions';
import { createGateway } from './gateway';
import { type Sandboxes, startSandboxes, stopSandboxes } from './sandboxes';

export interface StackOptions {
  /** 0 = any free port (tests). */
  port?: number;
  host?: string;
  /** postgres://… to use a real server; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite directory; omitted = in memory. */
  dataDir?: string;
  /** A database already opened by the caller (tests share one per file). */
  database?: Database;
  h5Dir?: string;
  log?: Logger | 'silent';
  departmentTimeoutMs?: number;
  /** How long a department health probe is trusted (default 30 s; 0 in tests, so a fault shows at once). */
  probeIntervalMs?: number;
  /** How long an identical department lookup is answered from cache (default 30 s). */
  departmentCacheTtlMs?: number;
  /** How often the background sender looks for due reminders; 0 = never (tests drive it). */
  reminderIntervalMs?: number;
  /** How often paid orders are posted to departments and expired ones closed; 0 = never (tests). */
  paymentsIntervalMs?: number;
  /** Where uploaded files are kept; omitted = a temporary directory removed on stop. */
  storageDir?: string;
}

export interface Stack {
  url: string;
  port: number;
  sandboxes: Sandboxes;
  database: Database;
  deps: Deps;
  /** What the local notifier was asked to send as WeChat subscribe messages. */
  subscribeMessages: SubscribeMessage[];
  /** Uploaded files (the gateway's POST /api/__dev/storage); tests may `put` directly. */
  storage: LocalStorage;
  /** The Tencent Cloud API stand-in (OCR, FaceID) the real SDK clients talk to. */
  tencentCloud: TencentCloudSandbox;
  stop(): Promise<void>;
}

export const DEFAULT_H5_DIR = resolve(__dirname, '../../client/dist/h5');

/**
 * The whole local stack in one process: the department sandboxes, the database (migrated), and
 * the gateway serving the h5 build and the cloud functions. `npm start` and the tests both use it.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log === 'silent' ? silentLogger : (opts.log ?? createLogger({ name: 'bianmin-dev' }));
  const ownsDatabase = !opts.database;
  const database = opts.database ?? (await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir }));
  const sandboxes = await startSandboxes(RESIDENTS);
  const tencentCloud = await startTencentCloudSandbox();
  registerVehicleLicenseOcr(tencentCloud, RESIDENTS);
  const ownsStorageDir = !opts.storageDir;
  const storageDir = opts.storageDir ?? mkdtempSync(join(tmpdir(), 'bianmin-storage-'));
  const storage = localStorage(storageDir);
  const notifier = recordingNotifier();
  const departments = createDepartmentClients(
    Object.fromEntries(Object.values(sandboxes).map((s) => [s.id, { baseUrl: s.url, apiKey: s.apiKey }])),
    { timeoutMs: opts.departmentTimeoutMs ?? 3000, probeIntervalMs: opts.probeIntervalMs, cacheTtlMs: opts.departmentCacheTtlMs, log },
  );
  const deps: Deps = { db: async () => database.db, log, departments, calendar: chineseDaysCalendar(), notifier,
    payments: sandboxPaymentProvider(),
    storage,
    tencentCloud: { secretId: tencentCloud.secretId, secretKey: tencentCloud.secretKey, region: 'ap-guangzhou', endpoint: tencentCloud.endpoint, protocol: 'http://' },
  };
  const server = createGateway({ functions: FUNCTIONS, deps, sandboxes, residents: RESIDENTS, h5Dir: opts.h5Dir ?? DEFAULT_H5_DIR, log, storage,
    confirmPayment: (orderId, now) => confirmSandboxPayment(deps, orderId, now),
    jobs: {
      reminders: (now) => sendDueReminders(deps, now),
      outbox: (now) => processOutbox(deps, now),
      expire: (now) => closeExpiredOrders(deps, now),
    },
  });
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 10086, opts.host ?? '127.0.0.1', () => ok());
    });
  } catch (e) {
    await stopSandboxes(sandboxes);
    await tencentCloud.stop();
    if (ownsStorageDir) rmSync(storageDir, { recursive: true, force: true });
    if (ownsDatabase) await database.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  // CloudBase fires the reminders function from a timer trigger; locally a loop does the same.
  const interval = opts.reminderIntervalMs ?? 30_000;
  const timer =
    interval > 0
      ? setInterval(() => {
          sendDueReminders(deps, new Date()).catch((e) => log.error({ err: e }, 'reminder loop failed'));
        }, interval)
      : undefined;
  timer?.unref();
  // …and the paymentsWorker timer: department postings from the outbox, expired orders.
  const paymentsInterval = opts.paymentsIntervalMs ?? 5_000;
  const paymentsTimer =
    paymentsInterval > 0
      ? setInterval(() => {
          const now = new Date();
          processOutbox(deps, now)
            .then(() => closeExpiredOrders(deps, now))
            .catch((e) => log.error({ err: e }, 'payments loop failed'));
        }, paymentsInterval)
      : undefined;
  paymentsTimer?.unref();
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sandboxes,
    database,
    deps,
    subscribeMessages: notifier.sent,
    storage,
    tencentCloud,
    stop: () =>
      (stopping ??= (async () => {
        if (timer) clearInterval(timer);
        if (paymentsTimer) clearInterval(paymentsTimer);
        server.closeAllConnections();
        await new Promise<void>((ok) => server.close(() => ok()));
        await stopSandboxes(sandboxes);
        await tencentCloud.stop();
        if (ownsDatabase) await database.close();
        if (ownsStorageDir) rmSync(storageDir, { recursive: true, force: true });
      })()),
  };
}
