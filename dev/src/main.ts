import { createLogger } from '@bianmin/server/log';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '@bianmin/core';
import { parseDevNow } from './clock';
import { startStack } from './stack';

/**
 * `npm start`: the local stack on PORT (default 10086), PGlite under .data/ unless DATABASE_URL is
 * set; `DEV_NOW=2026-03-10T09:00:00+08:00` starts the stack's clock there.
 */
async function main() {
  const log = createLogger({ name: 'bianmin-dev', level: process.env.LOG_LEVEL ?? 'info' });
  const port = Number(process.env.PORT ?? 10086);
  const devNow = process.env.DEV_NOW?.trim() ? parseDevNow(process.env.DEV_NOW, 'DEV_NOW') : undefined;
  const dataDir = resolve(__dirname, '../../.data/pglite');
  if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const storageDir = resolve(__dirname, '../../.data/storage');
  const hotlineStateFile = resolve(__dirname, '../../.data/hotline-platform.json');
  const stack = await startStack({ port, databaseUrl: process.env.DATABASE_URL, dataDir, storageDir, hotlineStateFile, devNow, log });
  const departments = Object.values(stack.sandboxes).map((s) => `${s.id}=${s.url}`).join(' ');
  log.info({ database: stack.database.kind, departments, clock: stack.clock.state() }, 'department sandboxes up');
  const clock = devNow ? `, clock at ${stack.clock.state().now} (DEV_NOW), running` : '';
  console.log(`\n  便民 local stack: ${stack.url}${clock}  (Ctrl-C to stop)\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  const detail = e instanceof AppError && e.fields ? ` (${Object.entries(e.fields).map(([k, v]) => `${k}: ${v}`).join('; ')})` : '';
  console.error('bianmin: the local stack failed to start:', e instanceof Error ? e.message + detail : e);
  process.exit(1);
});
