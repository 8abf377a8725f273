import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Tencent Cloud API (OCR, FaceID, …) that the real `tencentcloud-sdk-nodejs`
 * clients talk to, their `httpProfile` pointed here. It checks what the real gateway checks
 * before an action runs — the TC3-HMAC-SHA256 signature recomputed with our secret, the
 * timestamp window, the action and version headers — and answers in the API's own envelope
 * (`{ Response: { …, RequestId } }`, errors as `{ Response: { Error: { Code, Message } } }`),
 * so the adapters under test parse exactly what production sends them.
 */

/** An API error with Tencent Cloud's own code, e.g. `FailedOperation.ImageBlur`. */
export class TcError extends Error {
  override name = 'TcError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TcCall {
  action: string;
  version: string;
  region: string;
  /** The service named in the signature's credential scope. */
  service: string;
  params: Record<string, unknown>;
}

export type TcHandler = (params: Record<string, unknown>, call: TcCall) => unknown | Promise<unknown>;

export interface TcRequestRecord extends TcCall {
  signatureValid: boolean;
  /** The error code answered, if any. */
  error?: string;
}

export interface TencentCloudSandbox {
  url: string;
  /** `127.0.0.1:PORT`, for the SDK's `httpProfile.endpoint`. */
  endpoint: string;
  secretId: string;
  secretKey: string;
  /** Every request that reached the sandbox, newest last. */
  readonly requests: readonly TcRequestRecord[];
  register(action: string, handler: TcHandler): void;
  /** Extra plain HTTP routes on the same server (e.g. a FaceID h5 page): GET/POST by exact path prefix. */
  route(prefix: string, handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>): void;
  stop(): Promise<void>;
}

/** The real API refuses a request signed more than five minutes away from its clock. */
const MAX_SKEW_S = 300;
const MAX_BODY = 12 * 1024 * 1024;

const sha256hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

interface ParsedAuth {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string | undefined): ParsedAuth | null {
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(value ?? '');
  if (!m) return null;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].split(';'), signature: m[5] };
}

/** TC3-HMAC-SHA256 as documented (and as the SDK's `sign3` computes it), from the request as received. */
function tc3Signature(args: {
  secretKey: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  signedHeaders: string[];
  body: Buffer;
  timestamp: number;
  date: string;
  service: string;
}): string {
  // Values as sent: the SDK signs `content-type` and the host name (no port) without folding case.
  const canonicalHeaders = args.signedHeaders.map((h) => `${h}:${(args.headers[h] ?? '').trim()}\n`).join('');
  const canonicalRequest = [args.method, args.path, args.query, canonicalHeaders, args.signedHeaders.join(';'), sha256hex(args.body)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(args.timestamp), `${args.date}/${args.service}/tc3_request`, sha256hex(canonicalRequest)].join('\n');
  const kDate = hmac(`TC3${args.secretKey}`, args.date);
  const kService = hmac(kDate, args.service);
  const kSigning = hmac(kService, 'tc3_request');
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export async function startTencentCloudSandbox(opts: { secretId?: string; secretKey?: string; now?: () => number } = {}): Promise<TencentCloudSandbox> {
  const secretId = opts.secretId ?? `AKIDsandbox${randomBytes(8).toString('hex')}`;
  const secretKey = opts.secretKey ?? randomBytes(16).toString('hex');
  const now = opts.now ?? (() => Math.floor(Date.now() / 1000));
  const handlers = new Map<string, TcHandler>();
  const routes: { prefix: string; handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void> }[] = [];
  const requests: TcRequestRecord[] = [];

  const answer = (res: ServerResponse, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const fail = (res: ServerResponse, code: string, message: string) => answer(res, { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size <= MAX_BODY) chunks.push(c as Buffer);
    }
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const custom = routes.find((r) => url.pathname.startsWith(r.prefix));
    if (custom) {
      try {
        return await custom.handle(req, res, body);
      } catch {
        if (!res.headersSent) res.writeHead(500).end();
        return;
      }
    }
    if (req.method !== 'POST') return fail(res, 'UnsupportedProtocol', 'only POST is accepted');
    if (size > MAX_BODY) return fail(res, 'RequestSizeLimitExceeded', 'The request body exceeds the limit.');

    const header = (n: string) => {
      const v = req.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    const action = header('x-tc-action') ?? '';
    const version = header('x-tc-version') ?? '';
    const region = header('x-tc-region') ?? '';
    const timestamp = Number(header('x-tc-timestamp'));
    const auth = parseAuthorization(header('authorization'));
    let params: Record<string, unknown> = {};
    try {
      const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
    } catch {
      /* answered below as a malformed request once the signature is known to be ours */
    }
    const record: TcRequestRecord = { action, version, region, service: auth?.service ?? '', params, signatureValid: false };
    requests.push(record);
    const refuse = (code: string, message: string) => {
      record.error = code;
      fail(res, code, message);
    };

    if (!auth) return refuse('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    if (auth.secretId !== secretId) return refuse('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
    if (!Number.isInteger(timestamp) || Math.abs(now() - timestamp) > MAX_SKEW_S) return refuse('AuthFailure.SignatureExpire', 'Signature expired. Timestamp and server time differ by more than five minutes.');
    if (utcDate(timestamp) !== auth.date) return refuse('AuthFailure.SignatureFailure', 'The date in the credential scope does not match X-TC-Timestamp.');
    const host = (header('host') ?? '').replace(/:\d+$/, '');
    const expected = tc3Signature({
      secretKey,
      method: req.method ?? 'POST',
      path: url.pathname,
      query: url.search.slice(1),
      headers: { 'content-type': header('content-type') ?? '', host },
      signedHeaders: auth.signedHeaders,
      body,
      timestamp,
      date: auth.date,
      service: auth.service,
    });
    if (!auth.signedHeaders.includes('host') || !timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) {
      return refuse('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    }
    record.signatureValid = true;
    const handler = handlers.get(action);
    if (!handler) return refuse('InvalidAction', `The action ${action} is not supported by this sandbox.`);
    try {
      const result = await handler(params, { action, version, region, service: auth.service, params });
      answer(res, { Response: { ...(result as object), RequestId: randomUUID() } });
    } catch (e) {
      if (e instanceof TcError) return refuse(e.code, e.message);
      refuse('InternalError', 'An internal error has occurred.');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    secretId,
    secretKey,
    requests,
    register: (action, handler) => void handlers.set(action, handler),
    route: (prefix, handle) => void routes.push({ prefix, handle }),
    stop: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
