// Bench child: one local gateway (the same startStack `npm start` runs) against sandboxes in
// another process. It answers `cpu` with its own process.cpuUsage(), so the load generator can
// charge the gateway exactly the CPU it spent between two marks.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import pino from 'pino';
import { createLogger } from '@bianmin/server/log';
import { openDatabase, type Database } from '@bianmin/server/db/open';
import { openTestDatabase } from '@bianmin/server/db/testing/index';
import { startStack, type StackOptions } from '@bianmin/dev/stack';

export interface GatewayConfig {
  kind: 'pglite' | 'postgres';
  /** 0 = every bills.bill reaches the department. */
  cacheTtlMs: number;
  /** 'silent', or a pino level written to /dev/null (what logging costs on the hot path). */
  logLevel: string;
  external: NonNullable<StackOptions['external']>;
  /**
   * A PostgreSQL database of the bench's own, opened as a deployed function opens it (no
   * search_path, migrations tracked in `drizzle`), so that a bundle can be pointed at the same data.
   */
  databaseUrl?: string;
}

async function main() {
  const config = JSON.parse(process.env.BENCH_GATEWAY!) as GatewayConfig;
  let database: Database;
  if (config.databaseUrl) database = await openDatabase({ url: config.databaseUrl, maxConnections: 10 });
  else database = await openTestDatabase(config.kind);
  const log = config.logLevel === 'silent' ? 'silent' : createLogger({ level: config.logLevel, destination: pino.destination({ dest: '/dev/null', sync: true }) });
  const stack = await startStack({
    port: 0,
    database,
    log,
    external: config.external,
    departmentCacheTtlMs: config.cacheTtlMs,
    loops: false,
  });
  // BENCH_PROFILE: a CPU profile of the measured window only (not start-up, not migrations).
  const session = process.env.BENCH_PROFILE ? new Session() : undefined;
  session?.connect();
  const post = (method: string) => new Promise<unknown>((ok, fail) => session!.post(method, (e, r) => (e ? fail(e) : ok(r))));
  process.on('message', async (m: { type: string; name?: string }) => {
    if (m.type === 'prof-start' && session) {
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    if (m.type === 'prof-stop' && session) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(join(process.env.BENCH_PROFILE!, `${m.name}.cpuprofile`), JSON.stringify(profile));
    }
    if (m.type === 'cpu') {
      const u = process.cpuUsage();
      process.send!({ type: 'cpu', micros: u.user + u.system });
    }
    if (m.type === 'stop') {
      await stack.stop();
      await database.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', url: stack.url });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
