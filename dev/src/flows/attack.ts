import type { ActionName, Envelope, FunctionName } from '@bianmin/core';
import type { TestStack } from '../testing/stack';

/** The dev clock the matrix calls at by default (every service open), and one late at night. */
export const NOON = '2026-03-10T12:00:00+08:00';
export const LATE = '2026-03-10T23:45:00+08:00';

/** How to call one resident action with the first resident's real ids, and what a replay must get. */
export interface Recipe<O> {
  /** The first resident's call, with their real ids. */
  body(o: O): Record<string, unknown>;
  /** The dev clock for the call (default noon: every service open). */
  now?: string;
  /**
   * What another resident replaying the body gets. 'NOT_FOUND': the body names something of the
   * first resident's. 'own': the action takes no id of anyone's (a list, a new reminder), so it
   * answers about the caller — and must carry nothing of the first resident's either way.
   */
  replay: 'NOT_FOUND' | 'own';
  /**
   * Things of the first resident's (keys of what the seeders made) the answer may legitimately
   * contain because the replayed body itself is the proof to them (binding with the holder's
   * name: family members may). Ids never.
   */
  mayEcho?: string[];
}

/** A fuzz extra of a flow: named attacks on one action, each with its answer, and what went wrong. */
export interface FuzzExtra {
  outcomes: unknown[];
  failures: Array<{ action: string; problem: string }>;
}

/**
 * A function's piece of the attack suite, beside its flow (dev/src/flows/<flow>/attack.ts): the
 * seeder that gives the first resident one of everything of this function's, the strings of
 * those things no other caller may see, a recipe for every resident action (the authorization
 * matrix replays them), and any fuzz extras. The suite is derived from the list of these
 * (dev/src/flows/index.ts); flows/registry.test.ts fails for a function missing one.
 */
export interface DevFlow<F extends FunctionName, O extends object> {
  fn: F;
  /** Runs in the list's order, after the seeders before it (a message needs a reminder sent). */
  seed(stack: TestStack): Promise<O>;
  secrets(o: O): { [K in keyof O]: string[] };
  recipes: { [A in ActionName<F>]?: Recipe<O> };
  fuzz?(url: string, o: O, openid: string): Promise<FuzzExtra>;
}

export function defineDevFlow<F extends FunctionName, O extends object>(d: DevFlow<F, O>): DevFlow<F, O> {
  return d;
}

/** A seeder's call's answer, or a failure naming the step. */
export function seeded<T>(r: { body: Envelope<unknown> }, what: string): T {
  const b = r.body;
  if (!b.ok) throw new Error(`seeding ${what}: ${b.error.code} ${b.error.message}`);
  return b.data as T;
}
