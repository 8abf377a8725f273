import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLORS } from './tokens';

const SRC = join(__dirname, '..');
const TOKEN_FILES = new Set(['app.css', 'ui/tokens.ts']);
const HEX = /#[0-9a-fA-F]{3,8}\b/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(css|tsx?)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

function appCssVariable(name: string): string | undefined {
  const css = readFileSync(join(SRC, 'app.css'), 'utf8');
  return new RegExp(`--bm-${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`).exec(css)?.[1];
}

describe('design tokens', () => {
  it('keeps every colour literal in the token files: anywhere else it is a missing token', () => {
    const offenders = sources(SRC)
      .filter((f) => !TOKEN_FILES.has(relative(SRC, f)))
      .flatMap((f) => (readFileSync(f, 'utf8').match(HEX) ?? []).map((hex) => `${relative(SRC, f)}: ${hex}`));
    expect(offenders).toEqual([]);
  });

  it.each(Object.entries(COLORS))('gives JavaScript the same %s as app.css', (name, value) => {
    expect(appCssVariable(name)).toBe(value);
  });
});
