import { AppError, type Envelope, internalErrorBody, systemClock } from '@bianmin/core';
import { chineseDaysCalendar } from '@bianmin/core/availability/index';
import { randomUUID } from 'node:crypto';
import { loadConfig, type ServerConfig } from '../config';
import { openDatabase, type Db } from '../db/open';
import { createDepartmentClients } from '../departments/index';
import { type SecurityOpenApi, wxContentCheck } from '../content/wx';
import { createLogger, flushLog, type Logger } from '../log';
import { wxSubscribeNotifier } from '../notify/wx-subscribe';
import { type PayableKind, payableKinds } from '../payments/kinds';
import { cloudPayProvider, type PaymentProvider } from '../payments/provider';
import { cloudbaseStorage, type CloudStorageSdk } from '../storage/cloudbase';
import { performance } from 'node:perf_hooks';
import { WECHAT_CALL_MS, withTimeout } from './budgets';
import { callerFromWXContext, wxContextFromEnv, type WXContextLike } from './caller';
import { ConfigurationError, missingVariables, withoutBlanks } from './cold-start';
import type { Deployment } from './deployment';
import { type Dispatchable, dispatch } from './dispatch';
import type { Handler } from './functions';
import { type Job, runJobs } from './jobs';
import { databaseOverrides } from '../notices/overrides';
import type { AdminDefinition } from '../admin/define';
import { type HttpAnswer, type HttpEvent, operatorHttpEntry } from '../admin/http-entry';
import { callContext, type Deps } from './types';

interface WxServerSdk {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: Parameters<typeof wxSubscribeNotifier>[0] & SecurityOpenApi;
  cloudPay: Parameters<typeof cloudPayProvider>[0];
  downloadFile: CloudStorageSdk['downloadFile'];
  getTempFileURL: CloudStorageSdk['getTempFileURL'];
}

/**
 * A notice an operator publishes reaches every warm function instance within this: the guard
 * and the hub read the snapshot from memory, and one query per instance per TTL refreshes it.
 */
export const OVERRIDES_TTL_MS = 15_000;

/** Process-wide wiring, built once per cold start and reused by every warm invocation. */
export interface Wired {
  config: ServerConfig;
  log: Logger;
  deps: Deps;
}

let wired: Wired | undefined;
/** A configuration that cannot work stays refused for the instance's life: said once in the log. */
let refused: ConfigurationError | undefined;
let sdkLoaded: WxServerSdk | undefined;

/**
 * wx-server-sdk, loaded and initialised on first use: only cloudPay, subscribe messages, the
 * content check and cloud storage need it. Requiring it costs ~350 ms, 73% of a cold
 * `bills.bill` before this (npm run bench); the caller comes from the environment instead.
 */
function sdk(): WxServerSdk {
  if (sdkLoaded) return sdkLoaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('wx-server-sdk') as WxServerSdk;
  loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV });
  return (sdkLoaded = loaded);
}

/** The WeChat context of this invocation, read as getWXContext() reads it (runtime/caller.ts). */
function context(): WXContextLike {
  return wxContextFromEnv(process.env);
}

/** What one function adds to the shared wiring (e.g. insurance's FaceID client): only its bundle carries it. */
export type WireExtra = (config: ServerConfig, log: Logger) => Partial<Deps>;

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/**
 * One line for the function's log (CloudBase keeps stdout and stderr) in pino's shape, written
 * before any logger exists: the configuration that failed may be LOG_LEVEL's own (an unknown
 * level logs everything rather than nothing).
 */
function earlyLog(level: 'warn' | 'error', line: Record<string, unknown>): void {
  if (LEVELS[level] < (LEVELS[process.env.LOG_LEVEL?.trim() ?? ''] ?? LEVELS.info)) return;
  process.stderr.write(`${JSON.stringify({ level: LEVELS[level], time: new Date().toISOString(), svc: 'bianmin', ...line })}\n`);
}

/** Names the variables, never their values, and carries no stack: it would only say "cold start". */
function logRefusal(fn: string, e: ConfigurationError): void {
  earlyLog('error', { fn, variables: e.variables, msg: `configuration refused: ${e.detail}` });
}

/**
 * Checks the variables the function's declaration requires, then the values of all
 * (config.ts), once per cold start. A blank value (empty, spaces, an unrendered `{{env.X}}`) is
 * unset: required ones refuse the configuration, optional ones fall back to their default.
 */
