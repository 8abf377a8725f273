import { readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';

/** Committed sample files (evidence photos, vehicle licence photos) the sandboxes and fixtures use. */
const ASSETS_DIR = resolve(__dirname, '../assets');

/** A committed asset by its relative name, or null; never a path outside the assets folder. */
export function readAsset(name: string): Buffer | null {
  const full = normalize(join(ASSETS_DIR, name));
  if (!full.startsWith(ASSETS_DIR + '/')) return null;
  try {
    return readFileSync(full);
  } catch {
    return null;
  }
}
