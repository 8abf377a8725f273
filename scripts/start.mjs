// `npm start`: builds the h5 app once if it is missing, then runs the local stack in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync(join(root, 'client', 'dist', 'h5', 'index.html'))) {
  console.log('The h5 build is missing: building it once (about 30 s)…');
  const r = spawnSync(npm, ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'dev', 'src', 'main.ts')], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the child through the terminal's process group; a plain `kill` of this
// process is passed on so that the stack shuts down its servers and database cleanly.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
