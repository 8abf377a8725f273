import './zod-locale';
import type { z } from 'zod';
import type { Contract } from './contract';
import { CONTRACTS } from './flows/index';

type Contracts = (typeof CONTRACTS)[number];
type Named<F extends FunctionName> = Extract<Contracts, { name: F }>;

/** Every function the mini-program calls, by name: one contract each (flows/index.ts). */
export type FunctionName = Contracts['name'];

/**
 * Every cloud function's actions: the zod schema of the input (shared by client and server),
 * derived from the contracts. The client's callFunction() and the server's runtime are both
 * typed from the contracts; the server reads its own flow's schemas, never this table, so a
 * function's bundle carries no other flow's.
 */
export const API_INPUTS = Object.fromEntries(CONTRACTS.map((c: Contract) => [c.name, c.inputs])) as { [F in FunctionName]: Named<F>['inputs'] };

/** The answer of every action, derived from the contracts. */
export type ApiOutputs = { [F in FunctionName]: NonNullable<Named<F>['outputs']> };

export type ActionName<F extends FunctionName> = keyof (typeof API_INPUTS)[F] & keyof ApiOutputs[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<(typeof API_INPUTS)[F][A] & z.ZodType>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ApiOutputs[F][A];
// zod types an empty object's input as Record<string, never>, which no `{ action }` satisfies.
type Params<T> = string extends keyof T ? unknown : T;
export type CallData<F extends FunctionName, A extends ActionName<F>> = { action: A } & Params<ActionInput<F, A>>;