function configure(deployment: Deployment): ServerConfig {
  if (refused) throw refused;
  const missing = missingVariables(process.env, deployment.env.required);
  try {
    if (missing.length) throw new ConfigurationError(missing, `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set (an empty value or an unrendered {{env.…}} counts as unset)`);
    try {
      return loadConfig(withoutBlanks(process.env));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new ConfigurationError([...new Set([...detail.matchAll(/\b([A-Z][A-Z0-9_]{2,}):/g)].map((m) => m[1]))], detail);
    }
  } catch (e) {
    refused = e as ConfigurationError;
    logRefusal(deployment.name, refused);
    throw refused;
  }
}

export function wire(deployment: Deployment, extra?: WireExtra): Wired {
  if (wired) return wired;
  const config = configure(deployment);
  const log = createLogger({ level: config.logLevel });
  let db: Promise<Db> | undefined;
  // The SDK's cloud calls have no deadline of their own: ours keep each function inside its budget.
  const openapi = (): SecurityOpenApi & Parameters<typeof wxSubscribeNotifier>[0] => {
    const o = sdk().openapi;
    return {
      security: {
        msgSecCheck: (a) => withTimeout(o.security.msgSecCheck(a), WECHAT_CALL_MS, 'security.msgSecCheck'),
        mediaCheckAsync: (a) => withTimeout(o.security.mediaCheckAsync(a), WECHAT_CALL_MS, 'security.mediaCheckAsync'),
      },
      subscribeMessage: { send: (a) => withTimeout(o.subscribeMessage.send(a), WECHAT_CALL_MS, 'subscribeMessage.send') },
    };
  };
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
    notifier: wxSubscribeNotifier({ subscribeMessage: { send: (a) => openapi().subscribeMessage.send(a) } }, config.reminderTemplateId, 'formal', config.ticketTemplateId),
    payments: config.pay
      ? cloudPayProvider(
          {
            unifiedOrder: (a) => sdk().cloudPay.unifiedOrder(a),
            queryOrder: (a) => sdk().cloudPay.queryOrder(a),
            closeOrder: (a) => sdk().cloudPay.closeOrder(a),
            refund: (a) => sdk().cloudPay.refund(a),
            downloadBill: (a) => sdk().cloudPay.downloadBill!(a),
          },
          { ...config.pay, notifyFunction: 'payNotify' },
          () => randomUUID().replace(/-/g, ''),
        )
      : unconfiguredPayments(log),
    // A function serving payable kinds is wired with them by its entry (servingPayables).
    payables: payableKinds([]),
    storage: cloudbaseStorage(sdk),
    tencentCloud: config.tencentCloud,
    contentCheck: wxContentCheck(openapi),
  };
  // What operators published, read once per OVERRIDES_TTL_MS by each warm instance.
  deps.overrides = databaseOverrides(deps.db, { ttlMs: OVERRIDES_TTL_MS, log });
  if (extra) Object.assign(deps, extra(config, log));
  wired = { config, log, deps };
  return wired;
}

function unconfiguredPayments(log: Logger): PaymentProvider {
  const fail = async (): Promise<never> => {
    log.error('PAY_SUB_MCH_ID / TCB_ENV not set: cannot reach WeChat Pay');
    throw new Error('payments not configured');
  };
  return { createPayment: fail, queryOrder: fail, closeOrder: fail, refund: fail };
}

/**
 * The wiring of a function that serves payable kinds (its flow's, or every flow's): those kinds
 * as `Deps.payables`, beside whatever else `extra` wires. The build's entry names the kinds'
 * modules (DeployedFunction.payables), so a bundle carries only the kinds it serves.
 */
export function servingPayables(kinds: readonly PayableKind[], extra?: WireExtra, channels: ChannelClients = {}): WireExtra {
  const payables = payableKinds(kinds);
  // A kind on WeChat's 非税 channel (fines) needs that channel's client beside WeChat Pay's.
  const nontax = kinds.some((k) => k.channel === 'nontax') ? channels.nontax : undefined;
  return (config, log) => ({ ...extra?.(config, log), payables, ...(nontax ? { nontax: nontax(config, log) } : {}) });
}

/**
 * The clients of the channels besides WeChat Pay, passed by the entries of the functions that
 * call them (payments/nontax.ts' nontaxChannel): the other bundles never carry them.
 */
export interface ChannelClients {
  nontax?: (config: ServerConfig, log: Logger) => PaymentProvider;
}

/** What one function's entry adds to the shared wiring: its flow's own (FaceID for insurance). */
export interface EntryExtras {
  wire?: WireExtra;
}

