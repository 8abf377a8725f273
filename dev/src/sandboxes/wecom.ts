import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * WeChat Work (企业微信) as the console's sign-in meets it, on loopback: the web sign-in page
 * (`/wwlogin/sso/login`, here a list of the corp's members to pick from instead of a QR code),
 * `GET /cgi-bin/gettoken` and `GET /cgi-bin/auth/getuserinfo`, in WeChat Work's shapes and error
 * codes — 40013 invalid corpid, 40001 invalid secret, 40014 invalid access_token, 42001 expired
 * access_token, 40029 invalid code (used, older than five minutes, or never issued) — and a
 * redirect only to a trusted host (可信域名).
 */
export interface WeComMember {
  userid: string;
  name: string;
}

export interface WeComSandbox {
  url: string;
  corpId: string;
  agentId: string;
  secret: string;
  /** A sign-in code for a member, as the page would issue it (tests). */
  issueCode(userid: string): string;
  /** Makes every access token issued so far expire (the next getuserinfo answers 42001). */
  expireTokens(): void;
  readonly calls: { gettoken: number; getuserinfo: number };
  stop(): Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;

export async function startWeComSandbox(opts: { members: WeComMember[]; trustedHosts?: string[]; now?: () => number }): Promise<WeComSandbox> {
  const now = opts.now ?? (() => Date.now());
  const corpId = 'wwsandbox0c0b0a0900';
  const agentId = '1000002';
  const secret = randomBytes(24).toString('base64url');
  const trusted = new Set(opts.trustedHosts ?? ['127.0.0.1', 'localhost']);
  const tokens = new Map<string, number>();
  const codes = new Map<string, { userid: string; at: number }>();
  const calls = { gettoken: 0, getuserinfo: 0 };

  const json = (res: ServerResponse, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>企业微信登录（本地沙箱）</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:32rem;margin:3rem auto;color:#1f2329}a{display:block;padding:.75rem 1rem;margin:.5rem 0;border:1px solid #c9cdd4;border-radius:6px;color:#0052d9;text-decoration:none;min-height:44px;box-sizing:border-box}a:focus,a:hover{background:#f2f3ff}</style></head><body>${body}</body></html>`);
  };
  const issueCode = (userid: string) => {
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { userid, at: now() });
    return code;
  };
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  function redirectTarget(q: URLSearchParams): URL | string {
    if (q.get('appid') !== corpId) return '参数错误：appid 不是本企业的 CorpID';
    if (q.get('agentid') !== agentId) return '参数错误：agentid 不是本企业的应用';
    let target: URL;
    try {
      target = new URL(q.get('redirect_uri') ?? '');
    } catch {
      return '参数错误：redirect_uri 不是合法的网址';
    }
    if (!trusted.has(target.hostname)) return '该链接无法访问：redirect_uri 的域名不是应用的可信域名';
    return target;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://wecom');
    const q = u.searchParams;
    if (u.pathname === '/cgi-bin/gettoken') {
      calls.gettoken++;
      if (q.get('corpid') !== corpId) return json(res, { errcode: 40013, errmsg: 'invalid corpid' });
      if (q.get('corpsecret') !== secret) return json(res, { errcode: 40001, errmsg: 'invalid credential' });
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, now() + TOKEN_TTL_S * 1000);
      return json(res, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_TTL_S });
    }
    if (u.pathname === '/cgi-bin/auth/getuserinfo') {
      calls.getuserinfo++;
      const until = tokens.get(q.get('access_token') ?? '');
      if (until === undefined) return json(res, { errcode: 40014, errmsg: 'invalid access_token' });
      if (until <= now()) return json(res, { errcode: 42001, errmsg: 'access_token expired' });
      const code = q.get('code') ?? '';
      const c = codes.get(code);
      // A code works once, for five minutes.
      codes.delete(code);
      if (!c || now() - c.at > CODE_TTL_MS) return json(res, { errcode: 40029, errmsg: 'invalid code' });
      if (!opts.members.some((m) => m.userid === c.userid)) return json(res, { errcode: 0, errmsg: 'ok', openid: `oSandboxExternal${c.userid}`, external_userid: `wmSandbox${c.userid}` });
      return json(res, { errcode: 0, errmsg: 'ok', userid: c.userid, user_ticket: randomBytes(16).toString('hex') });
    }
    if (u.pathname === '/wwlogin/sso/login' && req.method === 'GET') {
      const target = redirectTarget(q);
      if (typeof target === 'string') return html(res, 400, `<h1>无法登录</h1><p>${esc(target)}</p>`);
      const state = q.get('state') ?? '';
      const links = opts.members
        .map((m) => `<a href="/wwlogin/sso/confirm?${new URLSearchParams({ userid: m.userid, appid: corpId, agentid: agentId, redirect_uri: target.toString(), state }).toString()}" data-userid="${esc(m.userid)}">${esc(m.name)}（${esc(m.userid)}）</a>`)
        .join('');
      return html(res, 200, `<h1>企业微信登录</h1><p>本地沙箱：选择一位成员代替扫码确认。</p><nav aria-label="企业成员">${links}</nav>`);
    }
    if (u.pathname === '/wwlogin/sso/confirm' && req.method === 'GET') {
      const target = redirectTarget(q);
      if (typeof target === 'string') return html(res, 400, `<h1>无法登录</h1><p>${esc(target)}</p>`);
      target.searchParams.set('code', issueCode(q.get('userid') ?? ''));
      target.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: target.toString() });
      return res.end();
    }
    json(res, { errcode: 40058, errmsg: 'not found' });
  }

  const server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    corpId,
    agentId,
    secret,
    issueCode,
    expireTokens() {
      for (const k of tokens.keys()) tokens.set(k, now() - 1);
    },
    calls,
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
