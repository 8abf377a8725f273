import { handleNontaxNotify } from '@bianmin/server/payments/nontax-notify';
import type { NontaxSandbox } from './sandboxes/nontax';
import { AppError, type Envelope, fixedClock, internalErrorBody, type Clock } from '@bianmin/core';
import type { Logger } from '@bianmin/server/log';
import { type Dispatchable, dispatch } from '@bianmin/server/runtime/dispatch';
import { callContext, type Caller, type Deps } from '@bianmin/server/runtime/types';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { forbiddenKeyPath } from '@bianmin/server/runtime/params';
import { readAsset } from './assets';
import type { FixtureResident } from './fixtures';
import { HTTP_STATUS } from './http-status';
import { FAULT_MODES, type FaultMode } from './sandboxes/http';
import type { Sandboxes } from './sandboxes';
import type { PaySandbox } from './sandboxes/pay';
import { handlePayNotify } from '@bianmin/server/payments/notify';
import { timingSafeEqual } from 'node:crypto';
import { serveStatic } from './static';
import type { LocalStorage } from '@bianmin/server/storage/index';
import { handleStorageRoute } from './storage-routes';
import { FACE_OUTCOMES, type FaceIdSandbox, type FaceOutcome } from './sandboxes/faceid';
import type { WxFaceSandbox } from './sandboxes/wxface';
import { handleHotlineLever, type HotlinePlatform } from './sandboxes/hotline-levers';
import { FLAGGED_TEST_PHRASE, type SandboxContentCheck } from '@bianmin/server/content/sandbox';
import { type DevClock, parseDevNow } from './clock';
import { handleMediaCheckLever } from './media-check-levers';
import { type AdminRoutes, devOperatorSession, handleAdminApi, serveConsole } from './admin-routes';
import { operatorFixtures } from './operators';
import { REFUND_REFUSALS, type RefundRefusal } from './sandboxes/pay';

/** Bodies larger than this are refused before parsing: no action takes more than a few KB. */
const MAX_BODY_BYTES = 256 * 1024;

export interface GatewayOptions {
  functions: Readonly<Record<string, Dispatchable>>;
  deps: Deps;
  sandboxes: Sandboxes;
  residents: FixtureResident[];
  h5Dir: string;
  log: Logger;
  /** The stack's clock: every call without an X-Dev-Now reads it; `/api/__dev/clock` moves it. */
  clock: DevClock;
  /** Timer-triggered jobs the dev levers (`POST /api/__dev/jobs/<name>`) run at an X-Dev-Now instant. */
  jobs: Record<string, (now: Date) => Promise<unknown>>;
  /** Uploaded files: POST/GET /api/__dev/storage. */
  storage: LocalStorage;
  /** Base URL and key of each department's sandbox (for the dev postings route). */
  departmentEndpoints: Partial<Record<string, { url: string; apiKey: string }>>;
  /** The WeChat Pay sandbox in this process, whose sheet the dev "pay" route stands in for. */
  pay?: { sandbox: PaySandbox };
  /** WeChat's 非税缴费 platform (its sandbox when in this process) and the key its notifications are signed with. */
  nontax?: { sandbox?: NontaxSandbox; notifyKey: string };
  /** WeChat Pay's notifications must carry this key: the local stand-in for SOURCE = wx_paycallback. */
  payNotifyKey: string;
  /** After a payment notification is acknowledged: nudge the outbox (never inside the notification). */
  afterPayment?(orderId: string, now: Date): void;
  /** The FaceID sandbox's checks: POST /api/__dev/faceid/<bizToken>/result decides one. */
  faceId?: FaceIdSandbox;
  /** WeChat's face sandbox: POST /api/__dev/wxface/<verifyId>/result runs the phone's face step. */
  wxFace?: WxFaceSandbox;
  /** The 12345 platform sandbox's state, for its dev levers (list, advance a ticket). */
  hotline?: HotlinePlatform;
  /** The local content check, whose image checks the media-check lever answers as WeChat's push would. */
  contentCheck?: SandboxContentCheck;
  /** The operator console: POST /api/admin, its dev sign-in lever, and its files at /admin/. */
  admin?: AdminRoutes;
}

