import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..');
const FLOWS = join(SRC, 'flows');

/** The modules a server module imports (types included), resolved to files under server/src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]);
  return specs.flatMap((s) => {
    const base = s.startsWith('.') ? resolve(dirname(file), s) : s.startsWith('@bianmin/server/') ? join(SRC, s.slice('@bianmin/server/'.length)) : undefined;
    if (!base) return [];
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
    if (!found) throw new Error(`${relative(SRC, file)} imports ${s}, which resolves to no file`);
    return [found];
  });
}

/** Every module reachable from `roots`, with the path that reached it. */
function reachable(roots: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>(roots.map((r) => [r, [r]]));
  const todo = [...roots];
  while (todo.length) {
    const file = todo.pop()!;
    for (const next of importsOf(file)) {
      if (seen.has(next)) continue;
      seen.set(next, [...seen.get(file)!, next]);
      todo.push(next);
    }
  }
  return seen;
}

const paymentsModules = readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(__dirname, f));

describe('payments', () => {
  it('imports no flow, directly or through another module: the payable kinds come in through Deps.payables', () => {
    const intoFlows = [...reachable(paymentsModules)].filter(([file]) => file.startsWith(FLOWS + '/')).map(([, path]) => path.map((p) => relative(SRC, p)).join(' → '));
    expect(intoFlows).toEqual([]);
  });

  it('is caught importing one: the check follows an import into server/src/flows', () => {
    const flowModule = join(FLOWS, 'bills', 'payables.ts');
    expect(existsSync(flowModule)).toBe(true);
    // A flow module does reach flows (itself): the same walk that finds nothing above finds this.
    expect([...reachable([flowModule]).keys()].some((f) => f.startsWith(FLOWS + '/'))).toBe(true);
  });
});
