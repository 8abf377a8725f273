import type { Logger } from '../log';

/**
 * WeChat's server APIs that have no cloud call (人脸核身 2.0, 非税): HTTPS POSTs with the
 * mini-program's access token in the query. The token comes from the stable-token endpoint
 * (`/cgi-bin/stable_token`, normal mode): every function of the account may ask for it and all get
 * the same token while it lives, where the classic `/cgi-bin/token` would invalidate the token
 * another function holds. It lives 7200 s and WeChat renews it 5 minutes early; we keep it until
 * then and ask again, without `force_refresh` (20 a day, and it would cut off every other function).
 */
export interface WeChatApiConfig {
  appId: string;
  appSecret: string;
  /** @default 'https://api.weixin.qq.com' (the local stack: its WeChat sandbox) */
  baseUrl: string;
}

/** WeChat answered with an errcode: the API's own refusal, kept for the adapter to word. */
export class WeChatApiError extends Error {
  override name = 'WeChatApiError';
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`${path}: errcode ${errcode}`);
  }
}

/** WeChat could not be reached, was too slow, or answered something that is not its JSON. */
export class WeChatUnreachableError extends Error {
  override name = 'WeChatUnreachableError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** errcodes that mean "this token is no good": 40001 invalid credential, 40014 invalid access_token, 42001 expired. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);
/** Renew this long before WeChat says the token ends (it renews 5 minutes early itself). */
const RENEW_EARLY_MS = 5 * 60_000;

export interface WeChatApi {
  /** POST `path` with the access token; the answer's JSON when errcode is 0 (or absent). */
  post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
}

export function weChatApi(cfg: WeChatApiConfig, o: { timeoutMs: number; log: Logger; now?: () => number }): WeChatApi {
  const now = o.now ?? Date.now;
  let token: { value: string; until: number } | undefined;
  let asking: Promise<string> | undefined;

  async function postJson(path: string, query: string, body: unknown): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${cfg.baseUrl}${path}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (e) {
      throw new WeChatUnreachableError(path, (e as Error).name === 'TimeoutError' ? 'timeout' : 'network');
    }
    const text = await res.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok || !parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new WeChatUnreachableError(path, `http ${res.status}`);
    return parsed as Record<string, unknown>;
  }

  async function askToken(): Promise<string> {
    const r = await postJson('/cgi-bin/stable_token', '', { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret });
    if (typeof r.errcode === 'number' && r.errcode !== 0) throw new WeChatApiError(r.errcode, String(r.errmsg ?? ''), '/cgi-bin/stable_token');
    if (typeof r.access_token !== 'string' || typeof r.expires_in !== 'number') throw new WeChatUnreachableError('/cgi-bin/stable_token', 'no access_token');
    token = { value: r.access_token, until: now() + r.expires_in * 1000 - RENEW_EARLY_MS };
    return r.access_token;
  }

  // Parallel calls in one process share one request for a token.
  const accessToken = () => (token && token.until > now() ? Promise.resolve(token.value) : (asking ??= askToken().finally(() => (asking = undefined))));

  return {
    async post(path, body) {
      for (let attempt = 0; ; attempt++) {
        const value = await accessToken();
        const r = await postJson(path, `?access_token=${encodeURIComponent(value)}`, body);
        const errcode = typeof r.errcode === 'number' ? r.errcode : 0;
        if (STALE_TOKEN.has(errcode) && attempt === 0) {
          o.log.warn({ path, errcode }, 'WeChat refused the access token; asking for it again');
          if (token?.value === value) token = undefined;
          continue;
        }
        if (errcode !== 0) throw new WeChatApiError(errcode, String(r.errmsg ?? ''), path);
        return r;
      }
    },
  };
}
