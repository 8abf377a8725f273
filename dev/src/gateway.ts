import { AppError, type Envelope, fixedClock, internalErrorBody, parseInstant, systemClock, type Clock } from '@bianmin/core';
import type { Logger } from '@bianmin/server/log';
import { dispatch } from '@bianmin/server/runtime/dispatch';
import type { Caller, Deps } from '@bianmin/server/runtime/types';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FunctionDefinition } from '@bianmin/server/runtime/define';
import { readAsset } from './assets';
import type { FixtureResident } from './fixtures';
import { HTTP_STATUS } from './http-status';
import { FAULT_MODES, type FaultMode } from './sandboxes/http';
import type { Sandboxes } from './sandboxes';
import { serveStatic } from './static';
import type { LocalStorage } from '@bianmin/server/storage/index';
import { handleStorageRoute } from './storage-routes';

/** Bodies larger than this are refused before parsing: no action takes more than a few KB. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface GatewayOptions {
  functions: Record<string, FunctionDefinition>;
  deps: Deps;
  sandboxes: Sandboxes;
  residents: FixtureResident[];
  h5Dir: string;
  log: Logger;
  /** Timer-triggered jobs the dev levers can run at an X-Dev-Now instant. */
  jobs: Record<string, (now: Date) => Promise<unknown>>;
  /** Delivers WeChat Pay's success notification for an order, as the deployed payNotify receives it. */
  confirmPayment(orderId: string, now: Date): Promise<{ errcode: number; errmsg: string }>;
  /** Uploaded files: POST/GET /api/__dev/storage. */
  storage: LocalStorage;
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

/** X-Dev-OpenId names the demo resident; X-Dev-Now the clock. Honoured here and nowhere else. */
function devIdentity(req: IncomingMessage): { caller: Caller | null; clock: Clock } {
  const openid = headerValue(req, 'x-dev-openid')?.trim();
  if (openid !== undefined && openid !== '' && !OPENID.test(openid)) {
    throw new AppError('INVALID_INPUT', '演示用户标识 X-Dev-OpenId 格式不正确。', { fields: { 'X-Dev-OpenId': '应为 6–64 位字母、数字、下划线或连字符' } });
  }
  const nowHeader = headerValue(req, 'x-dev-now')?.trim();
  let clock = systemClock;
  if (nowHeader) {
    const at = parseInstant(nowHeader);
    if (!at) {
      throw new AppError('INVALID_INPUT', '调试时间 X-Dev-Now 格式不正确。', { fields: { 'X-Dev-Now': '应为带时区的 ISO 8601 时间，如 2026-03-10T23:45:00+08:00' } });
    }
    clock = fixedClock(at);
  }
  return { caller: openid ? { openid, source: 'dev_gateway' } : null, clock };
}

export function createGateway(opts: GatewayOptions): Server {
  const { functions, deps, sandboxes, residents, log } = opts;

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string) {
    const devFault = /^\/api\/__dev\/departments\/([^/]+)\/faults$/.exec(path);
    const devJob = /^\/api\/__dev\/jobs\/([a-z]+)$/.exec(path);
    const devPay = /^\/api\/__dev\/payments\/([A-Za-z0-9]{1,32})\/confirm$/.exec(path);
    if (devPay && req.method === 'POST') {
      // The sandbox WeChat Pay sheet's "pay" button: the same notification, through the same code.
      const { clock } = devIdentity(req);
      const answer = await opts.confirmPayment(devPay[1], clock.now());
      return send(res, answer.errcode === 0 ? 200 : 409, answer);
    }
    if (devJob && req.method === 'POST') {
      const job = Object.prototype.hasOwnProperty.call(opts.jobs, devJob[1]) ? opts.jobs[devJob[1]] : undefined;
      if (!job) return refuse(res, new AppError('NOT_FOUND', `没有名为 ${devJob[1]} 的定时任务。`));
      const { clock } = devIdentity(req);
      return sendEnvelope(res, { ok: true, data: await job(clock.now()) });
    }
    const devAsset = /^\/api\/__dev\/assets\/([a-z]+\/[a-z0-9-]+\.jpg)$/.exec(path);
    if (devAsset && req.method === 'GET') {
      const bytes = readAsset(devAsset[1]);
      if (!bytes) return refuse(res, new AppError('NOT_FOUND', '没有这个示例文件。'));
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': bytes.length, 'cache-control': 'public, max-age=3600' });
      return res.end(bytes);
    }
    if (path.startsWith('/api/__dev/storage') && (await handleStorageRoute(req, res, path, opts.storage, () => devIdentity(req).caller?.openid ?? null))) return;
    if (path === '/api/__dev/fixtures' && req.method === 'GET') {
      return send(res, 200, { residents });
    }
    if (devFault && req.method === 'POST') {
      const sandbox = (sandboxes as Record<string, (typeof sandboxes)[keyof typeof sandboxes]>)[devFault[1]];
      if (!sandbox) return refuse(res, new AppError('NOT_FOUND', `没有名为 ${devFault[1]} 的部门沙箱。`));
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
    if (!def) return refuse(res, new AppError('NOT_FOUND', `没有名为 ${path.slice(5)} 的云函数。`));
    if (req.method !== 'POST') return refuse(res, new AppError('INVALID_INPUT', '请使用 POST 调用云函数。'));

    const { caller, clock } = devIdentity(req);
    const { text, tooLarge } = await readBody(req, MAX_BODY_BYTES);
    if (tooLarge) {
      return refuse(res, new AppError('INVALID_INPUT', `请求内容过大（上限 ${MAX_BODY_BYTES / 1024} KB）。`, { fields: { _: '请求内容过大' } }));
    }
    let event: unknown;
    try {
      event = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return refuse(res, new AppError('INVALID_INPUT', '请求内容不是合法的 JSON。', { fields: { _: '不是合法的 JSON' } }));
    }
    const requestId = randomUUID();
    const env = await dispatch(def, event, { caller, clock, deps, log: log.child({ requestId }), requestId });
    sendEnvelope(res, env);
  }

  return createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    try {
      if (path.startsWith('/api/')) return await handleApi(req, res, path);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false });
      return await serveStatic(opts.h5Dir, path, res);
    } catch (e) {
      if (e instanceof AppError) return refuse(res, e);
      log.error({ err: e, path }, 'gateway failure');
      if (!res.headersSent) sendEnvelope(res, { ok: false, error: internalErrorBody() });
    }
  });
}
