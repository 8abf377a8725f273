import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '../open';

/**
 * Creating a PGlite database runs initdb (~4 s, ~700 MB); reopening a directory takes ~0.2 s.
 * So the suite migrates one template directory per migration history and every test file
 * works on its own copy.
 */
export const TEMPLATE_ROOT = resolve(__dirname, '../../../../.data/test-template');

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else h.update(f.name).update(readFileSync(p));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return h.digest('hex').slice(0, 16);
}

export function templateDir(): string {
  return join(TEMPLATE_ROOT, migrationsHash());
}

export async function ensureTemplate(): Promise<string> {
  const dir = templateDir();
  if (existsSync(join(dir, '.ready'))) return dir;
  // Built aside and renamed into place: two test runs at once never see (or delete) a half-made one.
  mkdirSync(TEMPLATE_ROOT, { recursive: true });
  const building = mkdtempSync(join(TEMPLATE_ROOT, 'building-'));
  try {
    const db = await openDatabase({ dataDir: building });
    await db.close();
    writeFileSync(join(building, '.ready'), new Date().toISOString());
    renameSync(building, dir);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, '.ready'))) throw e;
  }
  return dir;
}
