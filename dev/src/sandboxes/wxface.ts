import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { certHash } from '@bianmin/server/faceid/wechat';
import type { FixtureResident } from '../fixtures';
import type { FaceOutcome } from './faceid';

/**
 * WeChat's server API for 人脸核身 2.0, as a mini-program's backend sees it: the stable access
 * token (`POST /cgi-bin/stable_token`), `getverifyid` and `queryverifyinfo` under
 * `/cityservice/face/identify/`, each with `?access_token=`, answering in WeChat's own fields and
 * errcodes. The face step itself — `wx.requestFacialVerify` on the phone — is `faceStep()`: the
 * weapp stub and the dev lever `POST /api/__dev/wxface/<verifyId>/result` call it.
 *
 * Held to what WeChat documents: a verify_id lives 3600 s and is bound to the openid it was made
 * for (a face step from another WeChat user fails), one face step per verify_id, out_seq_no unique
 * per appid, and `queryverifyinfo` answers only with the same out_seq_no and openid and the
 * cert_hash of the identity given to `getverifyid`. It knows which names go with which ID numbers
 * (the fixtures stand in for the national identity database): a pass for a name that does not go
 * with the number reads as verify_ret 10003 (身份证号不匹配), as WeChat would.
 *
 * Where WeChat's documents are silent the sandbox chooses, and says so: before the face step
 * `queryverifyinfo` answers errcode 0 with no verify_ret (the adapter reads that as pending, never
 * as a pass); a request whose out_seq_no, openid or cert_hash do not match, or whose arguments
 * are malformed, gets 40097 (invalid args).
 */
export interface WxFaceSession {
  verifyId: string;
  outSeqNo: string;
  openid: string;
  certName: string;
  certNo: string;
  certHash: string;
  createdAt: number;
  /** verify_ret once the face step is done. */
  verifyRet?: number;
}

export type FaceStepAnswer = { errCode: 0; errMsg: 'requestFacialVerify:ok' } | { errCode: number; errMsg: string };

export interface WxFaceSandbox {
  url: string;
  appId: string;
  appSecret: string;
  readonly sessions: ReadonlyMap<string, WxFaceSession>;
  /** Every API request that reached the sandbox (path and the body's field names, never values). */
  readonly requests: ReadonlyArray<{ path: string; errcode: number }>;
  /**
   * The resident's face step (`wx.requestFacialVerify`), decided as the tester says. `openid`: the
   * WeChat user running it (the lever without one acts as the user the check was made for).
   * WeChat's own answer to the phone: errCode 0 once the step ran (the result is then only on the
   * server), else why it could not run.
   */
  faceStep(verifyId: string, outcome: FaceOutcome, openid?: string): FaceStepAnswer;
  stop(): Promise<void>;
}

/** verify_id lifetime (getverifyid's expires_in). */
export const VERIFY_ID_TTL_S = 3600;
const TOKEN_TTL_S = 7200;
const OUT_SEQ_NO = /^[A-Za-z0-9_-]{5,32}$/;

/** What each outcome reads as at WeChat: 10000 识别成功, 10004 比对人脸信息不匹配, 90004 用户在识别过程中取消. */
const OUTCOME_RET: Record<FaceOutcome, number> = { pass: 10000, fail: 10004, abandon: 90004 };

