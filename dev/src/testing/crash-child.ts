// The local stack as a child process the crash tests can kill -9: the database (PGlite on disk
// or a PostgreSQL schema) and the gateway with the functions, wired to WeChat Pay and department
// sandboxes that live in the parent and so survive the kill. Prints `READY <url>` when it serves;
// a line `AUDIT` on stdin prints `AUDIT <json>`: what the money tables hold, read on its own
// database (a second PGlite in the parent would cost seconds and cannot share the directory).
import { openDatabase } from '@bianmin/server/db/open';
import type { StackOptions } from '../stack';
import { startStack } from '../stack';

interface ChildConfig {
  dataDir?: string;
  databaseUrl?: string;
  searchPath?: string;
  external: NonNullable<StackOptions['external']>;
}

async function main() {
  const config = JSON.parse(process.env.BIANMIN_CRASH_CHILD ?? 'null') as ChildConfig | null;
  if (!config) throw new Error('BIANMIN_CRASH_CHILD is not set');
  const database = await openDatabase({ dataDir: config.dataDir, url: config.databaseUrl, searchPath: config.searchPath, maxConnections: 4 });
  const stack = await startStack({
    port: 0,
    database,
    external: config.external,
    log: 'silent',
    // The 12345 loop as `npm start` runs it; money moves only when a test drives the jobs.
    loops: { ticketsWorker: 10_000 },
    postAfterPayment: false,
    probeIntervalMs: 0,
    departmentCacheTtlMs: 0,
    departmentTimeoutMs: 1000,
  });
  process.stdout.write(`READY ${stack.url}\n`);
  const rows = async (q: string) => ((await database.db.execute(q)) as unknown as { rows: unknown[] }).rows;
  let input = '';
  process.stdin.on('data', (c) => {
    input += String(c);
    if (!input.includes('AUDIT\n')) return;
    input = '';
    void (async () => {
      const audit = {
        payments: await rows('select order_id, count(*)::int as n from payments group by order_id order by order_id'),
        refunds: await rows('select count(*)::int as n from refunds'),
        outboxOpen: await rows(`select count(*)::int as n from outbox where status <> 'done'`),
      };
      process.stdout.write(`AUDIT ${JSON.stringify(audit)}\n`);
    })();
  });
  process.on('SIGTERM', () => {
    void stack
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}

main().catch((e) => {
  console.error('crash child failed to start:', e instanceof Error ? e.stack : e);
  process.exit(1);
});
