import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One class prefix for everything the app styles or tests hook onto (`bm-`, as NutUI has `nut-`
 * and TDesign `t-`): a page's classes never collide with the kit's or with another flow's, and a
 * reader knows at a glance which classes are ours. The only others are Taro's own elements that
 * our CSS has to reach (taro-h5's input and textarea wrappers, its page container).
 */
const SRC = join(__dirname, '..');
const FOREIGN = new Set(['weui-input', 'taro-textarea', 'taro_page']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Class names in a CSS file's selectors (declarations and comments left out). */
export function cssClasses(css: string): string[] {
  const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\{[^{}]*\}/g, '{}');
  return [...selectors.matchAll(/\.(-?[A-Za-z_][A-Za-z0-9_-]*)/g)].map((m) => m[1]!);
}

/** Literal class names in a component's `className` values (static strings and template literal text). */
export function classNameLiterals(tsx: string): string[] {
  const out: string[] = [];
  for (const m of tsx.matchAll(/className=(?:'([^']*)'|"([^"]*)"|\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\})/g)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const literals = m[3] === undefined ? [value] : [...value.matchAll(/'([^']*)'|`([^`]*)`/g)].map((x) => (x[1] ?? x[2] ?? '').replace(/\$\{[^}]*\}/g, ' '));
    for (const l of literals) out.push(...l.split(/\s+/).filter((t) => /^[A-Za-z_]/.test(t)));
  }
  return out;
}

const offPrefix = (name: string) => !name.startsWith('bm-') && !FOREIGN.has(name);

describe('one class prefix', () => {
  it('every class a stylesheet defines starts with bm-', () => {
    const bad = files(SRC)
      .filter((f) => f.endsWith('.css'))
      .flatMap((f) => cssClasses(readFileSync(f, 'utf8')).filter(offPrefix).map((c) => `${relative(SRC, f)}: .${c}`));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('every class a component writes starts with bm-', () => {
    const bad = files(SRC)
      .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
      .flatMap((f) => classNameLiterals(readFileSync(f, 'utf8')).filter(offPrefix).map((c) => `${relative(SRC, f)}: ${c}`));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('catches what it is there for', () => {
    expect(cssClasses('.bm-card { color: red } .tk-chip--on, .bm-x .weui-input {}').filter(offPrefix)).toEqual(['tk-chip--on']);
    expect(classNameLiterals("<View className='bm-a ins-b' /><Text className={cx('bm-c', on && 'tk-d')} /><V className={`bills-e bm-f--${x}`} />").filter(offPrefix)).toEqual(['ins-b', 'tk-d', 'bills-e']);
  });
});