/**
 * A deployed function's `main`, made from its deployment and its handler: the build writes each
 * function's entry as `export const main = cloudbaseMain(<deployment>, <handler>, <extras>)`,
 * importing only that function's handler (functions.ts, `Source`).
 */
export function cloudbaseMain(deployment: Deployment, handler: Handler, extras: EntryExtras = {}) {
  switch (handler.kind) {
    case 'resident':
      return residentEntry(deployment, handler.def, extras.wire);
    case 'timer':
      return timerEntry(deployment, handler.jobs, extras.wire);
    case 'paycallback':
      return payCallbackEntry(deployment, handler.handle, extras.wire);
    case 'push':
      return pushEntry(deployment, handler.handle, extras.wire);
    case 'http':
      return httpEntry(deployment, handler.def, extras.wire ?? handler.def.wire);
    case 'httpnotify':
      return httpNotifyEntry(deployment, handler.handle, extras.wire);
  }
}

/** A notification is a few hundred bytes; anything near this is not one. */
export const NOTIFY_MAX_BODY_BYTES = 16 * 1024;

const notifyAnswer = (statusCode: number, a: { errcode: number; errmsg: string }): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(a),
  isBase64Encoded: false,
});

/**
 * The entry of a payment channel's notifications over CloudBase's HTTP access service (WeChat
 * 非税): anyone can reach the route, so the handler checks the signature before it reads anything.
 * An answer other than `errcode: 0` — or a 5xx after a fault — makes the channel notify again.
 */
export function httpNotifyEntry(deployment: Deployment, handle: Extract<Handler, { kind: 'httpnotify' }>['handle'], extra?: WireExtra) {
  return async function main(event: HttpEvent): Promise<HttpAnswer> {
    if (String(event?.httpMethod ?? '').toUpperCase() !== 'POST') return notifyAnswer(405, { errcode: 1, errmsg: 'POST only' });
    let text = typeof event.body === 'string' ? event.body : '';
    if (event.isBase64Encoded === true || event.isBase64Encoded === 'true') text = Buffer.from(text, 'base64').toString('utf8');
    if (Buffer.byteLength(text) > NOTIFY_MAX_BODY_BYTES) return notifyAnswer(413, { errcode: 1, errmsg: 'too large' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return notifyAnswer(400, { errcode: 1, errmsg: 'not JSON' });
    }
    let w: Wired;
    try {
      w = wire(deployment, extra);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) console.error(`bianmin: ${deployment.name} wiring failed`, e instanceof Error ? e.name : typeof e);
      return notifyAnswer(500, { errcode: 1, errmsg: 'temporary failure' });
    }
    try {
      const a = await handle(w.deps, w.config, body, systemClock.now());
      await flushLog(w.log);
      return notifyAnswer(200, a);
    } catch (e) {
      w.log.error({ fn: deployment.name, err: e }, 'notification not handled');
      await flushLog(w.log);
      return notifyAnswer(500, { errcode: 1, errmsg: 'temporary failure' });
    }
  };
}

/**
 * The operator console's entry (CloudBase's HTTP access service): an operator's bearer token and
 * the envelope as the body, answered by the admin dispatcher; no WeChat caller is ever read.
 */
export function httpEntry(deployment: Deployment, def: AdminDefinition, extra: WireExtra | undefined = def.wire) {
  return operatorHttpEntry(deployment, def, (d) => wire(d, extra));
}

/**
 * A resident function's entry. It reads the caller exactly once, from the WeChat context (never
 * from the event payload), and hands everything else to the same dispatcher the local gateway uses.
 */
export function residentEntry(deployment: Deployment, def: Dispatchable, extra?: WireExtra) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    let w: Wired;
    try {
      w = wire(deployment, extra);
    } catch (e) {
      // A refused configuration, said once in the log (configure): every call gets the plain INTERNAL.
      if (!(e instanceof ConfigurationError)) console.error('bianmin: function wiring failed', e instanceof Error ? e.name : typeof e);
      return { ok: false, error: internalErrorBody() };
    }
    const caller = callerFromWXContext(context());
    const answer = await dispatch(def, event, callContext({ caller, clock: systemClock, deps: w.deps, requestId: randomUUID() }, w.log));
    // An instance may be frozen once it has answered: its lines leave first.
    await flushLog(w.log);
    return answer;
  };
}

/**
 * WeChat Pay's notification entry: its SOURCE (wx_paycallback) comes from the WeChat context,
 * never from the event. Anything but an acknowledgement makes WeChat Pay deliver it again, which
 * is what we want after a fault.
 */
