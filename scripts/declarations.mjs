// The deployment declarations (cloudfunctions/<fn>/function.ts) and their checks, evaluated the
// way a bundle evaluates them (esbuild, then run here): shared by the build, which writes the
// deployment files from them, and `npm run deploy`, which checks and deploys those files.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// BIANMIN_FUNCTIONS_SRC: another cloudfunctions/ tree (inside the repository, for its packages),
// so the dry run's own test can show it a folder without a declaration.
const srcRoot = process.env.BIANMIN_FUNCTIONS_SRC ? resolve(process.env.BIANMIN_FUNCTIONS_SRC) : join(root, 'cloudfunctions');

/** Folders that are cloud functions (an index.ts entry). */
export function functionFolders() {
  return readdirSync(srcRoot)
    .filter((f) => existsSync(join(srcRoot, f, 'index.ts')))
    .sort();
}

/**
 * Every declaration, with the modules that check it and write the deployment files. `missing`
 * lists function folders without a declaration; `problems` what deploymentProblems says of each.
 */
export async function loadDeclarations() {
  const folders = functionFolders();
  const missing = folders.filter((f) => !existsSync(join(srcRoot, f, 'function.ts')));
  const declaredFolders = folders.filter((f) => !missing.includes(f));
  const entry = [
    "export { deploymentProblems, devtoolsConfig, cloudbaseRc, cronProblems, minimumTimeoutS, ENV_ID_PLACEHOLDER, VPC_PLACEHOLDER } from './server/src/runtime/deployment-check';",
    "export { CLOUDBASE_NODE_RUNTIMES } from './server/src/runtime/deployment';",
    "export { worstCaseMs } from './server/src/runtime/budgets';",
    "export { unreachableConfiguration } from './server/src/runtime/entry-testing';",
    `export const deployments = [${declaredFolders.map((_f, i) => `d${i}`).join(', ')}];`,
    ...declaredFolders.map((f, i) => `import { deployment as d${i} } from ${JSON.stringify(join(srcRoot, f, 'function'))};`),
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'declarations.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const m = mod.exports;
  const problems = [
    ...missing.map((f) => `${f}: no deployment declaration (cloudfunctions/${f}/function.ts)`),
    ...m.deployments.flatMap((d, i) => (d.name === declaredFolders[i] ? m.deploymentProblems(d) : [`cloudfunctions/${declaredFolders[i]}/function.ts declares the name "${d.name}"`])),
  ];
  return { folders, missing, deployments: m.deployments, byName: Object.fromEntries(m.deployments.map((d) => [d.name, d])), problems, m };
}
