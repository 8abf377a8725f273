import { AppError, DEPARTMENTS, type DepartmentId, toShanghaiIso } from '@bianmin/core';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import type { DepartmentHealth } from '@bianmin/core/availability/index';
import type { z } from 'zod';

export type { DepartmentHealth };
import type { Logger } from '../log';
import { redactPath } from './redact';

/** A department's answer we could not use: its status and its own code, for the domain to map. */
export class DepartmentRejection extends Error {
  constructor(
    readonly department: DepartmentId,
    readonly status: number,
    readonly departmentCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'DepartmentRejection';
  }
}

/** Network failure, timeout, 5xx or nonsense: worth a retry, and counted by the circuit breaker. */
class TransientFailure extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'server' | 'garbage',
    message: string,
  ) {
    super(message);
    this.name = 'TransientFailure';
  }
}


/** Why a health probe found a department down, for its outage history. */
const CAUSE = {
  network: '无法连接（网络不通或拒绝连接）',
  timeout: '健康检查超时',
  server: '健康检查返回服务器错误（5xx）',
  garbage: '健康检查返回了无法识别的内容',
  breaker: '连续失败，暂停访问（熔断中）',
} as const;

/**
 * A path as a route for the log: `/vehicles/粤B12345/violations?engineNoSuffix=…` → `/vehicles/:id/violations`.
 * Paths carry account numbers, plates and engine suffixes, which no log may hold.
 */
export function routeOf(path: string): string {
  return path.split('?')[0].replace(/\/[^/]*[^A-Za-z/][^/]*/g, '/:id');
}

export interface Fetched<T> {
  data: T;
  /** When the department produced this answer. */
  fetchedAt: Date;
  /** True when the department could not be reached and this is the last answer we had. */
  stale: boolean;
  /** How old the answer is, on the client's own (real) clock: the call's clock may be a dev one. */
  ageMs: number;
}

export interface DepartmentClientOptions {
  id: DepartmentId;
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** A fresh read is reused this long (identical lookups inside it cost no department call). */
  cacheTtlMs?: number;
  /** A last-known answer is offered, marked stale, this long when the department is down. */
  staleTtlMs?: number;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  breakAfter?: number;
  halfOpenAfterMs?: number;
  /** How long a health probe's answer is reused (0 = probe on every ask; tests). */
  probeIntervalMs?: number;
  log: Logger;
  /** Real time for TTLs and the breaker (monotonic enough; never the per-call dev clock). */
  now?: () => number;
  /**
   * Tells a moment of `now` on the clock the pages read, when that is not `now`: the local stack's
   * dev clock (`now` plus an offset), so a page dated 2026-03-10 says its data was fetched on
   * 2026-03-10 and when we try again. Ages, the cache and the breaker stay on `now`: moving the
   * dev clock back must not make a cached answer young again.
   */
  tell?: (at: number) => Date;
  fetch?: typeof fetch;
}

export interface ReadOptions {
  /** Serve from the short cache / coalesce identical in-flight reads (default true). */
  cache?: boolean;
  /** Skip the cached answer but still share an identical in-flight read (prices before a payment). */
  fresh?: boolean;
  /** On failure, fall back to the last good answer marked stale (default false). */
  allowStale?: boolean;
}

export interface DepartmentClient {
  readonly id: DepartmentId;
  /** Where the department lives: relative links in its answers (evidence photos) resolve against it. */
  readonly baseUrl: string;
  read<S extends z.ZodType>(path: string, schema: S, opts?: ReadOptions): Promise<Fetched<z.output<S>>>;
  /**
   * For idempotent writes only (the department de-duplicates on our id): retried like reads.
   * `changes`: the read paths (prefixes) this write makes out of date. Their cached answers are
   * dropped once it succeeds, and a read of them already on its way is not kept, so the next read
   * shows what the resident just did instead of the answer from before it.
   */
  write<S extends z.ZodType>(path: string, body: unknown, schema: S, opts?: { changes?: string[] }): Promise<z.output<S>>;
  /**
   * What the breaker and the last probe say, without calling the department. The retry time is
   * put on the caller's clock (`at`: the call's now, which the dev gateway may move), since the
   * breaker itself runs on real time.
   */
  health(at?: Date): DepartmentHealth;
  /** GET /health, at most once per probe interval, coalesced. */
  probe(): Promise<DepartmentHealth>;
  /** Department calls actually sent (after cache and coalescing): for the benchmark and tests. */
  readonly calls: number;
}


