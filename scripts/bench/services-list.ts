// Bench child: the hub's `services.list` at a catalogue of N services — what listServices does
// per service (availability now + today's later closures), with N made of the catalogue's own
// schedules under fresh ids. Prints the median ms of repeated calls: `engineMs` with the clock
// moving on a second per call (the hub as residents open it: each service's verdict is reused
// until its next boundary), `coldMs` jumping between instants days apart (no verdict reusable).
import { CATALOGUE } from '@bianmin/core';
import { chineseDaysCalendar, scheduledService, type ScheduledService } from '@bianmin/core/availability/index';
import { servicesAt } from '@bianmin/server/flows/services/list';
import { silentLogger } from '@bianmin/server/log';
import type { Deps } from '@bianmin/server/runtime/types';
import type { DepartmentClient } from '@bianmin/server/departments/client';
import { availability, closureMayStartOn, upcomingClosures } from '@bianmin/core/availability/index';
import { dayOf } from '@bianmin/core/availability/shanghai-time';

const n = Number(process.argv[2] ?? 11);
const calendar = chineseDaysCalendar();
const base = CATALOGUE.services.map((s) => scheduledService(s.id)!);
const services: ScheduledService[] = Array.from({ length: n }, (_x, i) => ({ ...base[i % base.length], id: `${base[i % base.length].id}.${i}` }));
const instants = ['2026-03-10T12:00:00+08:00', '2026-03-10T23:40:00+08:00', '2026-10-01T09:00:00+08:00', '2026-03-14T15:30:00+08:00'].map((s) => new Date(s));

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  let engineMs: number;
  let coldMs: number;
  let listMs: number | undefined;
  // The engine's work for N services, as listServices asks for it.
  const engineOnce = (now: Date) => {
    for (const s of services) {
      const a = availability(s, now, calendar, { state: 'up' });
      if ((a.state === 'open' || a.state === 'closing_soon') && closureMayStartOn(s, dayOf(now.getTime()), calendar)) upcomingClosures(s, now, 1, calendar);
    }
  };
  for (let i = 0; i < 20; i++) engineOnce(instants[i % instants.length]);
  {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      engineOnce(new Date(instants[i % instants.length].getTime() + i * 1000));
      times.push(performance.now() - t0);
    }
    coldMs = median(times);
  }
  {
    const times: number[] = [];
    for (const start of instants) {
      for (let i = 0; i < 60; i++) {
        const t0 = performance.now();
        engineOnce(new Date(start.getTime() + 3600_000 + i * 1000));
        if (i > 0) times.push(performance.now() - t0);
      }
    }
    engineMs = median(times);
  }
  // The real listServices over the real catalogue (11 services) with departments that are up.
  if (n === CATALOGUE.services.length) {
    const up: Pick<DepartmentClient, 'health' | 'probe'> = { health: () => ({ state: 'up' }), probe: async () => ({ state: 'up' }) };
    const departments = Object.fromEntries(['water', 'power', 'gas', 'traffic', 'insurance', 'hotline'].map((d) => [d, up]));
    const deps = { departments, calendar, log: silentLogger } as unknown as Deps;
    const times: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t0 = performance.now();
      await servicesAt(new Date(instants[Math.floor(i / 55)].getTime() + (i % 55) * 1000), deps);
      if (i >= 20) times.push(performance.now() - t0);
    }
    listMs = median(times);
  }
  process.stdout.write(JSON.stringify({ n, engineMs, coldMs, listMs }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
