import { startNontaxSandbox, type NontaxSandbox } from './sandboxes/nontax';
import { sandboxNontaxProvider } from '@bianmin/server/payments/nontax';
import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { openDatabase, type Database } from '@bianmin/server/db/open';
import { createDepartmentClients } from '@bianmin/server/departments/index';
import { recordingNotifier, type SubscribeMessage } from '@bianmin/server/notify/notifier';
import { sandboxPaymentProvider } from '@bianmin/server/payments/provider';
import { postPaidOrder } from '@bianmin/server/payments/outbox';
import { FUNCTIONS as DEPLOYED, JOBS } from '@bianmin/server/functions';
import { PAYABLE_KINDS } from '@bianmin/server/flows/index';
import { payableKinds } from '@bianmin/server/payments/kinds';
import { unbounded } from '@bianmin/server/runtime/jobs';
import type { DepartmentId } from '@bianmin/core';
import { type PaySandbox, startPaySandbox } from './sandboxes/pay';
import { sandboxContentCheck, type SandboxContentCheck } from '@bianmin/server/content/sandbox';
import { createLogger, type Logger, silentLogger } from '@bianmin/server/log';
import type { Deps } from '@bianmin/server/runtime/types';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localStorage, type LocalStorage } from '@bianmin/server/storage/index';
import { startTencentCloudSandbox, type TencentCloudSandbox } from './sandboxes/tencentcloud';
import { type FaceIdSandbox, installFaceId } from './sandboxes/faceid';
import { tencentFaceVerifier } from '@bianmin/server/faceid/tencent';
import { weChatFaceVerifier } from '@bianmin/server/faceid/wechat';
import { weChatApi } from '@bianmin/server/wechat/api';
import { WECHAT_CALL_MS } from '@bianmin/server/runtime/budgets';
import { startWxFaceSandbox, type WxFaceSandbox } from './sandboxes/wxface';
import type { TencentCloudConfig } from '@bianmin/server/tencentcloud/config';
import { registerVehicleLicenseOcr } from './sandboxes/ocr';
import { RESIDENTS } from './fixtures';
import { FUNCTIONS } from './functions';
import { createGateway } from './gateway';
import { type Sandboxes, startSandboxes, stopSandboxes } from './sandboxes';
import { createHotlinePlatform, type HotlinePlatform } from './sandboxes/hotline';
import { createDevClock, type DevClock } from './clock';
import { databaseOverrides } from '@bianmin/server/notices/overrides';
import { adminFunction } from '@bianmin/server/admin/function';
import { wecomSignIn } from '@bianmin/server/admin/wecom';
import { reconcileDay, runDailyReconciliation, statementDayDue } from '@bianmin/server/reconcile/run';
import { NON_OPERATOR_MEMBER, OPERATORS, seedOperators } from './operators';
import { startWeComSandbox, type WeComSandbox } from './sandboxes/wecom';

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
  /**
   * The workers' local loops: CloudBase fires each worker's timer, locally a loop runs the
   * worker's jobs on the stack's clock. Omitted: every worker, each at its jobs' `localEveryMs`;
   * `false`: none (tests drive the jobs through their levers); an object: only the workers it
   * names (`paymentsWorker`, `ticketsWorker`…), every so many ms.
   */
  loops?: false | Partial<Record<string, number>>;
  /** Where uploaded files are kept; omitted = a temporary directory removed on stop. */
  storageDir?: string;
  /**
   * Post a payment to its department right after its notification is acknowledged, as a nudge
   * of the outbox (default true; tests that look at `paid` turn it off and drive the outbox).
   * Never inside the notification: WeChat Pay is answered first.
   */
  postAfterPayment?: boolean;
  /**
   * Sandboxes running elsewhere (the crash tests keep WeChat Pay and the departments alive in
   * their own process while this stack is killed). Omitted: the stack starts its own.
   */
  external?: { departments: Record<DepartmentId, { url: string; apiKey: string }>; pay: { url: string; apiKey: string }; nontax?: { url: string; apiKey: string; notifyKey: string } };
  /**
   * The 12345 platform's state. The platform is not ours and does not restart with us: a test
   * that restarts the stack passes the first stack's platform to the second.
   */
  hotline?: HotlinePlatform;
  /**
   * Where the 12345 platform sandbox keeps its tickets, events and numbering when the stack starts
   * its own (`npm start`: under .data/), so that a restart on the same data numbers on.
   */
  hotlineStateFile?: string;
  /**
   * The stack's clock starts here (`DEV_NOW`) and runs forward in real time; omitted = the real
   * clock until the clock lever sets it. Jobs, sandboxes and calls without X-Dev-Now read it.
   */
  devNow?: Date;
  /** How long what operators published is read from memory before the database is asked again (default 5 s; 0 in tests). */
  overridesTtlMs?: number;
  /** The operator console's build (default console/dist, `npm run build:console`). */
  consoleDir?: string;
}