/**
 * The one way to reach a department: its API key, a timeout, bounded retries, a circuit
 * breaker, coalescing of identical in-flight reads and a short cache. Every failure becomes a
 * resident-facing AppError with the department named and, when known, a retry time.
 */
export function createDepartmentClient(o: DepartmentClientOptions): DepartmentClient {
  const now = o.now ?? (() => Date.now());
  const told = o.tell ?? ((at: number) => new Date(at));
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 4000;
  const cacheTtl = o.cacheTtlMs ?? 30_000;
  const staleTtl = o.staleTtlMs ?? 24 * 3600_000;
  const halfOpenAfter = o.halfOpenAfterMs ?? 15_000;
  const name = DEPARTMENTS[o.id].name;
  let calls = 0;
  const probeInterval = o.probeIntervalMs ?? 30_000;
  const probeFresh = (p: { at: number }) => probeInterval === 0 || now() - p.at < probeInterval;

  const breaker = circuitBreaker(handleWhen((e) => e instanceof TransientFailure), {
    halfOpenAfter,
    breaker: new ConsecutiveBreaker(o.breakAfter ?? 5),
  });
  let openedAt = 0;
  let probeTimer: ReturnType<typeof setTimeout> | undefined;
  breaker.onBreak(() => {
    openedAt = now();
    o.log.warn({ department: o.id }, 'department circuit opened');
    // Nobody may ask for this department for hours (the hub's tile already says it is down):
    // the breaker itself asks again once its half-open delay is over, so recovery shows by itself.
    // unref: a pending probe never keeps a process (or a test run) alive.
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = setTimeout(() => void client.probe().catch(() => undefined), halfOpenAfter + 50);
    probeTimer.unref?.();
  });
  breaker.onReset(() => o.log.info({ department: o.id }, 'department circuit closed'));
  // One retry (cockatiel counts retries, not calls): a resident waits at most two timeouts.
  const retrying = retry(handleWhen((e) => e instanceof TransientFailure), {
    maxAttempts: 1,
    backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 800 }),
  });
  const policy = wrap(retrying, breaker);

  const fresh = new Map<string, { value: unknown; fetchedAt: number }>();
  const inflight = new Map<string, Promise<{ value: unknown; fetchedAt: number }>>();
  /** Bumped by every write that changes a read: a read that started before it is not cached. */
  let writes = 0;
  const changedAt = new Map<string, number>();
  let loading = 0;
  let lastProbe: { at: number; health: DepartmentHealth } | undefined;
  let probing: Promise<DepartmentHealth> | undefined;

  async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    calls++;
    // Only the redacted path goes into messages: they end up in logs and in an AppError's cause.
    const shown = redactPath(path);
    let res: Response;
    try {
      res = await doFetch(o.baseUrl + path, {
        method,
        headers: { 'x-api-key': o.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new TransientFailure(timedOut ? 'timeout' : 'network', `${method} ${shown}: ${timedOut ? 'timeout' : 'network error'}`);
    }
    let text: string;
    try {
      text = await res.text();
    } catch {
      throw new TransientFailure('network', `${method} ${shown}: body cut off`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TransientFailure(res.status >= 500 ? 'server' : 'garbage', `${method} ${shown}: ${res.status} not JSON`);
    }
    if (res.status >= 500) throw new TransientFailure('server', `${method} ${shown}: ${res.status}`);
    if (res.status >= 400) {
      const j = (json ?? {}) as { code?: unknown; message?: unknown };
      throw new DepartmentRejection(o.id, res.status, String(j.code ?? res.status), String(j.message ?? ''));
    }
    return json;
  }

  function parse<S extends z.ZodType>(path: string, schema: S, raw: unknown): z.output<S> {
    const r = schema.safeParse(raw);
    if (!r.success) {
      const shown = redactPath(path);
      o.log.warn({ department: o.id, path: shown, route: routeOf(path), issues: r.error.issues.slice(0, 3).map((i) => i.path.join('.')) }, 'department answer failed validation');
      throw new TransientFailure('garbage', `${shown}: answer failed validation`);
    }
    return r.data;
  }

  function retryAt(): Date | undefined {
    if (breaker.state === CircuitState.Open) return new Date(openedAt + halfOpenAfter);
    return undefined;
  }

  /** The resident-facing error for a failure that is not the department's considered answer. */
  function toAppError(e: unknown): unknown {
    if (e instanceof DepartmentRejection || e instanceof AppError) return e;
    const retry = retryAt();
    const at = retry && told(retry.getTime());
    // When we try again is known; when the department recovers is not.
    const when = at ? `，我们会在 ${toShanghaiIso(at).slice(11, 16)} 自动重试` : '，请稍后再试';
    if (e instanceof BrokenCircuitError || (e instanceof TransientFailure && e.kind !== 'garbage')) {
      return new AppError('DEPARTMENT_UNAVAILABLE', `${name}系统暂时无法连接${when}。您的数据不会丢失。`, {
        retryable: true,
        retryAt: at ? toShanghaiIso(at) : undefined,
        cause: e,
      });
    }
    if (e instanceof TransientFailure) {
      return new AppError('DEPARTMENT_ERROR', `${name}系统返回了无法识别的数据${when}。`, { retryable: true, cause: e });
    }
    return e;
  }

  /** The cached answers (and reads on their way) a successful write made out of date. */
  function forget(prefixes: string[]): void {
    // Only reads still on their way need to know what changed under them.
    if (loading === 0) changedAt.clear();
    writes++;
    for (const prefix of prefixes) {
      const key = `GET ${prefix}`;
      changedAt.set(key, writes);
      for (const k of [...fresh.keys()]) if (covers(k, key)) fresh.delete(k);
      for (const k of [...inflight.keys()]) if (covers(k, key)) inflight.delete(k);
    }
  }

  /**
   * A changed path covers its own reads with any query (`/accounts/1/bills?asOf=…`), not the paths
   * under it: a top-up moves the account's balance, not its bills or its usage.
   */
  const covers = (key: string, changed: string) => key === changed || key.startsWith(`${changed}?`);

  /** A write after the read began changed what it reads: its answer is from before that write. */
  const overtaken = (key: string, startedAt: number) => [...changedAt].some(([changed, at]) => at > startedAt && covers(key, changed));

  async function load<S extends z.ZodType>(key: string, path: string, schema: S) {
    const startedAt = writes;
    loading++;
    let got: z.output<S>;
    try {
      got = await policy.execute(async () => parse(path, schema, await send('GET', path)));
    } finally {
      loading--;
    }
    const entry = { value: got, fetchedAt: now() };
    if (overtaken(key, startedAt)) return entry;
    // Answers can carry personal data: none outlives the window in which it may still be served.
    const keep = Math.max(cacheTtl, staleTtl);
    for (const [k, v] of fresh) if (entry.fetchedAt - v.fetchedAt >= keep) fresh.delete(k);
    fresh.set(key, entry);
    return entry;
  }

  /** The half-open delay is over: the next call is the breaker's trial, and a probe may be it. */
  const halfOpenDue = () => breaker.state === CircuitState.Open && now() - openedAt >= halfOpenAfter;

  /** GET /health; through the breaker when it is open, so that a good answer closes it. */
  async function probeOnce(viaBreaker: boolean): Promise<DepartmentHealth> {
    let health: DepartmentHealth;
    try {
      const ask = async () => {
        calls++;
        let res: Response;
        try {
          res = await doFetch(`${o.baseUrl}/health`, { headers: { 'x-api-key': o.apiKey }, signal: AbortSignal.timeout(Math.min(timeoutMs, 1500)) });
          await res.text();
        } catch (e) {
          const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
          throw new TransientFailure(timedOut ? 'timeout' : 'network', 'GET /health: no answer');
        }
        if (res.status >= 500) throw new TransientFailure('server', `GET /health: ${res.status}`);
        return res;
      };
      const res = viaBreaker ? await breaker.execute(ask) : await ask();
      health = res.ok ? { state: 'up' } : { state: 'down', retryAt: new Date(now() + probeInterval), cause: `健康检查返回 HTTP ${res.status}` };
      if (viaBreaker && res.ok) o.log.info({ department: o.id }, 'department recovered: health probe closed the circuit');
    } catch (e) {
      // Another call is the breaker's trial right now: its outcome, not ours, decides.
      if (e instanceof BrokenCircuitError) return { state: 'down', retryAt: retryAt(), cause: CAUSE.breaker };
      // Why, in words an operator's outage history can keep (the health history in the console).
      const cause = e instanceof TransientFailure ? CAUSE[e.kind] : CAUSE.network;
      health = breaker.state === CircuitState.Open ? { state: 'down', retryAt: retryAt(), cause } : { state: 'down', retryAt: new Date(now() + probeInterval), cause };
    }
    lastProbe = { at: now(), health };
    return health;
  }

  const client: DepartmentClient = {
    id: o.id,
    baseUrl: o.baseUrl,
    get calls() {
      return calls;
    },
    async read(path, schema, opts = {}) {
      const useCache = opts.cache !== false;
      const key = `GET ${path}`;
      const hit = fresh.get(key);
      if (useCache && !opts.fresh && hit && now() - hit.fetchedAt < cacheTtl) {
        return { data: hit.value as never, fetchedAt: told(hit.fetchedAt), stale: false, ageMs: now() - hit.fetchedAt };
      }
      try {
        let p = useCache ? inflight.get(key) : undefined;
        if (!p) {
          p = load(key, path, schema);
          if (useCache) {
            inflight.set(key, p);
            p.finally(() => inflight.delete(key)).catch(() => undefined);
          }
        }
        const entry = await p;
        return { data: entry.value as never, fetchedAt: told(entry.fetchedAt), stale: false, ageMs: now() - entry.fetchedAt };
      } catch (e) {
        const last = fresh.get(key);
        const mapped = toAppError(e);
        if (opts.allowStale && last && now() - last.fetchedAt < staleTtl && mapped instanceof AppError) {
          return { data: last.value as never, fetchedAt: told(last.fetchedAt), stale: true, ageMs: now() - last.fetchedAt };
        }
        throw mapped;
      }
    },
    async write(path, body, schema, opts = {}) {
      try {
        const answer = await policy.execute(async () => parse(path, schema, await send('POST', path, body)));
        if (opts.changes?.length) forget(opts.changes);
        return answer;
      } catch (e) {
        // A write that failed may still have happened: what it would change is asked afresh.
        if (opts.changes?.length) forget(opts.changes);
        throw toAppError(e);
      }
    },
    health(at) {
      const onCallerClock = (h: DepartmentHealth): DepartmentHealth =>
        at && h.state === 'down' && h.retryAt ? { state: 'down', retryAt: new Date(at.getTime() + Math.max(0, h.retryAt.getTime() - now())) } : h;
      if (breaker.state === CircuitState.Open) {
        // The guard and the hub read health synchronously: when the half-open delay is over they
        // start the trial probe, and the answer after it reads the department as it is.
        if (halfOpenDue()) void client.probe().catch(() => undefined);
        return onCallerClock({ state: 'down', retryAt: retryAt() });
      }
      if (lastProbe && lastProbe.health.state === 'down' && probeFresh(lastProbe)) return onCallerClock(lastProbe.health);
      return { state: 'up' };
    },
    probe() {
      if (breaker.state === CircuitState.Open && !halfOpenDue()) return Promise.resolve({ state: 'down', retryAt: retryAt() });
      if (breaker.state !== CircuitState.Open && lastProbe && probeInterval > 0 && probeFresh(lastProbe)) return Promise.resolve(lastProbe.health);
      probing ??= probeOnce(breaker.state !== CircuitState.Closed).finally(() => (probing = undefined));
      return probing;
    },
  };
  return client;
}
