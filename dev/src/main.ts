import { createLogger } from '@bianmin/server/log';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStack } from './stack';

/** `npm start`: the local stack on PORT (default 10086), PGlite under .data/ unless DATABASE_URL is set. */
async function main() {
  const log = createLogger({ name: 'bianmin-dev', level: process.env.LOG_LEVEL ?? 'info' });
  const port = Number(process.env.PORT ?? 10086);
  const dataDir = resolve(__dirname, '../../.data/pglite');
  if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const storageDir = resolve(__dirname, '../../.data/storage');
  const stack = await startStack({ port, databaseUrl: process.env.DATABASE_URL, dataDir, storageDir, log });
  const departments = Object.values(stack.sandboxes).map((s) => `${s.id}=${s.url}`).join(' ');
  log.info({ database: stack.database.kind, departments }, 'department sandboxes up');
  console.log(`\n  便民 local stack: ${stack.url}  (Ctrl-C to stop)\n`);

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
  console.error('bianmin: the local stack failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
