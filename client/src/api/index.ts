import type { ActionName, ActionOutput, CallData, FunctionName } from '@bianmin/core';
import { withActingFor } from '../family/acting-for';
import { ApiError, readEnvelope, transportError } from './errors';
import { send } from './transport';

export { ApiError, isApiError, toApiError } from './errors';
export type { TransportFailure } from './errors';

/**
 * The only way the client talks to the backend. Typed from core's API table: the action
 * picks the input and the answer type. Resolves with the envelope's data, or rejects with an
 * ApiError whose message can be shown to the resident unchanged.
 *
 * A page acting for a relative (亲友代办) adds its link to every call of a family-scoped function
 * here (family/acting-for.ts), so no call site carries it.
 *
 * How the call travels is per platform (Taro picks `transport.<platform>.ts` over
 * `transport.ts`): weapp `Taro.cloud.callFunction`, h5 `POST /api/<name>` to the local gateway.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  data: CallData<F, A>,
): Promise<ActionOutput<F, A>> {
  const answer = await send(name, withActingFor(name, data));
  const envelope = readEnvelope(answer);
  if (!envelope) throw transportError('garbage');
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as ActionOutput<F, A>;
}
