import { AppError, type Envelope, internalErrorBody, systemClock } from '@bianmin/core';
import { HTTP_STATUS } from '@bianmin/core/http-status';
import { randomUUID } from 'node:crypto';
import { flushLog } from '../log';
import { ConfigurationError } from '../runtime/cold-start';
import type { Wired } from '../runtime/cloudbase';
import type { Deployment } from '../runtime/deployment';
import type { AdminDefinition } from './define';
import { dispatchAdmin } from './dispatch';

/**
 * CloudBase's HTTP access service (HTTP 访问服务) hands a function the request as an "integration
 * request" — `{ path, httpMethod, headers, queryStringParameters, body, isBase64Encoded }` — and
 * turns an answer of `{ statusCode, headers, body, isBase64Encoded }` into the HTTP response.
 */
export interface HttpEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean | string;
}

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** The largest admin body: a schedule with its windows is a few KB. */
export const ADMIN_MAX_BODY_BYTES = 64 * 1024;

const answer = (env: Envelope<unknown>): HttpAnswer => ({
  statusCode: env.ok ? 200 : HTTP_STATUS[env.error.code],
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(env),
  isBase64Encoded: false,
});

const refused = (e: AppError) => answer({ ok: false, error: e.toBody() });

/** Header names arrive in whatever case the client sent; HTTP says they are case-insensitive. */
function header(h: HttpEvent['headers'], name: string): string | undefined {
  if (!h) return undefined;
  for (const [k, v] of Object.entries(h)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/**
 * The deployed admin function: an operator's call over HTTPS with `Authorization: Bearer <token>`
 * and the residents' envelope as its JSON body, answered by the same dispatcher the local gateway
 * uses. There is no WeChat caller here: a resident's openid never reaches it, whatever the
 * request carries.
 */
export function operatorHttpEntry(deployment: Deployment, def: AdminDefinition, wire: (d: Deployment) => Wired) {
  return async function main(event: HttpEvent): Promise<HttpAnswer> {
    const method = String(event?.httpMethod ?? '').toUpperCase();
    if (method !== 'POST') return refused(new AppError('INVALID_INPUT', '请使用 POST 调用运营后台接口。'));
    let text = typeof event.body === 'string' ? event.body : '';
    if (event.isBase64Encoded === true || event.isBase64Encoded === 'true') text = Buffer.from(text, 'base64').toString('utf8');
    if (Buffer.byteLength(text) > ADMIN_MAX_BODY_BYTES) return refused(new AppError('INVALID_INPUT', '请求内容过大（上限 64 KB）。', { fields: { _: '请求内容过大' } }));
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return refused(new AppError('INVALID_INPUT', '请求内容不是合法的 JSON。', { fields: { _: '不是合法的 JSON' } }));
    }
    let w: Wired;
    try {
      w = wire(deployment);
    } catch (e) {
      if (!(e instanceof ConfigurationError)) console.error('bianmin: admin wiring failed', e instanceof Error ? e.name : typeof e);
      return answer({ ok: false, error: internalErrorBody() });
    }
    const auth = header(event.headers, 'authorization');
    const m = auth ? /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(auth.trim()) : null;
    const env = await dispatchAdmin(def, body, { token: m ? m[1] : null, clock: systemClock, deps: w.deps, log: w.log, requestId: randomUUID() });
    await flushLog(w.log);
    return answer(env);
  };
}
