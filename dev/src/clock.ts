import { AppError, type Clock, parseInstant, systemClock, toShanghaiIso } from '@bianmin/core';

/**
 * The local stack's one clock. `npm start` reads `DEV_NOW`, the h5 "模拟时间" control moves it
 * through `POST /api/__dev/clock`, and from then on the gateway's calls, the background jobs and
 * every sandbox read it: it runs forward in real time from the instant it was set, so an order
 * made "at" 2026-03-10 09:00 expires at 09:30 of that day, not five seconds later because the
 * jobs live in December. A per-request `X-Dev-Now` still overrides it for that one call.
 *
 * It is passed around as the core `Clock` (nothing patches `Date`): code that should run on
 * real time whatever the demo date says (caches, circuit breakers, Tencent Cloud's signature
 * window, which is checked against the SDK's own real clock) simply is not given it.
 */
export interface DevClock extends Clock {
  /** From now on the stack's time is `at`, moving forward in real time. */
  set(at: Date, source?: DevClockSource): DevClockState;
  /** Back to the real clock. */
  reset(): DevClockState;
  state(): DevClockState;
  /** A moment of real time (ms) on this clock: for code that measures on real time and shows on this. */
  at(realMs: number): Date;
}

export type DevClockSource = 'real' | 'DEV_NOW' | 'lever';

export interface DevClockState {
  /** The stack's time now, ISO 8601 +08:00. */
  now: string;
  /** What it was set to (null: the real clock) and when, in real time. */
  setTo: string | null;
  setAt: string | null;
  source: DevClockSource;
}

export function createDevClock(opts: { real?: Clock; start?: Date | null; source?: DevClockSource } = {}): DevClock {
  const real = opts.real ?? systemClock;
  let offsetMs = 0;
  let pinned: { to: Date; at: Date; source: DevClockSource } | null = null;
  const clock: DevClock = {
    now: () => new Date(real.now().getTime() + offsetMs),
    at: (realMs) => new Date(realMs + offsetMs),
    set(at, source = 'lever') {
      const r = real.now();
      offsetMs = at.getTime() - r.getTime();
      pinned = { to: new Date(at.getTime()), at: r, source };
      return clock.state();
    },
    reset() {
      offsetMs = 0;
      pinned = null;
      return clock.state();
    },
    state: () => ({
      now: toShanghaiIso(clock.now()),
      setTo: pinned ? toShanghaiIso(pinned.to) : null,
      setAt: pinned ? toShanghaiIso(pinned.at) : null,
      source: pinned ? pinned.source : 'real',
    }),
  };
  if (opts.start) clock.set(opts.start, opts.source ?? 'DEV_NOW');
  return clock;
}

/**
 * The years a dev clock may name. The holiday calendar and the schedules are meaningless in
 * year 9999 or 0500, and a lever that moves the clock there only finds crashes nobody can meet.
 */
export const DEV_NOW_YEARS = { from: 2000, to: 2099 } as const;

/** The Shanghai calendar year of an instant, as a number (never read back from formatted text). */
const shanghaiYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/**
 * A dev clock value, parsed strictly: an instant that round-trips (no 30 February, no T24:00),
 * with its offset, in 2000–2099 Shanghai time. `name` is what the refusal names (the header
 * `X-Dev-Now`, the lever's `now`, the environment's `DEV_NOW`).
 */
export function parseDevNow(text: string, name: string): Date {
  const at = parseInstant(text.trim());
  if (!at) {
    throw new AppError('INVALID_INPUT', `调试时间 ${name} 不是有效的时间。`, {
      fields: { [name]: '应为真实存在、带时区的 ISO 8601 时间，如 2026-03-10T23:45:00+08:00（没有 2 月 30 日，也没有 24:00）' },
    });
  }
  const year = shanghaiYear(at);
  if (!Number.isInteger(year) || year < DEV_NOW_YEARS.from || year > DEV_NOW_YEARS.to) {
    throw new AppError('INVALID_INPUT', `调试时间 ${name} 应在 ${DEV_NOW_YEARS.from}–${DEV_NOW_YEARS.to} 年之间（北京时间），收到的是 ${year} 年。`, {
      fields: { [name]: `年份应在 ${DEV_NOW_YEARS.from}–${DEV_NOW_YEARS.to} 之间` },
    });
  }
  return at;
}
