import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../open';
import { ensureTemplate } from './template';

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; a real PostgreSQL server too when DATABASE_URL is set (CI sets it). */
export const STORE_KINDS: StoreKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A private, migrated database: a copy of the PGlite template, or a fresh schema on the server. */
export async function openTestDatabase(kind: StoreKind = 'pglite'): Promise<Database> {
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const db = await openDatabase({ url, searchPath: schema, maxConnections: 40 });
    return {
      ...db,
      close: async () => {
        await db.close();
        const { Pool } = await import('pg');
        const admin = new Pool({ connectionString: url, max: 1 });
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const template = await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-pglite-'));
  cpSync(template, dir, { recursive: true });
  const db = await openDatabase({ dataDir: dir });
  return {
    ...db,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
