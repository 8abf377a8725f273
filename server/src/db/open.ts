import type { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** One type for both drivers: domain code never knows whether PGlite or PostgreSQL is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when set, a real PostgreSQL server through `pg`; otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** Isolates a test run in its own schema of a shared server. */
  searchPath?: string;
  migrationsFolder?: string;
  /** Pool size for PostgreSQL. A cloud function instance serves one request at a time. */
  maxConnections?: number;
}

/**
 * In source this is server/src/db/migrations; in a bundled cloud function the build copies the
 * folder next to index.js, which is where __dirname points there.
 */
export const MIGRATIONS_FOLDER = join(__dirname, 'migrations');

// Any constant works; it only has to be the same for every process migrating one database.
const MIGRATION_LOCK = 4_2026_1123;

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const migrationsFolder = opts.migrationsFolder ?? MIGRATIONS_FOLDER;
  return opts.url ? openPostgres(opts.url, opts, migrationsFolder) : openPglite(opts, migrationsFolder);
}

async function openPglite(opts: OpenOptions, migrationsFolder: string): Promise<Database> {
  // Loaded lazily: a deployed function talks to PostgreSQL and must not pay for the WASM engine.
  // PGlite runs in a worker thread: its engine and result parsing would otherwise stall every
  // other caller's requests on the local stack (p99 ~3 s at 50 callers; npm run bench).
  const { PgliteThread } = await import('./pglite-thread');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PgliteThread.open(opts.dataDir);
  // drizzle's PGlite driver uses query() and transaction() only, which PgliteThread provides.
  const db = drizzle({ client: client as unknown as PGlite, schema });
  try {
    await migrate(db, { migrationsFolder });
  } catch (e) {
    await client.close();
    throw e;
  }
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string, opts: OpenOptions, migrationsFolder: string): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const searchPath = opts.searchPath;
  if (searchPath && !/^[a-z_][a-z0-9_]*$/.test(searchPath)) throw new Error(`unsafe search_path ${searchPath}`);
  const pool = new Pool({
    connectionString: url,
    max: opts.maxConnections ?? 10,
    options: searchPath ? `-c search_path=${searchPath}` : undefined,
  });
  // An idle client's error (server restart, network blip) must not crash the process.
  pool.on('error', () => undefined);
  try {
    const conn = await pool.connect();
    try {
      if (searchPath) await conn.query(`CREATE SCHEMA IF NOT EXISTS ${searchPath}`);
      // Two function instances cold-starting together must not both apply a migration.
      await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle({ client: conn, schema }), {
          migrationsFolder,
          migrationsSchema: searchPath ?? 'drizzle',
        });
      } finally {
        await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      conn.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = drizzle({ client: pool, schema });
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
}
