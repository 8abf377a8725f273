import type { AdminAction, AdminOutputs } from '@bianmin/core/admin/contract';

/** The session token, for this tab only: closing it signs the operator out of this browser. */
const TOKEN_KEY = 'bianmin.console.token';
/** The state sent to WeChat Work and expected back (a sign-in someone else started is refused). */
export const STATE_KEY = 'bianmin.console.wecomState';

export const session = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (t: string) => sessionStorage.setItem(TOKEN_KEY, t),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An answer the server refused, with its code and its words (shown to the operator as they are). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Told when the session is gone (expired, revoked): the console goes back to sign-in. */
let onSignedOut: () => void = () => undefined;
export const whenSignedOut = (f: () => void) => {
  onSignedOut = f;
};

/** `POST /api/admin` (deployed: the `admin` HTTP function) with the operator's bearer token. */
export async function admin<A extends AdminAction>(action: A, params: Record<string, unknown> = {}): Promise<AdminOutputs[A]> {
  const token = session.get();
  const res = await fetch(`${API_BASE}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, ...params }),
  });
  let body: { ok: true; data: AdminOutputs[A] } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
  try {
    body = await res.json();
  } catch {
    throw new ApiError('INTERNAL', `服务暂时没有正常应答（HTTP ${res.status}），请稍后重试。`);
  }
  if (body.ok) return body.data;
  if (body.error.code === 'UNAUTHENTICATED' && action !== 'signIn') {
    session.clear();
    onSignedOut();
  }
  throw new ApiError(body.error.code, body.error.message, body.error.fields);
}

/** The residents' functions (the status page is public: no token, no openid). */
export async function residentCall<T>(fn: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(`/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const b = (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new ApiError(b.error.code, b.error.message);
  return b.data;
}

/** Where the console's API is: the local stack's route, or the HTTP access path on CloudBase (set at build time). */
declare const process: { env: { ADMIN_API_URL?: string } };
const API_BASE = process.env.ADMIN_API_URL || '/api/admin';

export interface DevOperator {
  operatorId: string;
  name: string;
  role: string;
  departmentId?: string;
}

/** The local stack's operators (`GET /api/__dev/fixtures`); none on CloudBase. */
export async function devOperators(): Promise<DevOperator[]> {
  try {
    const res = await fetch('/api/__dev/fixtures');
    if (!res.ok) return [];
    const b = (await res.json()) as { operators?: DevOperator[] };
    return b.operators ?? [];
  } catch {
    return [];
  }
}

export async function devSignIn(operatorId: string): Promise<string> {
  const res = await fetch(`/api/__dev/operators/${encodeURIComponent(operatorId)}/session`, { method: 'POST' });
  const b = (await res.json()) as { ok: true; data: { token: string } } | { ok: false; error: { code: string; message: string } };
  if (!b.ok) throw new ApiError(b.error.code, b.error.message);
  return b.data.token;
}
