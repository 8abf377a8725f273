import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FixtureResident } from '../fixtures';
import { TcError, type TencentCloudSandbox } from './tencentcloud';

/**
 * FaceID (慧眼) on the Tencent Cloud sandbox: `DetectAuth` and `GetDetectInfoEnhanced` answered in
 * the API's own fields, and the face-check page itself — an h5 page with the three outcomes a
 * tester needs (pass, face does not match, abandon). The same outcomes are a dev lever on the
 * gateway (`POST /api/__dev/faceid/<bizToken>/result`).
 *
 * Like the real service, it knows which names go with which ID numbers (the fixtures stand in for
 * the national identity database): a "pass" for a name that does not match the number answers
 * 2006 (姓名和身份证号不匹配), as FaceID would.
 */
export type FaceOutcome = 'pass' | 'fail' | 'abandon';
export const FACE_OUTCOMES: readonly FaceOutcome[] = ['pass', 'fail', 'abandon'];

interface Session {
  bizToken: string;
  ruleId: string;
  idCard: string;
  name: string;
  /** DetectAuth's RedirectUrl: where the page sends the resident when the check ends. */
  redirectUrl?: string;
  outcome?: FaceOutcome;
}

export interface FaceIdSandbox {
  ruleId: string;
  /** Decides a pending check; false when the token is unknown or already decided (a decided check is final). */
  decide(bizToken: string, outcome: FaceOutcome): boolean;
  /** The page a resident opens: `${tencentCloud.url}/faceid/h5/<bizToken>`. */
  pageUrl(bizToken: string): string;
}

