import type { FunctionName } from '@bianmin/core';
import type { TestStack } from '../testing/stack';
import type { DevFlow, Recipe } from './attack';
import { billsAttack } from './bills/attack';
import { insuranceAttack } from './insurance/attack';
import { meAttack } from './me/attack';
import { messagesAttack } from './messages/attack';
import { paymentsAttack } from './payments/attack';
import { servicesAttack } from './services/attack';
import { ticketsAttack } from './tickets/attack';
import { trafficAttack } from './traffic/attack';

export { LATE, NOON, type Recipe } from './attack';

/**
 * Every function's piece of the attack suite, one line each, in the order the seeders run. The
 * authorization matrix, the fuzzer's values and extras, and what the first resident owns are
 * derived from this list; flows/registry.test.ts fails for a resident function missing one, or
 * a resident action without a recipe.
 */
export const DEV_FLOWS = [servicesAttack, messagesAttack, billsAttack, insuranceAttack, ticketsAttack, trafficAttack, paymentsAttack, meAttack] as const;

type Seeded<D> = D extends DevFlow<FunctionName, infer O> ? O : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** What the first resident owns after `seedFirstResident`: the ids another resident must never reach. */
export type Owned = Intersect<Seeded<(typeof DEV_FLOWS)[number]>>;

const flows = DEV_FLOWS as unknown as ReadonlyArray<DevFlow<FunctionName, Record<string, string>>>;

/** Gives the first resident (张晓明) one of everything, flow by flow in the list's order. */
export async function seedFirstResident(stack: TestStack): Promise<Owned> {
  let owned = {} as Record<string, string>;
  for (const f of flows) owned = { ...owned, ...(await f.seed(stack)) };
  return owned as unknown as Owned;
}

/** The strings of the first resident's that no other caller's answer may contain (but those `except` names). */
export function secretsOf(o: Owned, except: readonly string[] = []): string[] {
  const all = Object.assign({}, ...flows.map((f) => f.secrets(o as unknown as Record<string, string>))) as Record<string, string[]>;
  return Object.keys(all)
    .filter((k) => !except.includes(k))
    .flatMap((k) => all[k]);
}

/** Every recipe by `<function>.<action>`: the matrix replays them, the fuzzer starts from them. */
export const RECIPES: Readonly<Record<string, Recipe<Owned>>> = Object.fromEntries(
  flows.flatMap((f) => Object.entries(f.recipes).map(([action, r]) => [`${f.fn}.${action}`, r as unknown as Recipe<Owned>])),
);
