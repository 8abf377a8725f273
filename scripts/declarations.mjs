// Every deployed function, derived from the flows' declarations and the platform's
// (server/src/functions.ts), evaluated the way a bundle evaluates them (esbuild, then run here),
// with the checks and the deployment files' writers: shared by the build, which writes each
// function's entry and the deployment files from them, `npm run deploy`, which checks and
// deploys those files, and the runtime check.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// npm packages are required from node_modules as they are; the workspace's own TypeScript is bundled.
const npmExternal = {
  name: 'npm-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bianmin/') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Every function: its deployment, its worst case, where its handler lives (for its entry) and,
 * for a resident function, one resident action (the runtime check calls it without a caller).
 * `problems` is what deploymentProblems says of each.
 */
export async function loadDeclarations() {
  const entry = [
    "export { FUNCTIONS, DEPLOYMENTS } from './server/src/functions';",
    "export { deploymentProblems, devtoolsConfig, cloudbaseRc, cronProblems, ENV_ID_PLACEHOLDER, VPC_PLACEHOLDER } from './server/src/runtime/deployment-check';",
    "export { CLOUDBASE_NODE_RUNTIMES, RETIRED_FUNCTIONS } from './server/src/runtime/deployment';",
    "export { MAX_DEPARTMENT_TIMEOUT_MS } from './server/src/runtime/budgets';",
    "export { unreachableConfiguration } from './server/src/runtime/entry-testing';",
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'declarations.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    plugins: [npmExternal],
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', out.outputFiles[0].text)(mod, mod.exports, createRequire(join(root, 'server', 'package.json')), join(root, 'declarations.js'), root);
  const m = mod.exports;
  const functions = m.FUNCTIONS.map((fn, i) => {
    const deployment = m.DEPLOYMENTS[i];
    const worstCaseMs = fn.worstCaseMs(m.MAX_DEPARTMENT_TIMEOUT_MS);
    const residentAction = fn.handler.kind === 'resident' ? Object.entries(fn.handler.def.actions).find(([, a]) => a.auth !== 'public')?.[0] : undefined;
    return { name: fn.name, deployment, worstCaseMs, source: fn.source, payables: fn.payables, residentAction };
  });
  const problems = functions.flatMap((f) => m.deploymentProblems(f.deployment, f.worstCaseMs));
  const names = functions.map((f) => f.name);
  for (const n of names.filter((n, i) => names.indexOf(n) !== i)) problems.push(`${n}: declared twice`);
  const deployments = functions.map((f) => f.deployment);
  return { functions, deployments, byName: Object.fromEntries(functions.map((f) => [f.name, f])), problems, m };
}

/**
 * The entry the build bundles for one function: its deployment (as data) and its handler,
 * imported from the one module that holds it, so that the bundle carries that and nothing else.
 */
export function entrySource(fn) {
  const at = (p) => JSON.stringify(join(root, 'server', 'src', p));
  // Each kind's own entry (not one switch over all of them): a timer's bundle never carries dispatch.
  const make = { resident: ['residentEntry', 'x', 'x.wire'], timer: ['timerEntry', 'x'], push: ['pushEntry', 'x.handle'], paycallback: ['payCallbackEntry', 'x'], http: ['httpEntry', 'x', 'x.wire'], httpnotify: ['httpNotifyEntry', 'x'] }[fn.deployment.kind];
  if (!make) throw new Error(`${fn.name}: no entry for a ${fn.deployment.kind} function`);
  // The payable kinds it serves, from the modules that export them (and only those).
  const kinds = fn.payables ?? [];
  // WeChat 非税's client, only where a kind pays through it and the function calls the channel (not a receiver).
  const nontax = kinds.some((k) => k.channels?.includes('nontax')) && !['paycallback', 'httpnotify'].includes(fn.deployment.kind);
  const wire = kinds.length ? `servingPayables([${kinds.map((_, i) => `...p${i}`).join(', ')}], ${make[2] ?? 'undefined'}${nontax ? ', { nontax: nontaxChannel }' : ''})` : make[2];
  return [
    `import { ${make[0]}${kinds.length ? ', servingPayables' : ''} } from ${at('runtime/cloudbase')};`,
    `import { ${fn.source.export} as x } from ${at(fn.source.module)};`,
    ...kinds.map((k, i) => `import { ${k.export} as p${i} } from ${at(k.module)};`),
    ...(nontax ? [`import { nontaxChannel } from ${at('payments/nontax')};`] : []),
    `const deployment = ${JSON.stringify(fn.deployment)};`,
    `export const main = ${make[0]}(deployment, ${[make[1], wire].filter(Boolean).join(', ')});`,
    '',
  ].join('\n');
}