export interface Stack {
  url: string;
  port: number;
  /** The stack's one clock (DEV_NOW, `/api/__dev/clock`). */
  clock: DevClock;
  /** Empty when the sandboxes are external. */
  sandboxes: Sandboxes;
  /** The WeChat Pay sandbox (undefined when external). */
  pay?: PaySandbox;
  /** WeChat's 非税缴费 platform (the fines' channel). */
  nontax?: NontaxSandbox;
  database: Database;
  deps: Deps;
  /** What the local notifier was asked to send as WeChat subscribe messages. */
  subscribeMessages: SubscribeMessage[];
  /** WeChat error codes the local notifier answers the next sends with (43101: no grant left). */
  subscribeRefusals: number[];
  /** Uploaded files (the gateway's POST /api/__dev/storage); tests may `put` directly. */
  storage: LocalStorage;
  /** The Tencent Cloud API stand-in (OCR, FaceID) the real SDK clients talk to. */
  tencentCloud: TencentCloudSandbox;
  /** FaceID's checks on that sandbox: decide one as the tester would on its page. */
  faceId: FaceIdSandbox;
  /** WeChat's 人脸核身 2.0 server API and the phone's face step (`wx.requestFacialVerify`). */
  wxFace: WxFaceSandbox;
  /** What the local content check was asked (texts, images), and its busy switch. */
  contentCheck: SandboxContentCheck;
  /** The 12345 platform sandbox's tickets and events. */
  hotline: HotlinePlatform;
  /** WeChat Work, for the console's sign-in. */
  wecom: WeComSandbox;
  stop(): Promise<void>;
}

/** The collecting unit the local fines are paid to (a city traffic police detachment's 执收单位编码 and 行政区划代码 are made up here). */
const LOCAL_NONTAX = { appId: 'wxsandboxnontax00', departmentCode: '110100000001', departmentName: '市公安局交通管理局', regionCode: '110100' };

/** The local stack's key for ID-number hashes (deployed: INSURANCE_ID_HASH_KEY). */
const DEV_ID_HASH_KEY = 'bianmin-dev-only-id-hash-key-not-for-production';
/** The local stack's key for the account audit's hashes (deployed: ACCOUNT_AUDIT_KEY). */
const DEV_ACCOUNT_AUDIT_KEY = 'bianmin-dev-only-account-audit-key-not-for-production';

export const DEFAULT_H5_DIR = resolve(__dirname, '../../client/dist/h5');
export const DEFAULT_CONSOLE_DIR = resolve(__dirname, '../../console/dist');

/**
 * The whole local stack in one process: the department sandboxes, the database (migrated), and
 * the gateway serving the h5 build and the cloud functions. `npm start` and the tests both use it.
 */
