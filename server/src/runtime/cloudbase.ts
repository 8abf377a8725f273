import { AppError, type Envelope, internalErrorBody, systemClock } from '@bianmin/core';
import { randomUUID } from 'node:crypto';
import { loadConfig, type ServerConfig } from '../config';
import { openDatabase, type Db } from '../db/open';
import { createLogger, type Logger } from '../log';
import { callerFromWXContext, type WXContextLike } from './caller';
import type { FunctionDefinition } from './define';
import { dispatch } from './dispatch';
import type { Deps } from './types';

interface WxServerSdk {
  init(opts: { env: unknown }): void;
  getWXContext(): WXContextLike;
  DYNAMIC_CURRENT_ENV: unknown;
}

/** Process-wide wiring, built once per cold start and reused by every warm invocation. */
interface Wired {
  config: ServerConfig;
  log: Logger;
  deps: Deps;
}

let wired: Wired | undefined;

function wire(): Wired {
  if (wired) return wired;
  const config = loadConfig(process.env);
  const log = createLogger({ level: config.logLevel });
  let db: Promise<Db> | undefined;
  const deps: Deps = {
    log,
    db: () => {
      if (!config.databaseUrl) {
        return Promise.reject(new AppError('INTERNAL', '服务配置不完整，请稍后再试。'));
      }
      // A function instance handles one request at a time: a small pool is plenty.
      db ??= openDatabase({ url: config.databaseUrl, maxConnections: 2 }).then((d) => d.db);
      db.catch(() => (db = undefined));
      return db;
    },
  };
  wired = { config, log, deps };
  return wired;
}

/**
 * The deployed entry: `exports.main = cloudbaseEntry(definition)`. It reads the caller exactly
 * once, from the WeChat context (never from the event payload), and hands everything else to
 * the same dispatcher the local gateway uses.
 */
export function cloudbaseEntry(def: FunctionDefinition) {
  let sdk: WxServerSdk | undefined;
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (!sdk) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        sdk = require('wx-server-sdk') as WxServerSdk;
        sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
      }
      const { deps, log } = wire();
      const caller = callerFromWXContext(sdk.getWXContext());
      const requestId = randomUUID();
      return await dispatch(def, event, { caller, clock: systemClock, deps, log: log.child({ requestId }), requestId });
    } catch (e) {
      // Only wiring can fail here (bad configuration); dispatch never throws.
      console.error('bianmin: function wiring failed', e);
      return { ok: false, error: internalErrorBody() };
    }
  };
}
