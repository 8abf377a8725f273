import { AppError } from '@bianmin/core';
import { z } from 'zod';

/**
 * Operators sign in with WeChat Work (企业微信): the console sends them to WeChat Work's sign-in
 * page (`/wwlogin/sso/login`, scanned with the WeChat Work app), which comes back to the console
 * with a `code`; the server trades it for the member's userid with the corp's access token
 * (`/cgi-bin/auth/getuserinfo`), and the userid names the operator. A code works once, for five
 * minutes. Locally the WeCom sandbox (dev/src/sandboxes/wecom.ts) answers in the same shapes and
 * error codes.
 */
export interface WeComSignIn {
  /** The page to send the operator to, coming back to the console with `code` and `state`. */
  signInUrl(state: string): string;
  /** The member's userid for a sign-in code. */
  userIdFromCode(code: string): Promise<string>;
}

export interface WeComConfig {
  corpId: string;
  agentId: string;
  secret: string;
  /** Where WeChat Work sends the operator back: the console's address. */
  redirectUri: string;
  /** @default 'https://qyapi.weixin.qq.com' */
  apiBase?: string;
  /** @default 'https://login.work.weixin.qq.com/wwlogin/sso/login' */
  loginUrl?: string;
  fetch?: typeof fetch;
  /** Real time, for the token's lifetime. */
  now?: () => number;
  timeoutMs?: number;
}

/** WeChat Work's error codes we act on (its global error code table). */
export const WECOM_ERRORS = {
  /** 不合法的 secret 参数 */
  INVALID_SECRET: 40001,
  /** 不合法的 corpid */
  INVALID_CORPID: 40013,
  /** 不合法的 access_token */
  INVALID_TOKEN: 40014,
  /** 不合法的 oauth_code（used, expired or made up） */
  INVALID_CODE: 40029,
  /** access_token 已过期 */
  TOKEN_EXPIRED: 42001,
} as const;

const tokenAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional(), access_token: z.string().optional(), expires_in: z.number().optional() });
const userAnswer = z.object({ errcode: z.number(), errmsg: z.string().optional(), userid: z.string().optional(), openid: z.string().optional() });

/** A WeChat Work answer we could not use: its errcode, for the log (never shown to the operator as is). */
export class WeComError extends Error {
  override name = 'WeComError';
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
  }
}

export function wecomSignIn(c: WeComConfig): WeComSignIn {
  const apiBase = c.apiBase ?? 'https://qyapi.weixin.qq.com';
  const loginUrl = c.loginUrl ?? 'https://login.work.weixin.qq.com/wwlogin/sso/login';
  const doFetch = c.fetch ?? fetch;
  const now = c.now ?? (() => Date.now());
  const timeoutMs = c.timeoutMs ?? 4000;
  let token: { value: string; until: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function getJson(path: string): Promise<unknown> {
    let res: Response;
    try {
      res = await doFetch(`${apiBase}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
      return await res.json();
    } catch {
      throw new AppError('DEPARTMENT_UNAVAILABLE', '企业微信暂时连不上，请稍后再登录。', { retryable: true });
    }
  }

  /** The corp's access token, shared by every sign-in until shortly before it expires (7200 s). */
  async function accessToken(): Promise<string> {
    if (token && now() < token.until) return token.value;
    fetching ??= (async () => {
      const a = tokenAnswer.safeParse(await getJson(`/cgi-bin/gettoken?corpid=${encodeURIComponent(c.corpId)}&corpsecret=${encodeURIComponent(c.secret)}`));
      if (!a.success || a.data.errcode !== 0 || !a.data.access_token) {
        const code = a.success ? a.data.errcode : -1;
        throw new WeComError(code, `gettoken failed: ${code}`);
      }
      // Five minutes' margin: a token that expires mid-call costs a sign-in.
      token = { value: a.data.access_token, until: now() + Math.max(60, (a.data.expires_in ?? 7200) - 300) * 1000 };
      return token.value;
    })().finally(() => (fetching = undefined));
    return fetching;
  }

  return {
    signInUrl(state) {
      const q = new URLSearchParams({ login_type: 'CorpApp', appid: c.corpId, agentid: c.agentId, redirect_uri: c.redirectUri, state });
      return `${loginUrl}?${q.toString()}`;
    },
    async userIdFromCode(code) {
      for (let attempt = 0; attempt < 2; attempt++) {
        let t: string;
        try {
          t = await accessToken();
        } catch (e) {
          if (e instanceof WeComError) throw new AppError('INTERNAL', '企业微信登录配置有误，请联系市级管理员。', { cause: e });
          throw e;
        }
        const a = userAnswer.safeParse(await getJson(`/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(t)}&code=${encodeURIComponent(code)}`));
        if (!a.success) throw new AppError('DEPARTMENT_ERROR', '企业微信返回了无法识别的数据，请稍后再登录。');
        const { errcode, userid } = a.data;
        if (errcode === WECOM_ERRORS.INVALID_TOKEN || errcode === WECOM_ERRORS.TOKEN_EXPIRED) {
          // Revoked or expired early (another server fetched a new one): fetch once more, then ask again.
          token = undefined;
          continue;
        }
        if (errcode === WECOM_ERRORS.INVALID_CODE) throw new AppError('UNAUTHENTICATED', '登录码已失效（每个登录码只能用一次，5 分钟内有效），请重新扫码登录。');
        if (errcode !== 0) throw new AppError('DEPARTMENT_ERROR', `企业微信登录未成功（错误码 ${errcode}），请稍后再试。`);
        // A non-member (an outside contact) gets an openid and no userid: not one of the city's staff.
        if (!userid) throw new AppError('FORBIDDEN', '只有本市企业微信的成员才能登录运营后台。');
        return userid;
      }
      throw new AppError('DEPARTMENT_ERROR', '企业微信登录未成功，请稍后再试。');
    },
  };
}
