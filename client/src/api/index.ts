import Taro from '@tarojs/taro';
import type { ActionName, ActionOutput, CallData, FunctionName } from '@bianmin/core';
import { ApiError, isApiError, readEnvelope, transportError } from './errors';
import { devHeaders } from './dev-session';

export { ApiError, isApiError, toApiError } from './errors';
export type { TransportFailure } from './errors';

/** Longer than a cloud function's own limit would be pointless; shorter cuts off slow departments. */
const TIMEOUT_MS = 20000;

/**
 * The only way the client talks to the backend. Typed from core's API table: the action
 * picks the input and the answer type. Resolves with the envelope's data, or rejects with an
 * ApiError whose message can be shown to the resident unchanged.
 *
 * weapp: `Taro.cloud.callFunction` (identity comes from WeChat itself).
 * h5: `POST /api/<name>` to the local gateway, which answers the same envelope.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  data: CallData<F, A>,
): Promise<ActionOutput<F, A>> {
  const answer = await send(name, data);
  const envelope = readEnvelope(answer);
  if (!envelope) throw transportError('garbage');
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as ActionOutput<F, A>;
}

async function send(name: string, data: object): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await withTimeout(Taro.cloud.callFunction({ name, data: data as Record<string, unknown> }));
      return res.result;
    } catch (e) {
      throw isApiError(e) ? e : transportError(/timeout|超时/i.test(errMsg(e)) ? 'timeout' : 'network');
    }
  }
  if (process.env.TARO_ENV === 'h5') {
    // Never taro-h5's Taro.cloud: its stub reports success without calling anything.
    const header = { 'Content-Type': 'application/json', ...(await devHeaders()) };
    let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
    try {
      res = await Taro.request({ url: `/api/${name}`, method: 'POST', data, header, timeout: TIMEOUT_MS, dataType: 'json' });
    } catch (e) {
      throw transportError(isAbort(e) ? 'timeout' : 'network');
    }
    // The gateway maps error codes onto HTTP statuses but always sends the envelope; any other
    // body (a proxy's error page, a static server's 404/501) means the gateway is not there.
    return res.data;
  }
  throw transportError('network');
}

function errMsg(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const m = (e as { errMsg?: unknown; message?: unknown }).errMsg ?? (e as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return String(e);
}

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(transportError('timeout')), TIMEOUT_MS);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
