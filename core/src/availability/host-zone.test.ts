import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const probe = path.join(__dirname, 'testing', 'zone-probe.ts');

interface Probe {
  host: { tz: string; offsetMinutes: number };
  packageApiDisagreements: number;
  result: unknown;
}

/**
 * The host zone is read once per process, so each zone gets its own child process. Cloud
 * functions run in UTC, developers in Asia/Shanghai, and a zone west of UTC is where naive date
 * code (including chinese-days' own helpers) goes wrong.
 */
async function probeIn(tz: string): Promise<Probe> {
  const { stdout } = await run(process.execPath, [require.resolve('tsx/cli'), probe], {
    env: { ...process.env, TZ: tz },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Probe;
}

describe('the same instants evaluated with the host in different zones', () => {
  let probes: Record<string, Probe>;

  beforeAll(async () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
    const results = await Promise.all(zones.map(probeIn));
    probes = Object.fromEntries(zones.map((z, i) => [z, results[i]!]));
  }, 60_000);

  it('really ran each child in its own zone', () => {
    expect(probes['UTC']!.host.offsetMinutes).toBe(0);
    expect(probes['Asia/Shanghai']!.host.offsetMinutes).toBe(-480);
    expect(probes['America/Los_Angeles']!.host.offsetMinutes).toBe(420);
  });

  it('gives identical availability, closures, calendar answers and 12345 deadlines in UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const utc = probes['UTC']!.result;
    expect(probes['Asia/Shanghai']!.result).toEqual(utc);
    expect(probes['America/Los_Angeles']!.result).toEqual(utc);
  });

  it('agrees with chinese-days’ own API where that API is reliable (host at or east of UTC)', () => {
    expect(probes['UTC']!.packageApiDisagreements).toBe(0);
    expect(probes['Asia/Shanghai']!.packageApiDisagreements).toBe(0);
  });

  it('documents the trap the adapter avoids: chinese-days’ own API misreads dates west of UTC', () => {
    expect(probes['America/Los_Angeles']!.packageApiDisagreements).toBeGreaterThan(0);
  });
});
