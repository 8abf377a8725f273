// drizzle-kit is hoisted to the root node_modules, but drizzle-orm cannot be (optional peers of
// drizzle-orm such as react-native conflict with the client's React), and drizzle-kit resolves
// drizzle-orm from where it is installed. Link it for the duration of the generate run.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const link = join(server, '..', 'node_modules', 'drizzle-orm');
const made = !existsSync(link);
if (made) symlinkSync(join(server, 'node_modules', 'drizzle-orm'), link, 'dir');
try {
  execFileSync(process.execPath, [join(server, '..', 'node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', ...process.argv.slice(2)], {
    cwd: server,
    stdio: 'inherit',
  });
} finally {
  if (made) rmSync(link);
}
