import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * PGlite in a worker thread, with the part of PGlite's interface drizzle's PGlite driver uses
 * (`query`, `exec`, `transaction`, `close`). Under load PGlite's WASM engine and result parsing
 * stalled the gateway's event loop for 150–277 ms a task (p99 ~3 s at 50 callers); here they run
 * in the worker and this thread only posts messages.
 *
 * PGlite's own `@electric-sql/pglite/worker` is for browsers (Web Workers, tab leader election
 * through navigator.locks) and parses results on the calling thread, so it would not help here.
 *
 * In a bundle (the crash tests' child), the worker file must sit next to the bundle, as the
 * migrations folder does.
 */
export const WORKER_FILE = join(__dirname, 'pglite-worker.cjs');

export interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Only identity parsers can cross a thread: drizzle passes them to keep timestamps as text. */
  parsers?: Record<number, (value: string) => unknown>;
}

export interface Results<T = unknown> {
  rows: T[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: Record<string, unknown> & { name: string; message: string; stack?: string };
}

/** An error as PGlite threw it in the worker: message, name and the database fields (code, constraint, detail…). */
function revive(e: NonNullable<Reply['error']>): Error {
  const { name, message, stack, ...fields } = e;
  const err = Object.assign(new Error(message), fields);
  err.name = name;
  // The worker's frames say where PostgreSQL refused; the caller's (this thread's) are above them.
  if (stack) err.stack = `${err.stack}\n    --- in the PGlite worker ---\n${stack.split('\n').slice(1).join('\n')}`;
  return err;
}

export class PgliteThread {
  private readonly pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private nextId = 1;
  private dead: Error | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.ok(m.result);
      else p.fail(revive(m.error!));
    });
    this.exited = new Promise((ok) => worker.once('exit', () => ok()));
    const stop = (why: Error) => {
      this.dead ??= why;
      for (const p of this.pending.values()) p.fail(this.dead);
      this.pending.clear();
    };
    worker.on('error', (e) => stop(new Error(`the PGlite worker failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e })));
    worker.once('exit', (code) => stop(new Error(`the PGlite worker has stopped (exit code ${code})`)));
  }

  /** Starts the worker and waits until PGlite has opened (or created) `dataDir`; in memory without one. */
  static async open(dataDir?: string): Promise<PgliteThread> {
    // Resolved here, where node_modules is reachable from this module (source or bundle).
    const pglite = createRequire(__filename).resolve('@electric-sql/pglite');
    const worker = new Worker(WORKER_FILE, { workerData: { pglite, dataDir } });
    await new Promise<void>((ok, fail) => {
      const early = (code: number) => fail(new Error(`the PGlite worker exited (code ${code}) before it was ready`));
      worker.once('exit', early);
      worker.once('error', fail);
      worker.once('message', (m: { ready: boolean; error?: Reply['error'] }) => {
        worker.off('exit', early);
        worker.off('error', fail);
        if (m.ready) ok();
        else {
          void worker.terminate();
          fail(revive(m.error!));
        }
      });
    });
    return new PgliteThread(worker);
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.worker.postMessage({ ...message, id });
    });
  }

  private queryIn<T>(tx: number | undefined, sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<Results<T>> {
    const raw = options.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.call({ op: 'query', tx, sql, params, rowMode: options.rowMode, raw });
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.queryIn<T>(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.call({ op: 'exec', sql });
  }

  /**
   * BEGIN, `fn`, then COMMIT, or ROLLBACK when `fn` throws or rolls back. PGlite in the worker
   * holds every other caller's statements until it ends.
   */
  async transaction<T>(fn: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const id = await this.call<number>({ op: 'begin' });
    let closed = false;
    let rolledBack = false;
    const check = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const tx: ThreadTransaction = {
      query: async (sql, params, options) => (check(), this.queryIn(id, sql, params, options)),
      exec: async (sql) => (check(), this.call({ op: 'exec', tx: id, sql })),
      rollback: async () => {
        check();
        rolledBack = true;
        closed = true;
        await this.call({ op: 'end', tx: id, commit: false });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      if (!closed) {
        closed = true;
        await this.call({ op: 'end', tx: id, commit: false });
      }
      throw e;
    }
    if (!rolledBack) {
      closed = true;
      await this.call({ op: 'end', tx: id, commit: true });
    }
    return result;
  }

  /** Closes PGlite (its files flushed) and waits for the thread to end. */
  async close(): Promise<void> {
    if (!this.dead) await this.call({ op: 'close' });
    // PGlite has flushed and closed its files: nothing is lost by ending the thread now.
    await this.worker.terminate();
    await this.exited;
  }
}
