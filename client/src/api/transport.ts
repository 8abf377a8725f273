import Taro from '@tarojs/taro';
import { CALL_TIMEOUT_MS } from '@bianmin/core/call-timeout';
import { isApiError, transportError } from './errors';

/**
 * weapp: one call through `Taro.cloud.callFunction`; WeChat itself tells the function who is
 * calling. The h5 build takes transport.h5.ts instead (Taro's platform-suffix resolution), so
 * neither the local gateway's address nor its dev levers reach the mini-program's bundle.
 * Resolves with the function's raw answer; callFunction() reads it as an envelope.
 */
export async function send(name: string, data: object): Promise<unknown> {
  try {
    const res = await withTimeout(Taro.cloud.callFunction({ name, data: data as Record<string, unknown> }));
    return res.result;
  } catch (e) {
    throw isApiError(e) ? e : transportError(/timeout|超时/i.test(errMsg(e)) ? 'timeout' : 'network');
  }
}

function errMsg(e: unknown): string {
  if (typeof e === 'object' && e !== null) {
    const m = (e as { errMsg?: unknown; message?: unknown }).errMsg ?? (e as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  }
  return String(e);
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(transportError('timeout')), CALL_TIMEOUT_MS);
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