function send(res: ServerResponse, body: unknown) {
  const text = JSON.stringify(body);
  // WeChat answers its errors with HTTP 200 and an errcode.
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startWxFaceSandbox(residents: FixtureResident[], opts: { now?: () => number } = {}): Promise<WxFaceSandbox> {
  const now = opts.now ?? Date.now;
  const appId = `wx${randomBytes(8).toString('hex')}`;
  const appSecret = randomBytes(16).toString('hex');
  const nameOf = new Map(residents.map((r) => [r.idNumber, r.name] as const));
  const sessions = new Map<string, WxFaceSession>();
  const seqNos = new Set<string>();
  const requests: Array<{ path: string; errcode: number }> = [];
  let token: { value: string; until: number } | undefined;

  const error = (errcode: number, errmsg: string) => ({ errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` });

  function tokenProblem(query: URLSearchParams) {
    const given = query.get('access_token');
    if (!given) return error(41001, 'access_token missing');
    if (!token || !same(given, token.value)) return error(40001, 'invalid credential, access_token is invalid or not latest');
    if (token.until <= now()) return error(42001, 'access_token expired');
    return null;
  }

  function stableToken(b: Record<string, unknown>) {
    if (b.grant_type !== 'client_credential') return error(40002, 'invalid grant_type');
    if (b.appid !== appId) return error(40013, 'invalid appid');
    if (typeof b.secret !== 'string' || !same(b.secret, appSecret)) return error(40125, 'invalid appsecret');
    // Normal mode: the same token while it lives; force_refresh makes a new one (the old one stops working).
    if (!token || token.until <= now() || b.force_refresh === true) token = { value: randomBytes(48).toString('base64url'), until: now() + TOKEN_TTL_S * 1000 };
    return { access_token: token.value, expires_in: Math.round((token.until - now()) / 1000) };
  }

  function getVerifyId(b: Record<string, unknown>) {
    const cert = b.cert_info as Record<string, unknown> | undefined;
    if (typeof b.out_seq_no !== 'string' || !OUT_SEQ_NO.test(b.out_seq_no)) return error(40097, 'invalid args: out_seq_no');
    if (typeof b.openid !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(b.openid)) return error(40003, 'invalid openid');
    if (!cert || cert.cert_type !== 'IDENTITY_CARD' || typeof cert.cert_name !== 'string' || !cert.cert_name || typeof cert.cert_no !== 'string' || !/^\d{17}[\dX]$/.test(cert.cert_no)) {
      return error(40097, 'invalid args: cert_info');
    }
    if (seqNos.has(b.out_seq_no)) return error(40097, 'invalid args: out_seq_no already used');
    seqNos.add(b.out_seq_no);
    const verifyId = randomBytes(24).toString('base64url');
    sessions.set(verifyId, {
      verifyId,
      outSeqNo: b.out_seq_no,
      openid: b.openid,
      certName: cert.cert_name,
      certNo: cert.cert_no,
      certHash: certHash('IDENTITY_CARD', cert.cert_name, cert.cert_no),
      createdAt: now(),
    });
    return { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: VERIFY_ID_TTL_S };
  }

  function queryVerifyInfo(b: Record<string, unknown>) {
    const s = typeof b.verify_id === 'string' ? sessions.get(b.verify_id) : undefined;
    if (!s || s.createdAt + VERIFY_ID_TTL_S * 1000 <= now()) return error(84001, 'invalid identify id');
    if (b.out_seq_no !== s.outSeqNo || b.openid !== s.openid || typeof b.cert_hash !== 'string' || !same(b.cert_hash, s.certHash)) {
      return error(40097, 'invalid args: out_seq_no, openid or cert_hash do not match the verify_id');
    }
    return s.verifyRet === undefined ? { errcode: 0, errmsg: 'ok' } : { errcode: 0, errmsg: 'ok', verify_ret: s.verifyRet };
  }

  const routes: Record<string, (b: Record<string, unknown>) => Record<string, unknown>> = {
    '/cityservice/face/identify/getverifyid': getVerifyId,
    '/cityservice/face/identify/queryverifyinfo': queryVerifyInfo,
  };

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 64 * 1024) return null;
      chunks.push(c as Buffer);
    }
    try {
      const v = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://sandbox');
    const record = (answer: Record<string, unknown>) => {
      requests.push({ path: u.pathname, errcode: typeof answer.errcode === 'number' ? answer.errcode : 0 });
      send(res, answer);
    };
    if (req.method !== 'POST') return record(error(43002, 'require POST method'));
    const body = await readJson(req);
    if (!body) return record(error(47001, 'data format error'));
    if (u.pathname === '/cgi-bin/stable_token') return record(stableToken(body));
    const route = routes[u.pathname];
    if (!route) return record(error(-1, 'system error: no such api'));
    const problem = tokenProblem(u.searchParams);
    return record(problem ?? route(body));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    sessions,
    requests,
    faceStep(verifyId, outcome, openid) {
      const s = sessions.get(verifyId);
      // The phone's side: WeChat refuses to run a check it does not know, one that is over, one
      // made for another WeChat user, or one already run (a verify_id is good for one face step).
      if (!s || s.createdAt + VERIFY_ID_TTL_S * 1000 <= now()) return { errCode: 84001, errMsg: 'requestFacialVerify:fail invalid identify id' };
      if (openid !== undefined && openid !== s.openid) return { errCode: 84001, errMsg: 'requestFacialVerify:fail invalid identify id' };
      if (s.verifyRet !== undefined) return { errCode: 84001, errMsg: 'requestFacialVerify:fail verify_id already used' };
      const known = nameOf.get(s.certNo);
      s.verifyRet = outcome === 'pass' && known !== undefined && known !== s.certName ? 10003 : OUTCOME_RET[outcome];
      // A finished check (passed or not) is "ok" to the phone: only queryverifyinfo says how it went.
      return outcome === 'abandon' ? { errCode: s.verifyRet, errMsg: 'requestFacialVerify:fail user cancel' } : { errCode: 0, errMsg: 'requestFacialVerify:ok' };
    },
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
