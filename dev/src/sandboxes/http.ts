import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

export type FaultMode = 'ok' | 'down' | 'slow' | 'error' | 'garbage';
export const FAULT_MODES: readonly FaultMode[] = ['ok', 'down', 'slow', 'error', 'garbage'];

export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface SandboxReply {
  status: number;
  /** JSON, or raw bytes served with `contentType` (a department's image). */
  body: unknown;
  contentType?: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** '/accounts/:accountNo' */
  path: string;
  /** Served without the API key and without faults (a department's public image links). */
  public?: boolean;
  handle(req: SandboxRequest): SandboxReply | Promise<SandboxReply>;
}

export interface Fault {
  mode: FaultMode;
  /** Delay for 'slow'. */
  ms: number;
}

export interface RunningSandbox {
  id: string;
  url: string;
  apiKey: string;
  /** Requests that reached a route (after auth and faults): lets tests and the bench count department calls. */
  readonly hits: number;
  setFault(f: Partial<Fault> & { mode: FaultMode }): Fault;
  /** Payments posted to this department, for the dev postings listing (departments that keep them). */
  postings?(): unknown[];
  fault(): Fault;
  stop(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const raw = (res: ServerResponse, reply: SandboxReply) => {
  const bytes = reply.body as Buffer;
  res.writeHead(reply.status, { 'content-type': reply.contentType!, 'content-length': bytes.length, 'cache-control': 'public, max-age=3600' });
  res.end(bytes);
};

function compile(path: string): { re: RegExp; keys: string[] } {
  const keys: string[] = [];
  const re = new RegExp(
    '^' + path.replace(/\/:([A-Za-z]+)/g, (_m, k: string) => (keys.push(k), '/([^/]+)')) + '$',
  );
  return { re, keys };
}

function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return Symbol.for('invalid-json');
  }
}

/**
 * A department's sandbox: a real HTTP server on loopback with its own API key (checked on every
 * request, `X-Api-Key`), deterministic data, and switchable faults so that every failure a real
 * department shows — refused connections, timeouts, 5xx, nonsense — can be provoked on demand.
 */
export async function startSandbox(opts: {
  id: string;
  apiKey: string;
  routes: Route[];
  port?: number;
  postings?: () => unknown[];
  /** WeChat's APIs take no X-Api-Key: the access token in the query is their gate, checked by the routes. */
  tokenGated?: boolean;
}): Promise<RunningSandbox> {
  const routes = opts.routes.map((r) => ({ ...r, ...compile(r.path) }));
  let fault: Fault = { mode: 'ok', ms: 0 };
  let hits = 0;
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer(async (req, res) => {
    try {
      const publicReply = await servePublic(req, res);
      if (publicReply) return;
      const f = fault;
      if (f.mode === 'down') {
        // As close to "connection refused" as a listening server can get.
        req.socket.destroy();
        return;
      }
      if (f.mode === 'slow') {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => (timers.delete(t), resolve()), f.ms);
          timers.add(t);
        });
        if (res.destroyed) return;
      }
      if (!opts.tokenGated && !keyMatches(req.headers['x-api-key'] as string | undefined, opts.apiKey)) {
        return json(res, 401, { code: 'AUTH_FAILED', message: 'invalid api key' });
      }
      if (f.mode === 'error') return json(res, 503, { code: 'SYS_BUSY', message: '系统繁忙，请稍后再试' });
      if (f.mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html><body>502 Bad Gateway</body></html>{"amount":');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const body = await readBody(req);
      if (body === Symbol.for('invalid-json')) return json(res, 400, { code: 'BAD_REQUEST', message: 'invalid json' });
      for (const r of routes) {
        if (r.method !== req.method) continue;
        const m = r.re.exec(url.pathname);
        if (!m) continue;
        const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
        hits++;
        const reply = await r.handle({ method: req.method, path: url.pathname, params, query: url.searchParams, body });
        return reply.contentType ? raw(res, reply) : json(res, reply.status, reply.body);
      }
      return json(res, 404, { code: 'NO_ROUTE', message: `no route ${req.method} ${url.pathname}` });
    } catch (e) {
      if (!res.headersSent) json(res, 500, { code: 'SANDBOX_BUG', message: String(e) });
    }
  });
  server.keepAliveTimeout = 5000;

  async function servePublic(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== 'GET') return false;
    const url = new URL(req.url ?? '/', 'http://sandbox');
    for (const r of routes) {
      if (!r.public || r.method !== 'GET') continue;
      const m = r.re.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
      const reply = await r.handle({ method: 'GET', path: url.pathname, params, query: url.searchParams, body: undefined });
      if (reply.contentType) raw(res, reply);
      else json(res, reply.status, reply.body);
      return true;
    }
    return false;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    id: opts.id,
    url: `http://127.0.0.1:${port}`,
    apiKey: opts.apiKey,
    get hits() {
      return hits;
    },
    setFault(f) {
      fault = { mode: f.mode, ms: f.mode === 'slow' ? (f.ms ?? 10_000) : 0 };
      return fault;
    },
    fault: () => fault,
    ...(opts.postings ? { postings: opts.postings } : {}),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
