import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Each workspace package exports a chosen list of named subpaths: exactly the ones the repository
 * imports, each pointing at a file that exists. A pattern (`"./*"`) would export every file —
 * internals included — and hide which modules other packages depend on; a subpath nobody imports
 * is surface nobody chose. (A flow's own modules are not on the list: the registry test loads them
 * by file.)
 */
const root = resolve(__dirname, '..');
const PACKAGES = ['core', 'server', 'dev', 'client'] as const;
type Exports = Record<string, Record<string, string>>;

const realExports: Exports = Object.fromEntries(
  PACKAGES.map((pkg) => [pkg, (JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8')) as { exports?: Record<string, string> }).exports ?? {}]),
);

/** Every `@bianmin/<pkg>[/<subpath>]` a tracked source file imports, with the first file that does. */
function importedSpecifiers(): Map<string, string> {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs', '*.cjs', '*.js'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const found = new Map<string, string>();
  for (const f of files) {
    for (const m of readFileSync(join(root, f), 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*['"](@bianmin\/[a-z]+(?:\/[\w./-]+)?)['"]/g)) {
      if (!found.has(m[1])) found.set(m[1], f);
    }
  }
  return found;
}

/** What is wrong with the surfaces, given what is imported: [] when each package exports exactly that. */
function surfaceProblems(exports: Exports, imported: ReadonlyMap<string, string>): string[] {
  const p: string[] = [];
  for (const [pkg, map] of Object.entries(exports)) {
    for (const [key, target] of Object.entries(map)) {
      if (key.includes('*')) p.push(`@bianmin/${pkg}: exports the pattern "${key}"; list the subpaths other packages import`);
      if (!existsSync(join(root, pkg, target))) p.push(`@bianmin/${pkg}: "${key}" points at ${pkg}/${target}, which does not exist`);
      const spec = `@bianmin/${pkg}${key === '.' ? '' : key.slice(1)}`;
      if (!key.includes('*') && !imported.has(spec)) p.push(`${spec}: exported, imported by nothing`);
    }
  }
  for (const [spec, file] of imported) {
    const [, pkg, sub] = /^@bianmin\/([a-z]+)(?:\/(.*))?$/.exec(spec)!;
    if (!((sub === undefined ? '.' : `./${sub}`) in (exports[pkg] ?? {}))) p.push(`${spec}: imported by ${file}, not in ${pkg}/package.json "exports"`);
  }
  return p;
}

describe('the packages’ export surfaces', () => {
  const imported = importedSpecifiers();

  it('export exactly the subpaths the repository imports, each an existing file, no patterns', () => {
    expect(surfaceProblems(realExports, imported)).toEqual([]);
  });

  it('name a pattern, a dangling target, an unimported subpath and an unexported import', () => {
    const planted: Exports = { ...realExports, server: { ...realExports.server, '.': './src/index.ts', './*': './src/*.ts' } };
    const withImport = new Map([...imported, ['@bianmin/core/flows/index', 'dev/src/example.ts']]);
    expect(surfaceProblems(planted, withImport)).toEqual([
      '@bianmin/server: "." points at server/./src/index.ts, which does not exist',
      '@bianmin/server: exported, imported by nothing',
      '@bianmin/server: exports the pattern "./*"; list the subpaths other packages import',
      '@bianmin/server: "./*" points at server/./src/*.ts, which does not exist',
      '@bianmin/core/flows/index: imported by dev/src/example.ts, not in core/package.json "exports"',
    ]);
  });
});
