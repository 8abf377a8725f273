import Taro from '@tarojs/taro';
import type * as Weapp from './transport';
import { transportError } from './errors';
import { devHeaders } from './dev-session';
import { CALL_TIMEOUT_MS } from '@bianmin/core/call-timeout';

/**
 * h5: `POST /api/<name>` to the local gateway, which answers the same envelope as a cloud
 * function, calling as the demo resident the dev session names (ARCHITECTURE.md §3).
 * Never taro-h5's `Taro.cloud`: its stub reports success without calling anything.
 */
export const send: typeof Weapp.send = async (name, data) => {
  const header = { 'Content-Type': 'application/json', ...(await devHeaders()) };
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    res = await Taro.request({ url: `/api/${name}`, method: 'POST', data, header, timeout: CALL_TIMEOUT_MS, dataType: 'json' });
  } catch (e) {
    throw transportError(isAbort(e) ? 'timeout' : 'network');
  }
  // The gateway maps error codes onto HTTP statuses but always sends the envelope; any other
  // body (a proxy's error page, a static server's 404/501) means the gateway is not there.
  return res.data;
};

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
