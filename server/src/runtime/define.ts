import type { ActionName, ActionOutput, API_INPUTS, FunctionName } from '@bianmin/core';
// Residents read validation messages: zod's wording is Chinese wherever a function parses input.
import '@bianmin/core/zod-locale';
import type { z } from 'zod';
import type { Action, DispatchableAction, Subjects } from './actions';

type InputSchema<F extends FunctionName, A extends ActionName<F>> = (typeof API_INPUTS)[F][A] & z.ZodType;

export type FunctionActions<F extends FunctionName, S extends Subjects> = { [A in ActionName<F>]: Action<z.output<InputSchema<F, A>>, ActionOutput<F, A>, S> };

export interface FunctionDefinition<F extends FunctionName = FunctionName> {
  name: F;
  subjects: Subjects;
  actions: Record<string, DispatchableAction>;
  /** The input schema of each action (the shared ones from core). */
  schemas: Record<string, z.ZodType>;
}

/**
 * A cloud function is a table of actions whose input schemas are the shared ones in
 * `@bianmin/core/api`: the client validates with the same schema it is typed from. The function
 * names its own schemas (typed as API_INPUTS[name], so no other table fits) rather than reading
 * API_INPUTS: a bundle then carries only its own.
 */
export function defineFunction<F extends FunctionName, S extends Subjects = Record<never, never>>(
  name: F,
  schemas: (typeof API_INPUTS)[F],
  def: { subjects?: S; actions: FunctionActions<F, S> },
): FunctionDefinition<F> {
  return { name, subjects: def.subjects ?? {}, actions: def.actions as unknown as Record<string, DispatchableAction>, schemas: schemas as unknown as Record<string, z.ZodType> };
}
