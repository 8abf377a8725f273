import type { ActionName, ActionOutput, API_INPUTS, FunctionName } from '@bianmin/core';
// Residents read validation messages: zod's wording is Chinese wherever a function parses input.
import '@bianmin/core/zod-locale';
import type { z } from 'zod';
import type { CallContext } from './types';

type InputSchema<F extends FunctionName, A extends ActionName<F>> = (typeof API_INPUTS)[F][A] & z.ZodType;

export interface ActionHandler<F extends FunctionName, A extends ActionName<F>> {
  /** 'resident' (default): refused with UNAUTHENTICATED without a caller. */
  auth?: 'resident' | 'public';
  /**
   * The catalogue service this action touches (e.g. `bills.electricity.pay`). When set, the
   * runtime refuses the call outside the service's hours — before the handler runs, so before
   * any department is called or anything is written.
   */
  service?: (input: z.output<InputSchema<F, A>>, ctx: CallContext) => string | Promise<string>;
  /**
   * A read that can answer from its last known data (marked stale) goes ahead while the
   * department is down; hours, holidays and maintenance still refuse it.
   */
  servesStale?: boolean;
  run(input: z.output<InputSchema<F, A>>, ctx: CallContext): Promise<ActionOutput<F, A>>;
}

export type FunctionHandlers<F extends FunctionName> = { [A in ActionName<F>]: ActionHandler<F, A> };

export interface FunctionDefinition<F extends FunctionName = FunctionName> {
  name: F;
  actions: FunctionHandlers<F>;
  /** The input schema of each action (the shared ones from core). */
  schemas: Record<string, z.ZodType>;
}

/**
 * A cloud function is a table of actions whose input schemas are the shared ones in
 * `@bianmin/core/api`: the client validates with the same schema it is typed from. The function
 * names its own schemas (typed as API_INPUTS[name], so no other table fits) rather than reading
 * API_INPUTS: a bundle then carries only its own.
 */
export function defineFunction<F extends FunctionName>(name: F, schemas: (typeof API_INPUTS)[F], actions: FunctionHandlers<F>): FunctionDefinition<F> {
  return { name, actions, schemas: schemas as unknown as Record<string, z.ZodType> };
}
