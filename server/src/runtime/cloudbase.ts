import { AppError, type Envelope, internalErrorBody, systemClock } from '@bianmin/core';
import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../config';
import { openDatabase, type Db } from '../db/open';
import { createDepartmentClients } from '../departments/index';
import { createLogger, type Logger } from '../log';
import { wxSubscribeNotifier } from '../notify/wx-subscribe';
import { cloudPayProvider, type PaymentProvider } from '../payments/provider';
import { cloudbaseStorage, type CloudStorageSdk } from '../storage/cloudbase';
import { callerFromWXContext, type WXContextLike } from './caller';
import type { FunctionDefinition } from './define';
import { dispatch } from './dispatch';
import type { Deps } from './types';

interface WxServerSdk {
  init(opts: { env: unknown }): void;
  getWXContext(): WXContextLike;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: Parameters<typeof wxSubscribeNotifier>[0];
  cloudPay: Parameters<typeof cloudPayProvider>[0];
  downloadFile: CloudStorageSdk['downloadFile'];
  getTempFileURL: CloudStorageSdk['getTempFileURL'];
}

/** Process-wide wiring, built once per cold start and reused by every warm invocation. */
interface Wired {
  sdk: WxServerSdk;
  log: Logger;
  deps: Deps;
}

let wired: Wired | undefined;

function wire(): Wired {
  if (wired) return wired;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as WxServerSdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const config = loadConfig(process.env);
  const log = createLogger({ level: config.logLevel });
  let db: Promise<Db> | undefined;
  const deps: Deps = {
    log,
    db: () => {
      if (!config.databaseUrl) {
        log.error('DATABASE_URL is not set');
        return Promise.reject(new AppError('INTERNAL', '服务配置不完整，请稍后再试。'));
      }
      // A function instance handles one request at a time: a small pool is plenty.
      db ??= openDatabase({ url: config.databaseUrl, maxConnections: 2 }).then((d) => d.db);
      db.catch(() => (db = undefined));
      return db;
    },
    departments: createDepartmentClients(config.departments, { timeoutMs: config.departmentTimeoutMs, log }),
    calendar: chineseDaysCalendar(),
    notifier: wxSubscribeNotifier(sdk.openapi, config.reminderTemplateId),
    payments: config.pay
      ? cloudPayProvider(sdk.cloudPay, { ...config.pay, notifyFunction: 'payNotify' }, () => randomUUID().replace(/-/g, ''))
      : unconfiguredPayments(log),
    storage: cloudbaseStorage(() => sdk),
    tencentCloud: config.tencentCloud,
  };
  wired = { sdk, log, deps };
  return wired;
}

function unconfiguredPayments(log: Logger): PaymentProvider {
  return {
    async createPayment() {
      log.error('PAY_SUB_MCH_ID / TCB_ENV not set: cannot create WeChat Pay orders');
      throw new Error('payments not configured');
    },
  };
}

/** Only the wiring and the WeChat context are platform-specific; everything else is shared. */
export function wxContext(): { deps: Deps; log: Logger; source?: string } {
  const { sdk, deps, log } = wire();
  return { deps, log, source: sdk.getWXContext().SOURCE };
}

/**
 * The deployed entry: `exports.main = cloudbaseEntry(definition)`. It reads the caller exactly
 * once, from the WeChat context (never from the event payload), and hands everything else to
 * the same dispatcher the local gateway uses.
 */
export function cloudbaseEntry(def: FunctionDefinition) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const { sdk, deps, log } = wire();
      const caller = callerFromWXContext(sdk.getWXContext());
      const requestId = randomUUID();
      return await dispatch(def, event, { caller, clock: systemClock, deps, log: log.child({ requestId }), requestId });
    } catch (e) {
      // Only wiring can fail here (bad configuration); dispatch never throws.
      console.error('bianmin: function wiring failed', e instanceof Error ? e.message : e);
      return { ok: false, error: internalErrorBody() };
    }
  };
}

/** A timer-triggered entry: no caller, no action; runs one job at the current time. */
export function cloudbaseTimerEntry<R>(name: string, job: (deps: Deps, now: Date) => Promise<R>) {
  return async function main(): Promise<{ ok: boolean; result?: R }> {
    const { deps, log } = wire();
    try {
      const result = await job(deps, systemClock.now());
      log.info({ job: name, result }, 'timer job done');
      return { ok: true, result };
    } catch (e) {
      log.error({ job: name, err: e }, 'timer job failed');
      return { ok: false };
    }
  };
}