const OPENID = /^[A-Za-z0-9_-]{6,64}$/;

const faultSchema = z.object({
  mode: z.enum(FAULT_MODES as [FaultMode, ...FaultMode[]]),
  ms: z.number().int().min(0).max(120_000).optional(),
});

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, env: Envelope<unknown>) {
  send(res, env.ok ? 200 : HTTP_STATUS[env.error.code], env);
}

function refuse(res: ServerResponse, e: AppError) {
  sendEnvelope(res, { ok: false, error: e.toBody() });
}

/** Reads at most `limit` bytes; past it keeps draining (so the client gets an answer) but keeps nothing. */
async function readBody(req: IncomingMessage, limit: number): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) tooLarge = true;
    else chunks.push(c as Buffer);
  }
  return { text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * X-Dev-OpenId names the demo resident; X-Dev-Now the clock of this one call, over the stack's
 * own clock (DEV_NOW or the clock lever). Honoured here and nowhere else.
 */
function devIdentity(req: IncomingMessage, stackClock: Clock): { caller: Caller | null; clock: Clock } {
  const openid = headerValue(req, 'x-dev-openid')?.trim();
  if (openid !== undefined && openid !== '' && !OPENID.test(openid)) {
    throw new AppError('INVALID_INPUT', '演示用户标识 X-Dev-OpenId 格式不正确。', { fields: { 'X-Dev-OpenId': '应为 6–64 位字母、数字、下划线或连字符' } });
  }
  const nowHeader = headerValue(req, 'x-dev-now')?.trim();
  const clock = nowHeader ? fixedClock(parseDevNow(nowHeader, 'X-Dev-Now')) : stackClock;
  return { caller: openid ? { openid, source: 'dev_gateway' } : null, clock };
}

/** JSON text → a value, or a refusal naming what is wrong; keys that reach a prototype are refused here already. */
function parseJsonBody(text: string): unknown {
  let event: unknown;
  try {
    event = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', '请求内容不是合法的 JSON。', { fields: { _: '不是合法的 JSON' } });
  }
  const forbidden = forbiddenKeyPath(event);
  if (forbidden) throw new AppError('INVALID_INPUT', '请求中含有不允许的字段名（__proto__、constructor 或 prototype）。', { fields: { [forbidden]: '不允许的字段名' } });
  return event;
}

const clockSchema = z.object({ now: z.string().max(64) }, { error: 'now 为必填：ISO 8601 时间，如 2026-03-10T09:00:00+08:00' });

/**
 * The stack's clock lever: `GET` says where it stands, `POST { now }` sets it (from then on it runs
 * forward in real time), `DELETE` returns to the real clock. The h5 "模拟时间" control uses it.
 */
async function handleClockLever(req: IncomingMessage, res: ServerResponse, clock: DevClock) {
  if (req.method === 'GET') return sendEnvelope(res, { ok: true, data: clock.state() });
  if (req.method === 'DELETE') return sendEnvelope(res, { ok: true, data: clock.reset() });
  if (req.method !== 'POST') return refuse(res, new AppError('INVALID_INPUT', '调试时钟只接受 GET、POST { now } 或 DELETE。'));
  const { text, tooLarge } = await readBody(req, 1024);
  const parsed = clockSchema.safeParse(tooLarge ? null : parseJsonBody(text));
  if (!parsed.success) {
    return refuse(res, new AppError('INVALID_INPUT', '请在 now 中给出要设定的时间，如 2026-03-10T09:00:00+08:00。', { fields: { now: '应为带时区的 ISO 8601 时间' } }));
  }
  return sendEnvelope(res, { ok: true, data: clock.set(parseDevNow(parsed.data.now, 'now'), 'lever') });
}

export function createGateway(opts: GatewayOptions): Server {
  const { functions, deps, sandboxes, residents, log } = opts;
  const identify = (req: IncomingMessage) => devIdentity(req, opts.clock);

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string) {
    if (path === '/api/__dev/clock') return handleClockLever(req, res, opts.clock);
    if (path === '/api/admin' && opts.admin) {
      // Bearer token only: whoever X-Dev-OpenId names is a resident, and no resident is an operator.
      return handleAdminApi(req, res, opts.admin, { clock: identify(req).clock, send: sendEnvelope, read: readBody, parse: parseJsonBody });
    }
    const devOperator = /^\/api\/__dev\/operators\/([a-z0-9-]{1,40})\/session$/.exec(path);
    if (devOperator && req.method === 'POST' && opts.admin) {
      return sendEnvelope(res, { ok: true, data: await devOperatorSession(devOperator[1], opts.admin, identify(req).clock) });
    }
    if (path === '/api/__dev/payments/refunds/refuse' && req.method === 'POST') {
      // WeChat Pay refusing refunds (NOTENOUGH: the merchant account is short) until told otherwise.
      if (!opts.pay) return refuse(res, new AppError('NOT_FOUND', '微信支付沙箱不在本进程中。'));
      const { text, tooLarge } = await readBody(req, 1024);
      const b = (tooLarge ? null : parseJsonBody(text)) as { code?: unknown; times?: unknown } | null;
      const codes = Object.keys(REFUND_REFUSALS);
      const code = b?.code === null ? null : typeof b?.code === 'string' && codes.includes(b.code) ? (b.code as RefundRefusal) : undefined;
      const times = b?.times === undefined ? undefined : Number.isInteger(b.times) && (b.times as number) >= 0 && (b.times as number) <= 1000 ? (b.times as number) : NaN;
      if (code === undefined || Number.isNaN(times)) {
        return refuse(res, new AppError('INVALID_INPUT', `code 应为 ${codes.join(' | ')} 或 null，times 为 0–1000 的整数（可省略）。`, { fields: { code: `应为 ${codes.join(' | ')} 或 null` } }));
      }
      return sendEnvelope(res, { ok: true, data: opts.pay.sandbox.refuseRefunds(code, times) });
    }
    const devFault = /^\/api\/__dev\/departments\/([^/]+)\/faults$/.exec(path);
    const devPostings = /^\/api\/__dev\/departments\/([^/]+)\/postings$/.exec(path);
    const devJob = /^\/api\/__dev\/jobs\/([A-Za-z]+)$/.exec(path);
    const devPay = /^\/api\/__dev\/payments\/([A-Za-z0-9]{1,32})\/confirm$/.exec(path);
    if (devPay && req.method === 'POST') {
      // The sandbox WeChat Pay sheet's "pay" button: WeChat Pay's sandbox takes the money and
      // delivers its notification to /api/__dev/wxpay/notify, through the same code as payNotify.
      // `?deliver=0`: the money is taken but the notification is held (a late notification).
      // On whichever channel holds the order: an order placed with WeChat's 非税缴费 is paid there.
      const { clock } = identify(req);
      const deliver = new URL(req.url ?? '/', 'http://gateway').searchParams.get('deliver') !== '0';
      const nontaxSandbox = opts.nontax?.sandbox;
      if (nontaxSandbox?.byOrderNo(devPay[1])) {
        const { status, answer } = await nontaxSandbox.pay(devPay[1], clock.now(), { deliver });
        return send(res, status, answer);
      }
      if (!opts.pay) return refuse(res, new AppError('NOT_FOUND', '微信支付沙箱不在本进程中。'));
      const { status, answer } = await opts.pay.sandbox.pay(devPay[1], clock.now(), { deliver });
      return send(res, status, answer);
    }
    const devPayShow = /^\/api\/__dev\/payments\/([A-Za-z0-9]{1,32})$/.exec(path);
    if (devPayShow && req.method === 'GET') {
      // The order as the channel holding it sees it: 非税's order (payment_notice_no, fee, status,
      // the fiscal receipt) or WeChat Pay's (out_trade_no, total_fee, trade_state).
      const n = opts.nontax?.sandbox?.byOrderNo(devPayShow[1]);
      if (n) {
        const status = ({ 1: 'unpaid', 3: 'paid', 4: 'paid', 5: 'refunded', 6: 'refunding', 12: 'closed' } as Record<number, string>)[n.status] ?? String(n.status);
        return sendEnvelope(res, { ok: true, data: { channel: 'nontax', order_id: n.orderId, order_no: n.orderNo, payment_notice_no: n.paymentNoticeNo, fee: n.fee, status, trans_id: n.transId ?? null, bill_type_code: n.billTypeCode ?? null, bill_no: n.billNo ?? null } });
      }
      const w = opts.pay?.sandbox.orders.get(devPayShow[1]);
      if (w) return sendEnvelope(res, { ok: true, data: { channel: 'cloudpay', out_trade_no: w.outTradeNo, fee: w.totalFee, status: w.state, transaction_id: w.transactionId ?? null } });
      return refuse(res, new AppError('NOT_FOUND', `没有支付渠道持有订单 ${devPayShow[1]}。`));
    }
    if (path === '/api/__dev/nontax/notify' && req.method === 'POST') {
      // WeChat's 非税 payment notification; its signature is the only proof it came from WeChat (checked in handleNontaxNotify).
      if (!opts.nontax) return refuse(res, new AppError('NOT_FOUND', '非税缴费渠道未接入。'));
      const { clock } = identify(req);
      const { text, tooLarge } = await readBody(req, 16 * 1024);
      let event: unknown = null;
      try {
        event = tooLarge ? null : JSON.parse(text);
      } catch {
        event = null;
      }
      const now = clock.now();
      const answer = await handleNontaxNotify(deps, event, opts.nontax.notifyKey, now);
      const orderNo = (event as { order_no?: unknown } | null)?.order_no;
      if (answer.errcode === 0 && typeof orderNo === 'string') opts.afterPayment?.(orderNo, now);
      return send(res, 200, answer);
    }
    if (path === '/api/__dev/payments/notifications/deliver' && req.method === 'POST') {
      // WeChat's retries of notifications not yet acknowledged, at X-Dev-Now.
      if (!opts.pay) return refuse(res, new AppError('NOT_FOUND', '微信支付沙箱不在本进程中。'));
      const { clock } = identify(req);
      const answers = [...(await opts.pay.sandbox.deliverPending(clock.now())), ...((await opts.nontax?.sandbox?.deliverPending(clock.now())) ?? [])];
      return sendEnvelope(res, { ok: true, data: { answers } });
    }
    if (path === '/api/__dev/wxpay/notify' && req.method === 'POST') {
      // What CloudBase does when WeChat Pay notifies: invoke payNotify with SOURCE = wx_paycallback.
      // Only the WeChat Pay sandbox holds the key that earns that source here.
      const given = Buffer.from(headerValue(req, 'x-api-key') ?? '');
      const expected = Buffer.from(opts.payNotifyKey);
      const fromWxPay = given.length === expected.length && timingSafeEqual(given, expected);
      const { clock } = identify(req);
      const { text, tooLarge } = await readBody(req, 16 * 1024);
      let event: unknown = null;
      try {
        event = tooLarge ? null : JSON.parse(text);
      } catch {
        event = null;
      }
      const now = clock.now();
      const answer = await handlePayNotify(deps, event, fromWxPay ? 'wx_paycallback' : 'dev_gateway', now);
      const e = event as { outTradeNo?: unknown; outRefundNo?: unknown } | null;
      if (answer.errcode === 0 && e && typeof e.outTradeNo === 'string' && e.outRefundNo === undefined) opts.afterPayment?.(e.outTradeNo, now);
      return send(res, 200, answer);
    }
    if (devPostings && req.method === 'GET') {
      // What a department's sandbox received as postings, with counts per order id.
      const endpoint = Object.prototype.hasOwnProperty.call(opts.departmentEndpoints, devPostings[1]) ? opts.departmentEndpoints[devPostings[1]] : undefined;
      if (!endpoint) return refuse(res, new AppError('NOT_FOUND', `没有名为 ${devPostings[1]} 的部门沙箱。`));
      const r = await fetch(`${endpoint.url}/postings`, { headers: { 'x-api-key': endpoint.apiKey } });
      const body = r.ok ? await r.json() : { postings: [], counts: {} };
      return sendEnvelope(res, { ok: true, data: { department: devPostings[1], ...body } });
    }
    if (devJob && req.method === 'POST') {
      const job = Object.prototype.hasOwnProperty.call(opts.jobs, devJob[1]) ? opts.jobs[devJob[1]] : undefined;
      if (!job) return refuse(res, new AppError('NOT_FOUND', `没有名为 ${devJob[1]} 的定时任务。`));
      const { clock } = identify(req);
      return sendEnvelope(res, { ok: true, data: await job(clock.now()) });
    }
    const devAsset = /^\/api\/__dev\/assets\/([a-z]+\/[a-z0-9-]+\.jpg)$/.exec(path);
    if (devAsset && req.method === 'GET') {
      const bytes = readAsset(devAsset[1]);
      if (!bytes) return refuse(res, new AppError('NOT_FOUND', '没有这个示例文件。'));
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length, 'cache-control': 'public, max-age=3600' });
      return res.end(bytes);
    }
    if (path.startsWith('/api/__dev/storage') && (await handleStorageRoute(req, res, path, opts.storage, () => identify(req).caller?.openid ?? null))) return;
    const devFace = /^\/api\/__dev\/faceid\/([0-9A-Fa-f-]{36})\/result$/.exec(path);
    if (devFace && req.method === 'POST' && opts.faceId) {
      // The FaceID sandbox page's buttons, for tests and curl: the server still asks FaceID for the result.
      const { text } = await readBody(req, 1024);
      let result: unknown;
      try {
        result = (JSON.parse(text || 'null') as { result?: unknown } | null)?.result;
      } catch {
        result = undefined;
      }
      if (!FACE_OUTCOMES.includes(result as FaceOutcome)) {
        return refuse(res, new AppError('INVALID_INPUT', `result 应为 ${FACE_OUTCOMES.join(' | ')}。`, { fields: { result: `应为 ${FACE_OUTCOMES.join(' | ')}` } }));
      }
      if (!opts.faceId.decide(devFace[1].toUpperCase(), result as FaceOutcome)) {
        return refuse(res, new AppError('CONFLICT', '没有这次人脸核身，或它已经有结果了。'));
      }
      return sendEnvelope(res, { ok: true, data: { bizToken: devFace[1].toUpperCase(), result } });
    }
    const devWxFace = /^\/api\/__dev\/wxface\/([A-Za-z0-9_-]{16,256})\/result$/.exec(path);
    if (devWxFace && req.method === 'POST' && opts.wxFace) {
      // The phone's wx.requestFacialVerify, as the tester decides it; the server still asks WeChat
      // (queryVerifyInfo). With X-Dev-OpenId it runs as that WeChat user (WeChat refuses a
      // verify_id made for someone else); without, as the user it was made for.
      const { text } = await readBody(req, 1024);
      let result: unknown;
      try {
        result = (JSON.parse(text || 'null') as { result?: unknown } | null)?.result;
      } catch {
        result = undefined;
      }
      if (!FACE_OUTCOMES.includes(result as FaceOutcome)) {
        return refuse(res, new AppError('INVALID_INPUT', `result 应为 ${FACE_OUTCOMES.join(' | ')}。`, { fields: { result: `应为 ${FACE_OUTCOMES.join(' | ')}` } }));
      }
      const header = req.headers['x-dev-openid'];
      const openid = typeof header === 'string' && OPENID.test(header) ? header : undefined;
      const answer = opts.wxFace.faceStep(devWxFace[1], result as FaceOutcome, openid);
      if (answer.errCode !== 0 && !(result === 'abandon' && answer.errCode === 90004)) {
        return refuse(res, new AppError('CONFLICT', '微信不认这次人脸核身：它不存在、已过期、已用过，或不是为这位用户发起的。', { fields: { verifyId: answer.errMsg } }));
      }
      return sendEnvelope(res, { ok: true, data: { verifyId: devWxFace[1], result, wx: answer } });
    }
    if (opts.hotline && path.startsWith('/api/__dev/departments/hotline/tickets')) {
      const { clock } = identify(req);
      const { text, tooLarge } = await readBody(req, 8192);
      return sendEnvelope(res, handleHotlineLever(opts.hotline, req.method ?? 'GET', path, tooLarge ? '\u0000' : text, clock.now()));
    }
    if (opts.contentCheck && path.startsWith('/api/__dev/media-checks')) {
      const { clock } = identify(req);
      const { text, tooLarge } = await readBody(req, 4096);
      return sendEnvelope(res, await handleMediaCheckLever(opts.contentCheck, deps, req.method ?? 'GET', path, tooLarge ? '\u0000' : text, clock.now()));
    }
    if (path === '/api/__dev/fixtures' && req.method === 'GET') {
      return send(res, 200, { residents, operators: operatorFixtures(), contentCheck: { flaggedPhrase: FLAGGED_TEST_PHRASE, note: '含此短语的文字会被本地内容安全检查判为违规（risky）' } });
    }
    if (devFault && req.method === 'POST') {
      const sandbox = (sandboxes as Record<string, (typeof sandboxes)[keyof typeof sandboxes]>)[devFault[1]];
      if (!sandbox) return refuse(res, new AppError('NOT_FOUND', `没有这个部门沙箱，可用：${Object.keys(sandboxes).join('、')}。`));
      const { text, tooLarge } = await readBody(req, 4096);
      let parsed: z.ZodSafeParseResult<z.infer<typeof faultSchema>>;
      try {
        parsed = faultSchema.safeParse(tooLarge ? null : JSON.parse(text || 'null'));
      } catch {
        parsed = faultSchema.safeParse(null);
      }
      if (!parsed.success) {
        return refuse(res, new AppError('INVALID_INPUT', `故障模式应为 ${FAULT_MODES.join(' | ')}。`, { fields: { mode: `应为 ${FAULT_MODES.join(' | ')}` } }));
      }
      const fault = sandbox.setFault(parsed.data);
      log.warn({ department: sandbox.id, fault }, 'department fault set');
      return sendEnvelope(res, { ok: true, data: { department: sandbox.id, fault } });
    }

    const fnMatch = /^\/api\/([a-zA-Z][a-zA-Z0-9]*)$/.exec(path);
    const def = fnMatch ? functions[fnMatch[1]] : undefined;
    if (!def) return refuse(res, new AppError('NOT_FOUND', `没有这个云函数，可用：${Object.keys(functions).join('、')}。`));
    if (req.method !== 'POST') return refuse(res, new AppError('INVALID_INPUT', '请使用 POST 调用云函数。'));

    const { caller, clock } = identify(req);
    const { text, tooLarge } = await readBody(req, MAX_BODY_BYTES);
    if (tooLarge) {
      return refuse(res, new AppError('INVALID_INPUT', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024} KB）。`, { fields: { _: '请求内容过大' } }));
    }
    const event = parseJsonBody(text);
    const requestId = randomUUID();
    const env = await dispatch(def, event, callContext({ caller, clock, deps, requestId }, log));
    sendEnvelope(res, env);
  }

  return createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      try {
        decodeURIComponent(path);
      } catch {
        // '%E0%A4%A' and friends: the client's mistake, not ours.
        return refuse(res, new AppError('INVALID_INPUT', '请求地址格式不正确（含有无效的百分号编码）。', { fields: { url: '无效的百分号编码' } }));
      }
      if (path.startsWith('/api/')) return await handleApi(req, res, path);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
      if (opts.admin && (path === '/admin' || path.startsWith('/admin/'))) {
        if (path === '/admin') {
          res.writeHead(301, { location: '/admin/' });
          return res.end();
        }
        return await serveConsole(opts.admin.consoleDir, path, res);
      }
      return await serveStatic(opts.h5Dir, path, res);
    } catch (e) {
      if (e instanceof AppError) return refuse(res, e);
      log.error({ err: e, path }, 'gateway failure');
      if (!res.headersSent) sendEnvelope(res, { ok: false, error: internalErrorBody() });
    }
  });
}
