import { AppError, type Envelope, internalErrorBody } from '@bianmin/core';
import type { z } from 'zod';
import { assertAvailable } from '../availability/evaluate';
import type { FunctionDefinition } from './define';
import { fieldsFromZod } from './fields';
import { forbiddenKeyPath, paramsOf } from './params';
import type { CallContext } from './types';

/** Keys the platform adds to every event; never part of a resident's input. */
const PLATFORM_KEYS = ['action', 'userInfo', 'tcbContext'];

/**
 * The one wrapper every action goes through: shape check, action lookup, authentication,
 * validation, the handler, and error mapping. Nothing thrown inside escapes as anything but an
 * envelope; an unexpected error is logged with its stack and answered as INTERNAL.
 */
export interface Dispatchable {
  name: string;
  actions: Record<string, { auth?: 'resident' | 'public'; service?(input: never, ctx: CallContext): string | Promise<string>; servesStale?: boolean; run(input: never, ctx: CallContext): Promise<unknown> }>;
  schemas: Record<string, z.ZodType>;
}

export async function dispatch(def: Dispatchable | FunctionDefinition, event: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
  const started = Date.now();
  let action = '?';
  // The runtime's own line: on the process logger with the requestId as a field when there is one.
  const log = ctx.runtimeLog ?? ctx.log;
  const rid = ctx.runtimeLog ? { requestId: ctx.requestId } : undefined;
  try {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw new AppError('INVALID_INPUT', '请求格式不正确：应为包含 action 字段的 JSON 对象。', {
        fields: { action: '缺少 action 字段' },
      });
    }
    const raw = event as Record<string, unknown>;
    const names = Object.keys(def.actions);
    if (typeof raw.action !== 'string' || raw.action === '') {
      throw new AppError('INVALID_INPUT', `请求缺少 action 字段，可用的操作：${names.join('、')}。`, {
        fields: { action: '缺少 action 字段' },
      });
    }
    const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
    const handler = own(def.actions, raw.action)
      ? (def.actions as unknown as Record<string, { auth?: string; service?: (i: unknown, c: CallContext) => string | Promise<string>; servesStale?: boolean; run: (i: unknown, c: CallContext) => Promise<unknown> }>)[raw.action]
      : undefined;
    const schema = own(def.schemas, raw.action) ? def.schemas[raw.action] : undefined;
    if (!handler || !schema) {
      // The caller's text is not echoed: a message is our words to a resident, never theirs reflected.
      throw new AppError('INVALID_INPUT', `不支持这个操作，可用的操作：${names.join('、')}。`, {
        fields: { action: `未知操作，可用：${names.join('、')}` },
      });
    }
    action = raw.action;
    if (handler.auth !== 'public' && !ctx.caller) {
      throw new AppError('UNAUTHENTICATED', '请先登录微信后再使用此服务。');
    }
    const forbidden = forbiddenKeyPath(raw);
    if (forbidden) {
      throw new AppError('INVALID_INPUT', '请求中含有不允许的字段名（__proto__、constructor 或 prototype）。', { fields: { [forbidden]: '不允许的字段名' } });
    }
    const parsed = schema.safeParse(paramsOf(raw, PLATFORM_KEYS));
    if (!parsed.success) {
      const fields = fieldsFromZod(parsed.error);
      throw new AppError('INVALID_INPUT', `填写的信息有误：${Object.values(fields)[0] ?? '请检查后重试'}`, { fields });
    }
    if (handler.service) await assertAvailable(await handler.service(parsed.data, ctx), ctx, { servesStale: handler.servesStale });
    const data = await handler.run(parsed.data, ctx);
    log.info({ ...rid, fn: def.name, action, ms: Date.now() - started }, 'call ok');
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError) {
      const level = e.code === 'INTERNAL' ? 'error' : 'info';
      log[level]({ ...rid, fn: def.name, action, code: e.code, ms: Date.now() - started }, 'call refused');
      return { ok: false, error: e.toBody() };
    }
    log.error({ ...rid, fn: def.name, action, err: e, ms: Date.now() - started }, 'call failed');
    return { ok: false, error: internalErrorBody() };
  }
}