export function payCallbackEntry(deployment: Deployment, handle: Extract<Handler, { kind: 'paycallback' }>['handle'], extra?: WireExtra) {
  return async function main(event: unknown): Promise<{ errcode: number; errmsg: string }> {
    try {
      const { deps } = wire(deployment, extra);
      return await handle(deps, event, context().SOURCE, new Date());
    } catch (e) {
      // A refused configuration was said once at cold start; anything else is said here.
      if (!(e instanceof ConfigurationError)) console.error(`bianmin: ${deployment.name} failed`, e instanceof Error ? e.message : e);
      return { errcode: 1, errmsg: 'temporary failure' };
    }
  };
}

/** The SOURCE CloudBase gives a timer trigger's invocation; nothing else may run a timer job. */
export const TIMER_SOURCE = 'wx_trigger';

export type TimerAnswer<R> = { ok: true; result: R } | { ok: false; refused?: 'source' };

/**
 * A timer-triggered entry: no caller, no action; runs the worker's jobs at the current time. A deployed
 * function can also be invoked by a client (wx.cloud.callFunction) or over HTTP: only a call
 * whose WeChat context says it came from the timer trigger runs the job — the event is never
 * asked, since whoever calls chooses the event. The source is checked before the configuration:
 * a forged call learns nothing about it.
 */
export function timerEntry(deployment: Deployment, jobs: readonly Job[], extra?: WireExtra) {
  const name = deployment.name;
  return async function main(): Promise<TimerAnswer<Record<string, unknown>>> {
    const source = context().SOURCE;
    if (source !== TIMER_SOURCE) {
      earlyLog('warn', { job: name, source: String(source ?? '').slice(0, 40), msg: 'timer job refused: not the timer trigger' });
      return { ok: false, refused: 'source' };
    }
    let log: Logger | undefined;
    try {
      const w = wire(deployment, extra);
      log = w.log;
      // The run's own stopwatch, not the domain clock: it must end before its declared timeout.
      const started = performance.now();
      const result = await runJobs(jobs, w.deps, systemClock.now(), { departmentTimeoutMs: w.config.departmentTimeoutMs, elapsedMs: () => performance.now() - started });
      log.info({ job: name, result }, 'timer job done');
      await flushLog(log);
      return { ok: true, result };
    } catch (e) {
      if (log) {
        log.error({ job: name, err: e }, 'timer job failed');
        await flushLog(log);
      } else if (!(e instanceof ConfigurationError)) console.error('bianmin: timer wiring failed', e instanceof Error ? e.name : typeof e);
      return { ok: false };
    }
  };
}

/**
 * Sources a person or another trigger can produce (getWXContext's documented values). WeChat's
 * message push (消息推送) to a function has no documented SOURCE of its own, so a push receiver
 * refuses these rather than accepting one name; the README also has its security rule refuse
 * every client invocation (`"invoke": false`).
 */
const NOT_A_PUSH = new Set(['wx_client', 'wx_http', 'wx_devtools', 'wx_localdebug', 'wx_crawler', 'wx_trigger', 'wx_paycallback', 'wx_unknown', 'scf']);

export type PushAnswer<R> = R | { ok: false; refused?: 'source' };

/**
 * The entry of a function WeChat's message push invokes (configured in the console): the event
 * is WeChat's message as JSON. A call whose context names a client, a timer, the pay callback or
 * another function is refused before anything is read.
 */
export function pushEntry(deployment: Deployment, handle: Extract<Handler, { kind: 'push' }>['handle'], extra?: WireExtra) {
  const name = deployment.name;
  return async function main(event: unknown): Promise<PushAnswer<unknown>> {
    const source = String(context().SOURCE ?? '');
    if (source.split(',').some((s) => NOT_A_PUSH.has(s.trim()))) {
      earlyLog('warn', { fn: name, source: source.slice(0, 40), msg: 'push refused: not WeChat’s message push' });
      return { ok: false, refused: 'source' };
    }
    let w: Wired;
    try {
      w = wire(deployment, extra);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) console.error('bianmin: push wiring failed', e instanceof Error ? e.name : typeof e);
      return { ok: false };
    }
    try {
      const answer = await handle(w.deps, event, systemClock.now());
      await flushLog(w.log);
      return answer;
    } catch (e) {
      w.log.error({ fn: name, err: e }, 'push not handled');
      await flushLog(w.log);
      return { ok: false };
    }
  };
}
