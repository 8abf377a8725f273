import type { z } from 'zod';
import type { DepartmentId } from './departments';

/** Each action's input schema: the client validates with the schema the server parses with. */
export type Inputs = Record<string, z.ZodType>;

/**
 * A cloud function's contract with the mini-program, stated once and read by both: the name the
 * client calls, each action's input schema and answer, the catalogue services its actions touch
 * and the departments it reaches. The server's declaration of the flow (`defineFlow`) is typed
 * from it; the client's `callFunction` is typed from the list of all of them (`CONTRACTS`).
 */
export interface Contract<Name extends string = string, I extends Inputs = Inputs, O = unknown, Service extends string = string, Department extends DepartmentId = DepartmentId> {
  readonly name: Name;
  readonly inputs: I;
  /** The catalogue services (`catalogue/services.json`) the flow's actions are guarded by. */
  readonly services: readonly Service[];
  /** The departments the flow calls: their endpoints are its deployment's variables, their sandboxes the local stack's. */
  readonly departments: readonly Department[];
  /** Types only, never present at run time: each action's answer. */
  readonly outputs?: O;
}

/** The actions of a contract: the ones with both an input schema and an answer. */
export type ContractActions<C extends Contract> = keyof C['inputs'] & keyof NonNullable<C['outputs']> & string;

type SameKeys<I, O> = [Exclude<keyof I, keyof O> | Exclude<keyof O, keyof I>] extends [never] ? unknown : { error: 'every action needs an input schema and an answer type'; missing: Exclude<keyof I, keyof O> | Exclude<keyof O, keyof I> };

/**
 * Declares a contract: `defineContract<Outputs>()({ name, inputs, services, departments })`. The
 * answers are a type argument (they are types, not values); the rest is inferred, the service ids
 * and department ids as literals. An input without an answer, or an answer without an input, is
 * a type error naming it.
 */
export function defineContract<O>() {
  return <const Name extends string, I extends Inputs, const Service extends string = never, const Department extends DepartmentId = never>(
    c: { name: Name; inputs: I & SameKeys<I, O>; services: readonly Service[]; departments: readonly Department[] },
  ): Contract<Name, I, O, Service, Department> => c as Contract<Name, I, O, Service, Department>;
}