export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log === 'silent' ? silentLogger : (opts.log ?? createLogger({ name: 'bianmin-dev' }));
  const ownsDatabase = !opts.database;
  const database = opts.database ?? (await openDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir }));
  const clock = createDevClock({ start: opts.devNow });
  const hotline = opts.hotline ?? createHotlinePlatform({ clock, stateFile: opts.hotlineStateFile });
  const sandboxes = opts.external ? ({} as Sandboxes) : await startSandboxes(RESIDENTS, { hotline, clock });
  const pay = opts.external ? undefined : await startPaySandbox({ clock });
  const payEndpoint = opts.external?.pay ?? { url: pay!.url, apiKey: pay!.apiKey };
  const nontax = opts.external ? undefined : await startNontaxSandbox({ clock });
  const nontaxEndpoint = opts.external?.nontax ?? (nontax && { url: nontax.url, apiKey: nontax.apiKey, notifyKey: nontax.notifyKey });
  const endpoints = opts.external?.departments ?? Object.fromEntries(Object.values(sandboxes).map((s) => [s.id, { url: s.url, apiKey: s.apiKey }]));
  // Tencent Cloud checks each request's signature time against its own clock, and the SDK signs
  // with the real one: this sandbox stays on real time whatever the stack's clock says.
  const tencentCloud = await startTencentCloudSandbox();
  const faceId = installFaceId(tencentCloud, RESIDENTS);
  // WeChat's face API: verify_id lifetimes on the stack's clock, like the pages' and the jobs'.
  const wxFace = await startWxFaceSandbox(RESIDENTS, { now: () => clock.now().getTime() });
  const tencentCloudConfig: TencentCloudConfig = { secretId: tencentCloud.secretId, secretKey: tencentCloud.secretKey, region: 'ap-guangzhou', endpoint: tencentCloud.endpoint, protocol: 'http://' };
  registerVehicleLicenseOcr(tencentCloud, RESIDENTS);
  const ownsStorageDir = !opts.storageDir;
  const storageDir = opts.storageDir ?? mkdtempSync(join(tmpdir(), 'bianmin-storage-'));
  const storage = localStorage(storageDir);
  const notifier = recordingNotifier();
  const departments = createDepartmentClients(
    Object.fromEntries(Object.entries(endpoints).map(([id, e]) => [id, { baseUrl: e.url, apiKey: e.apiKey }])),
    { timeoutMs: opts.departmentTimeoutMs ?? 3000, probeIntervalMs: opts.probeIntervalMs, cacheTtlMs: opts.departmentCacheTtlMs, log, tell: clock.at },
  );
  const contentCheck = sandboxContentCheck();
  await seedOperators(database.db);
  const wecom = await startWeComSandbox({ members: [...OPERATORS.map((o) => ({ userid: o.wecomUserId, name: o.name })), NON_OPERATOR_MEMBER] });
  const deps: Deps = { db: async () => database.db, log, departments, calendar: chineseDaysCalendar(), notifier,
    overrides: databaseOverrides(async () => database.db, { ttlMs: opts.overridesTtlMs ?? 5000, log }),
    payments: sandboxPaymentProvider(payEndpoint),
    ...(nontaxEndpoint ? { nontax: sandboxNontaxProvider(nontaxEndpoint, LOCAL_NONTAX) } : {}),
    // One process serves every function locally: every payable kind.
    payables: payableKinds(PAYABLE_KINDS),
    storage,
    tencentCloud: tencentCloudConfig,
    realName: {
      providers: {
        faceid: tencentFaceVerifier(tencentCloudConfig, { ruleId: faceId.ruleId, log }),
        wechat: weChatFaceVerifier(weChatApi({ appId: wxFace.appId, appSecret: wxFace.appSecret, baseUrl: wxFace.url }, { timeoutMs: WECHAT_CALL_MS, log }), { log }),
      },
      idHashKey: DEV_ID_HASH_KEY,
    },
    accountAuditKey: DEV_ACCOUNT_AUDIT_KEY,
    contentCheck,
  };
  const postAfterPayment = opts.postAfterPayment ?? true;
  const server = createGateway({ functions: FUNCTIONS, deps, sandboxes, residents: RESIDENTS, h5Dir: opts.h5Dir ?? DEFAULT_H5_DIR, log, storage, clock,
    departmentEndpoints: endpoints,
    pay: pay && { sandbox: pay },
    nontax: nontaxEndpoint && { sandbox: nontax, notifyKey: nontaxEndpoint.notifyKey },
    payNotifyKey: payEndpoint.apiKey,
    afterPayment: postAfterPayment
      ? (orderId, now) => {
          postPaidOrder(deps, orderId, now).catch((e) => log.error({ err: e, order: orderId }, 'posting after payment failed'));
        }
      : undefined,
    faceId,
    wxFace,
    hotline,
    contentCheck,
    // Every job of every worker, by name, as CloudBase's timer would run it (with no budget)…
    jobs: {
      ...Object.fromEntries([...JOBS].map(([name, job]) => [name, (now: Date) => job.run(deps, now, unbounded)])),
      // …except that the reconciliation's lever does yesterday again even when it was done: people and tests rerun it.
      reconcile: async (now: Date) => {
        const day = statementDayDue(now);
        return day ? reconcileDay(deps, day, now, { rerun: true }) : runDailyReconciliation(deps, now);
      },
    },
    admin: { admin: adminFunction, deps, log, consoleDir: opts.consoleDir ?? DEFAULT_CONSOLE_DIR },
  });
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 10086, opts.host ?? '127.0.0.1', () => ok());
    });
  } catch (e) {
    await stopSandboxes(sandboxes);
    await pay?.stop();
    await nontax?.stop();
    await tencentCloud.stop();
    await wecom.stop();
    await wxFace.stop();
    if (ownsStorageDir) rmSync(storageDir, { recursive: true, force: true });
    if (ownsDatabase) await database.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  pay?.setNotifyUrl(`http://127.0.0.1:${port}/api/__dev/wxpay/notify`);
  nontax?.setNotifyUrl(`http://127.0.0.1:${port}/api/__dev/nontax/notify`);
  // WeChat Work sends the operator back to the console, whose address is known only now.
  deps.wecom = wecomSignIn({ corpId: wecom.corpId, agentId: wecom.agentId, secret: wecom.secret, redirectUri: `http://127.0.0.1:${port}/admin/`, apiBase: wecom.url, loginUrl: `${wecom.url}/wwlogin/sso/login` });
  // CloudBase fires the workers' timers; locally a loop per worker does the same, on the stack's
  // clock: the one the pages and the sandboxes read, so an order made on the demo date expires on
  // the demo date. Its jobs run one after the other, as in the worker.
  const timers = DEPLOYED.flatMap((fn) => {
    if (fn.handler.kind !== 'timer') return [];
    const jobs = fn.handler.jobs;
    const every = opts.loops === undefined ? Math.min(...jobs.map((j) => j.localEveryMs)) : opts.loops === false ? 0 : (opts.loops[fn.name] ?? 0);
    if (!(every > 0)) return [];
    const timer = setInterval(() => {
      const now = clock.now();
      void (async () => {
        for (const job of jobs) await job.run(deps, now, unbounded);
      })().catch((e: unknown) => log.error({ err: e, worker: fn.name }, 'worker loop failed'));
    }, every);
    timer.unref();
    return [timer];
  });
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    clock,
    sandboxes,
    pay,
    nontax,
    database,
    deps,
    subscribeMessages: notifier.sent,
    subscribeRefusals: notifier.refusals,
    storage,
    tencentCloud,
    faceId,
    wxFace,
    contentCheck,
    hotline,
    wecom,
    stop: () =>
      (stopping ??= (async () => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        await new Promise<void>((ok) => server.close(() => ok()));
        await stopSandboxes(sandboxes);
        await pay?.stop();
        await nontax?.stop();
        await tencentCloud.stop();
        await wecom.stop();
        await wxFace.stop();
        if (ownsDatabase) await database.close();
        if (ownsStorageDir) rmSync(storageDir, { recursive: true, force: true });
      })()),
  };
}
