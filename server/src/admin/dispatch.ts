import { AppError, type Clock, type Envelope, internalErrorBody } from '@bianmin/core';
import type { Logger } from '../log';
import { fieldsFromZod } from '../runtime/fields';
import { forbiddenKeyPath, paramsOf } from '../runtime/params';
import type { Deps } from '../runtime/types';
import type { AdminAccess, AdminDefinition } from './define';
import { authenticate } from './sessions';
import type { Operator } from './types';

const PLATFORM_KEYS = ['action', 'userInfo', 'tcbContext'];

/** Which roles an access level admits. */
const ADMITS: Record<Exclude<AdminAccess, 'public'>, ReadonlySet<string>> = {
  read: new Set(['city_admin', 'department_operator', 'auditor']),
  write: new Set(['city_admin', 'department_operator']),
  audit: new Set(['city_admin', 'auditor']),
};

const REFUSAL: Record<Exclude<AdminAccess, 'public' | 'read'>, string> = {
  write: '审计人员只能查看，不能修改。',
  audit: '只有市级管理员和审计人员可以查看这项内容。',
};

export interface AdminCall {
  /** The bearer token from the Authorization header; a resident's identity is never one. */
  token: string | null;
  clock: Clock;
  deps: Deps;
  log: Logger;
  requestId: string;
}

/** `Authorization: Bearer <token>` → the token; anything else → null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const v = Array.isArray(header) ? header[0] : header;
  const m = v ? /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(v.trim()) : null;
  return m ? m[1] : null;
}

/**
 * The operator console's one wrapper, as dispatch() is the residents': shape, action, the
 * operator's session, their role, validation, the command, and error mapping. The session is
 * checked before the body is read further, and the role before the input is validated, so an
 * auditor's write or a stranger's call learns nothing from our validation messages.
 */
export async function dispatchAdmin(def: AdminDefinition, event: unknown, call: AdminCall): Promise<Envelope<unknown>> {
  const started = Date.now();
  let action = '?';
  let operator: Operator | undefined;
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new AppError('INVALID_INPUT', '请求格式不正确：应为包含 action 字段的 JSON 对象。', { fields: { action: '缺少 action 字段' } });
    }
    const raw = event as Record<string, unknown>;
    const names = Object.keys(def.actions);
    const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
    if (typeof raw.action !== 'string' || !own(def.actions, raw.action) || !own(def.schemas, raw.action)) {
      throw new AppError('INVALID_INPUT', `不支持这个操作，可用的操作：${names.join('、')}。`, { fields: { action: '未知操作' } });
    }
    action = raw.action;
    const handler = (def.actions as unknown as Record<string, { access: AdminAccess; run(ctx: unknown, input: unknown): Promise<unknown> }>)[action];
    const base = { clock: call.clock, deps: call.deps, log: call.log, requestId: call.requestId };
    let ctx: unknown = base;
    if (handler.access !== 'public') {
      operator = await authenticate(call.deps.db, call.token, call.clock.now());
      if (!ADMITS[handler.access].has(operator.role)) throw new AppError('FORBIDDEN', REFUSAL[handler.access as 'write' | 'audit']);
      ctx = { ...base, operator };
    }
    const forbidden = forbiddenKeyPath(raw);
    if (forbidden) throw new AppError('INVALID_INPUT', '请求中含有不允许的字段名（__proto__、constructor 或 prototype）。', { fields: { [forbidden]: '不允许的字段名' } });
    const parsed = def.schemas[action].safeParse(paramsOf(raw, PLATFORM_KEYS));
    if (!parsed.success) {
      const fields = fieldsFromZod(parsed.error);
      // The admin schemas are strict, and zod names the unknown key: a caller's text never comes back as our words.
      if (parsed.error.issues.some((i) => i.code === 'unrecognized_keys')) fields._ = '含有这个操作不接受的字段，请按接口说明填写';
      throw new AppError('INVALID_INPUT', `填写的信息有误：${Object.values(fields)[0] ?? '请检查后重试'}`, { fields });
    }
    const data = await handler.run(ctx, parsed.data);
    call.log.info({ requestId: call.requestId, fn: 'admin', action, operator: operator?.id, ms: Date.now() - started }, 'admin call ok');
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError) {
      call.log[e.code === 'INTERNAL' ? 'error' : 'info']({ requestId: call.requestId, fn: 'admin', action, operator: operator?.id, code: e.code, ms: Date.now() - started }, 'admin call refused');
      return { ok: false, error: e.toBody() };
    }
    call.log.error({ requestId: call.requestId, fn: 'admin', action, operator: operator?.id, err: e, ms: Date.now() - started }, 'admin call failed');
    return { ok: false, error: internalErrorBody() };
  }
}