/** FaceID appends `token=<BizToken>` to the RedirectUrl's query (after a hash route's `?` too). */
function withToken(redirectUrl: string, bizToken: string): string {
  return `${redirectUrl}${redirectUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(bizToken)}`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>人脸核身（沙箱）</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0;padding:24px;background:#f5f6f8;color:#1f2329}main{max-width:420px;margin:auto;background:#fff;border-radius:12px;padding:24px}
button{display:block;width:100%;font-size:18px;padding:14px;margin:12px 0;border-radius:8px;border:1px solid #c9ccd1;background:#fff}button[value=pass]{background:#1a7f37;color:#fff;border:0}
.note{color:#646a73;font-size:14px}</style></head><body><main>${html}</main></body></html>`);
}

export function installFaceId(tc: TencentCloudSandbox, residents: FixtureResident[], opts: { ruleId?: string } = {}): FaceIdSandbox {
  const ruleId = opts.ruleId ?? '1';
  const sessions = new Map<string, Session>();
  const nameOf = new Map(residents.map((r) => [r.idNumber, r.name] as const));
  const pageUrl = (t: string) => `${tc.url}/faceid/h5/${t}`;

  tc.register('DetectAuth', (p) => {
    if (p.RuleId !== ruleId) throw new TcError('InvalidParameterValue.RuleIdNotExist', 'RuleId 不存在');
    // Our flow is configured to require the person's ID number and name.
    if (typeof p.IdCard !== 'string' || typeof p.Name !== 'string' || !p.IdCard || !p.Name) throw new TcError('InvalidParameter', 'IdCard 和 Name 为必填');
    const bizToken = randomUUID().toUpperCase();
    const redirectUrl = typeof p.RedirectUrl === 'string' && /^https?:\/\//.test(p.RedirectUrl) ? p.RedirectUrl : undefined;
    sessions.set(bizToken, { bizToken, ruleId, idCard: p.IdCard, name: p.Name, redirectUrl });
    return { Url: pageUrl(bizToken), BizToken: bizToken };
  });

  tc.register('GetDetectInfoEnhanced', (p) => {
    const s = typeof p.BizToken === 'string' ? sessions.get(p.BizToken) : undefined;
    if (!s || p.RuleId !== s.ruleId) throw new TcError('InvalidParameterValue.BizTokenIllegal', 'BizToken 不合法');
    const base = { IdCard: null, Name: null, LiveStatus: null, LiveMsg: null, Comparestatus: null, Comparemsg: null, Sim: null, Extra: '', LivenessDetail: [] };
    if (!s.outcome) return { Text: { ...base, ErrCode: null, ErrMsg: null } };
    if (s.outcome === 'abandon') return { Text: { ...base, ErrCode: 17, ErrMsg: '本次流程未完成' } };
    const known = nameOf.get(s.idCard);
    if (known !== undefined && known !== s.name) {
      return { Text: { ...base, ErrCode: 2006, ErrMsg: '姓名和身份证号不匹配，请核实身份后重试', LiveStatus: 0, LiveMsg: '成功', Comparestatus: 2006, Comparemsg: '姓名和身份证号不匹配' } };
    }
    const who = { IdCard: s.idCard, Name: s.name };
    if (s.outcome === 'fail') {
      return { Text: { ...base, ...who, ErrCode: 2016, ErrMsg: '无法判断为同一人，请确认身份后重试(相似度未达到通过阈值)', LiveStatus: 0, LiveMsg: '成功', Comparestatus: 2016, Comparemsg: '相似度未达到通过阈值', Sim: '31.42' } };
    }
    return { Text: { ...base, ...who, ErrCode: 0, ErrMsg: '成功', LiveStatus: 0, LiveMsg: '成功', Comparestatus: 0, Comparemsg: '成功', Sim: '92.15' } };
  });

  const decide = (bizToken: string, outcome: FaceOutcome) => {
    const s = sessions.get(bizToken);
    if (!s || s.outcome) return false;
    s.outcome = outcome;
    return true;
  };

  tc.route('/faceid/h5/', (req, res, body) => {
    const m = /^\/faceid\/h5\/([0-9A-F-]{36})(\/result)?$/.exec(new URL(req.url ?? '/', 'http://sandbox').pathname);
    const s = m ? sessions.get(m[1]) : undefined;
    if (!m || !s) return page(res, 404, '<h1>核身链接无效</h1><p class="note">请回到便民重新发起认证。</p>');
    if (req.method === 'POST' && m[2]) {
      const outcome = new URLSearchParams(body.toString('utf8')).get('result') as FaceOutcome | null;
      if (!outcome || !FACE_OUTCOMES.includes(outcome)) return page(res, 400, '<h1>请选择一个结果</h1>');
      const done = decide(s.bizToken, outcome);
      // As FaceID's h5 flow does: back to the RedirectUrl with the token appended (the app never
      // trusts it: it asks its server, which asks FaceID). Without one, back where the app was.
      if (s.redirectUrl) {
        res.writeHead(303, { location: withToken(s.redirectUrl, s.bizToken), 'cache-control': 'no-store' });
        res.end();
        return;
      }
      const back = '<button type="button" class="back" onclick="history.go(-2)">返回便民</button>';
      return page(res, done ? 200 : 409, done ? `<h1>已完成</h1><p>请返回便民查看认证结果。</p>${back}` : `<h1>本次核身已结束</h1><p class="note">请返回便民。</p>${back}`);
    }
    const masked = `${s.idCard.slice(0, 4)}**********${s.idCard.slice(-4)}`;
    return page(
      res,
      200,
      `<h1>人脸核身（沙箱）</h1><p>正在核验：${esc(s.name.slice(0, 1))}* · ${esc(masked)}</p><p class="note">本页是本地沙箱，替代腾讯云慧眼的刷脸页面。请选择本次核身的结果：</p>
<form method="post" action="/faceid/h5/${s.bizToken}/result">
<button name="result" value="pass">本人，核验通过</button>
<button name="result" value="fail">人脸与身份证不符</button>
<button name="result" value="abandon">放弃核身</button></form>`,
    );
  });

  return { ruleId, decide, pageUrl };
}
