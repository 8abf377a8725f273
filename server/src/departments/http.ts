import http from 'node:http';
import https from 'node:https';

/** What the department client needs of an HTTP answer: its status and its whole body as text. */
export interface HttpAnswer {
  status: number;
  text: string;
}

/** Why no answer came: no connection or reset before the head (`network`), past the deadline, or cut mid-body. */
export class HttpFailure extends Error {
  constructor(readonly kind: 'network' | 'timeout' | 'cut') {
    super(`http ${kind}`);
    this.name = 'HttpFailure';
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** One deadline for the whole exchange, head and body. */
  timeoutMs: number;
}

export type HttpTransport = (url: string, req: HttpRequest) => Promise<HttpAnswer>;

// Keep-alive sockets per process, reused by every warm invocation. Node's agent also honours a
// server's `Keep-Alive: timeout=…` hint and drops a socket before the server would.
const AGENTS = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/**
 * A department request over node:http with keep-alive sockets and one timer per call. Measured
 * (npm run bench, BENCH_PROFILE): `fetch` spent ~11% of an uncached bills.bill's gateway CPU in
 * undici alone, plus an AbortSignal, a DOMException and web streams per call.
 */
export const httpTransport: HttpTransport = (url, r) =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const target = new URL(url);
    const agent = AGENTS[target.protocol as keyof typeof AGENTS];
    if (!agent) return reject(new HttpFailure('network'));
    const headers: Record<string, string | number> = { ...r.headers };
    if (r.body !== undefined) headers['content-length'] = Buffer.byteLength(r.body);
    let settled = false;
    let headReceived = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = (target.protocol === 'https:' ? https : http).request(target, { method: r.method, headers, agent }, (res) => {
      headReceived = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => settle(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })));
      res.on('aborted', () => settle(() => reject(new HttpFailure('cut'))));
      res.on('error', () => settle(() => reject(new HttpFailure('cut'))));
    });
    const timer = setTimeout(() => {
      settle(() => reject(new HttpFailure('timeout')));
      req.destroy();
    }, r.timeoutMs);
    req.on('error', () => settle(() => reject(new HttpFailure(headReceived ? 'cut' : 'network'))));
    req.end(r.body);
  });
