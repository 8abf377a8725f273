import { AppError, type Envelope, internalErrorBody } from '@bianmin/core';
import type { z } from 'zod';
import { assertAvailable } from '../availability/evaluate';
import type { DispatchableAction, Subjects } from './actions';
import { fieldsFromZod } from './fields';
import { forbiddenKeyPath, paramsOf } from './params';
import type { CallContext } from './types';

/** Keys the platform adds to every event; never part of a resident's input. */
const PLATFORM_KEYS = ['action', 'userInfo', 'tcbContext'];

/** What dispatch needs of a function: its actions, their input schemas and the subjects they name. */
export interface Dispatchable {
  name: string;
  actions: Record<string, DispatchableAction>;
  schemas: Record<string, z.ZodType>;
  subjects?: Subjects;
}

type Handler = { auth?: string; subject?: string; service?: string | ((i: unknown, c: CallContext) => string); servesStale?: boolean; run: (c: CallContext, i: unknown) => Promise<unknown> };

/**
 * The one wrapper every action goes through: shape check, action lookup, authentication,
 * validation, the subject (the caller's own, loaded once), the availability guard, the command,
 * and error mapping. Nothing thrown inside escapes as anything but an envelope; an unexpected
 * error is logged with its stack and answered as INTERNAL.
 */
export async function dispatch(def: Dispatchable, event: unknown, ctx: CallContext): Promise<Envelope<unknown>> {
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
    const handler = own(def.actions, raw.action) ? (def.actions as unknown as Record<string, Handler>)[raw.action] : undefined;
    const schema = own(def.schemas, raw.action) ? def.schemas[raw.action] : undefined;
    if (!handler || !schema) {
      // The caller's text is not echoed: a message is our words to a resident, never theirs reflected.
      throw new AppError('INVALID_INPUT', `不支持这个操作，可用的操作：${names.join('、')}。`, {
        fields: { action: `未知操作，可用：${names.join('、')}` },
      });
    }
    action = raw.action;
    const caller = ctx.caller;
    if (handler.auth !== 'public' && !caller) {
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
    // A subject is a resident's own: the types allow one only on a resident action.
    if (handler.subject && caller) await loadSubject(def, handler.subject, parsed.data as Record<string, unknown>, caller.openid, ctx);
    if (handler.service) {
      const service = typeof handler.service === 'string' ? handler.service : handler.service(parsed.data, ctx);
      await assertAvailable(service, ctx, { servesStale: handler.servesStale });
    }
    const data = await handler.run(ctx, parsed.data);
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

/**
 * Puts the action's subject on the context under its name. The context is the call's own object
 * (never spread: its `log` is made on first use), so the guard and the command see the same row.
 */
async function loadSubject(def: Dispatchable, name: string, input: Record<string, unknown>, openid: string, ctx: CallContext): Promise<void> {
  const subject = def.subjects?.[name];
  if (!subject) throw new Error(`${def.name}: an action names the subject "${name}", which the function does not declare`);
  const id = input[subject.from];
  if (typeof id !== 'string') throw new Error(`${def.name}: subject "${name}" is read from "${subject.from}", which the input does not carry as a string`);
  const row = await subject.load(await ctx.deps.db(), openid, id);
  Object.defineProperty(ctx, name, { value: row, enumerable: true });
}
