import { openDatabase, type Database } from '@bianmin/server/db/open';
import { createLogger, type Logger, silentLogger } from '@bianmin/server/log';
import type { Deps } from '@bianmin/server/runtime/types';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
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
}

export interface Stack {
  url: string;
  port: number;
  sandboxes: Sandboxes;
  database: Database;
  deps: Deps;
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
  const deps: Deps = { db: async () => database.db, log };
  const server = createGateway({ functions: FUNCTIONS, deps, sandboxes, residents: RESIDENTS, h5Dir: opts.h5Dir ?? DEFAULT_H5_DIR, log });
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ?? 10086, opts.host ?? '127.0.0.1', () => ok());
    });
  } catch (e) {
    await stopSandboxes(sandboxes);
    if (ownsDatabase) await database.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sandboxes,
    database,
    deps,
    stop: () =>
      (stopping ??= (async () => {
        server.closeAllConnections();
        await new Promise<void>((ok) => server.close(() => ok()));
        await stopSandboxes(sandboxes);
        if (ownsDatabase) await database.close();
      })()),
  };
}
