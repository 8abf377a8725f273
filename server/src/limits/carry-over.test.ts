import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/open';
import { openTestDatabase, STORE_KINDS } from '../db/testing/index';
import { LIMITS, takeHit } from './rate-limit';

/**
 * Migration 0009 carries what the old limits counted (bind_attempts, insurance_verifications)
 * into rate_limits, so that a deploy does not hand a guesser a fresh allowance. The migration
 * ran on an empty database in the test template; here its carry-over statements run again on
 * rows written as the previous release wrote them.
 */
const MIGRATION = readFileSync(join(__dirname, '../db/migrations/0009_rate_limits.sql'), 'utf8');
const CARRY_OVER = MIGRATION.split('--> statement-breakpoint').filter((s) => /INSERT INTO "rate_limits"/.test(s));

describe.each(STORE_KINDS)('migration 0009’s carry-over on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('moves failed and in-flight bind proofs and face checks still inside their windows, and nothing older', async () => {
    const exec = (q: string) => database.db.execute(q);
    expect(CARRY_OVER).toHaveLength(3);
    // The database's own clock: the migration runs on it.
    await exec(`insert into bind_attempts (openid, outcome, created_at) values
      ('oOldGuesser01', 'failed', now() - interval '1 minute'), ('oOldGuesser01', 'pending', now() - interval '2 minutes'),
      ('oOldGuesser01', 'ok', now() - interval '3 minutes'), ('oOldGuesser01', 'refused', now()), ('oOldGuesser01', 'failed', now() - interval '11 minutes')`);
    const verification = (status: string, created: string, decided: string | null) =>
      `('oOldVerifier1', '${Math.random()}', 'h', 'm', 'n', '${status}', now() - interval '${created}', now() + interval '30 minutes', ${decided ? `now() - interval '${decided}'` : 'null'})`;
    await exec(`insert into insurance_verifications (openid, biz_token, id_hash, id_masked, name_masked, status, created_at, link_expires_at, decided_at) values
      ${[verification('failed', '50 minutes', '40 minutes'), verification('pending', '5 minutes', null), verification('passed', '10 minutes', '9 minutes'), verification('failed', '2 hours', '90 minutes')].join(',')}`);
    for (const statement of CARRY_OVER) await exec(statement);

    const rows = (await exec(`select caller, name, cardinality(hits)::int as n from rate_limits where caller like 'oOld%' order by name`)) as unknown as { rows: Array<{ caller: string; name: string; n: number }> };
    expect(rows.rows).toEqual([
      { caller: 'oOldGuesser01', name: LIMITS.bindFailures.name, n: 2 },
      { caller: 'oOldVerifier1', name: LIMITS.verifyFailures.name, n: 2 },
      { caller: 'oOldVerifier1', name: LIMITS.verifyStarts.name, n: 3 },
    ]);
    // And the limiter reads them: three more failed proofs fit, the fourth does not.
    const now = new Date();
    for (let i = 0; i < 3; i++) await takeHit(database.db, LIMITS.bindFailures, 'oOldGuesser01', now);
    await expect(takeHit(database.db, LIMITS.bindFailures, 'oOldGuesser01', now)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
