import { AppError, type Clock, type Envelope } from '@bianmin/core';
import { bearerToken, dispatchAdmin } from '@bianmin/server/admin/dispatch';
import type { AdminDefinition } from '@bianmin/server/admin/define';
import { createSession } from '@bianmin/server/admin/sessions';
import { operatorView } from '@bianmin/server/audit/list';
import type { Logger } from '@bianmin/server/log';
import type { Deps } from '@bianmin/server/runtime/types';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { findOperator } from './operators';

/**
 * The operator console on the local stack: `POST /api/admin` (what the deployed `admin` HTTP
 * function answers), the dev sign-in lever, and the console's own files at `/admin/`. Only the
 * bearer token authenticates here: X-Dev-OpenId (a resident) is never read on these routes.
 */
export interface AdminRoutes {
  admin: AdminDefinition;
  deps: Deps;
  log: Logger;
  consoleDir: string;
}

type Send = (res: ServerResponse, env: Envelope<unknown>) => void;
type Read = (req: IncomingMessage, limit: number) => Promise<{ text: string; tooLarge: boolean }>;

export async function handleAdminApi(req: IncomingMessage, res: ServerResponse, r: AdminRoutes, io: { clock: Clock; send: Send; read: Read; parse: (text: string) => unknown }): Promise<void> {
  if (req.method !== 'POST') return io.send(res, { ok: false, error: new AppError('INVALID_INPUT', '请使用 POST 调用运营后台接口。').toBody() });
  const { text, tooLarge } = await io.read(req, 64 * 1024);
  if (tooLarge) return io.send(res, { ok: false, error: new AppError('INVALID_INPUT', '请求内容过大（上限 64 KB）。', { fields: { _: '请求内容过大' } }).toBody() });
  const event = io.parse(text);
  const env = await dispatchAdmin(r.admin, event, { token: bearerToken(req.headers.authorization), clock: io.clock, deps: r.deps, log: r.log, requestId: randomUUID() });
  io.send(res, env);
}

/** `POST /api/__dev/operators/<operatorId>/session` → `{ token }`: the console's dev sign-in ("pick an operator"). */
export async function devOperatorSession(operatorId: string, r: AdminRoutes, clock: Clock) {
  const op = findOperator(operatorId);
  if (!op) throw new AppError('NOT_FOUND', `没有这位演示运营人员，可用的见 GET /api/__dev/fixtures 的 operators。`);
  const { token, expiresAt } = await createSession(await r.deps.db(), op.operatorId, 'dev', clock.now());
  return { token, expiresAt: expiresAt.toISOString(), operator: operatorView({ id: op.operatorId, name: op.name, role: op.role, departmentId: op.departmentId ?? null }) };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The console's files under `/admin/`; any other path there is the console's own page (its router). */
export async function serveConsole(dir: string, urlPath: string, res: ServerResponse): Promise<void> {
  const rel = normalize(decodeURIComponent(urlPath.replace(/^\/admin\/?/, ''))).replace(/^([/\\])+/, '');
  let file = join(dir, rel);
  if (!file.startsWith(dir + sep) && file !== dir) {
    res.writeHead(403).end();
    return;
  }
  let info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) {
    file = join(dir, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Operator console build not found: run `npm run build:console`.');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    // The console holds an operator's token: no framing by another site, no guessing of types.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  createReadStream(file).pipe(res);
}
