import { ACTING_FOR_KEY, actingForSchema, AppError, type Envelope, FAMILY_SCOPE_NAMES, type FamilyScope, internalErrorBody } from '@bianmin/core';
import type { z } from 'zod';
import { assertAvailable } from '../availability/evaluate';
import { liveLinkOfHelper, NO_LINK, recordFamilyAction, scopeRefusal } from '../family/links';
import type { DispatchableAction, Subjects } from './actions';
import { fieldsFromZod } from './fields';
import { forbiddenKeyPath, paramsOf } from './params';
import type { CallContext } from './types';

/**
 * Keys the platform reads or adds to every event; never part of a resident's input. `actingFor`
 * is a helper's link to the relative they act for (亲友代办), read by dispatch itself.
 */
const PLATFORM_KEYS = ['action', 'userInfo', 'tcbContext', ACTING_FOR_KEY];

/** What dispatch needs of a function: its actions, their input schemas and the subjects they name. */
export interface Dispatchable {
  name: string;
  actions: Record<string, DispatchableAction>;
  schemas: Record<string, z.ZodType>;
  subjects?: Subjects;
  /** The family scope under which a helper may act for a relative here; absent: nobody may. */
  family?: FamilyScope;
}

type Handler = {
  auth?: string;
  subject?: string;
  service?: string | ((i: unknown, c: CallContext) => string);
  servesStale?: boolean;
  run: (c: CallContext, i: unknown) => Promise<unknown>;
  family?: false;
  familyWhat?: string | ((i: unknown, o: unknown) => string);
};

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
    // A helper acting for a relative becomes the relative for the rest of the call (a public action
    // answers everyone alike: there is nothing to act for).
    if (handler.auth !== 'public' && caller && raw[ACTING_FOR_KEY] !== undefined) await actFor(def, handler, raw[ACTING_FOR_KEY], ctx);
    // A subject is a resident's own: the types allow one only on a resident action.
    if (handler.subject && ctx.caller) await loadSubject(def, handler.subject, parsed.data as Record<string, unknown>, ctx.caller.openid, ctx);
    if (handler.service) {
      const service = typeof handler.service === 'string' ? handler.service : handler.service(parsed.data, ctx);
      await assertAvailable(service, ctx, { servesStale: handler.servesStale });
    }
    const data = await handler.run(ctx, parsed.data);
    if (ctx.actingFor) await recordActing(def, handler, action, parsed.data, data, ctx);
    log.info({ ...rid, fn: def.name, action, ms: Date.now() - started, ...(ctx.actingFor ? { actingFor: ctx.actingFor.linkId } : {}) }, 'call ok');
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

/**
 * A helper's call for a relative: the link must be the caller's own as helper and live, the flow
 * must declare a family scope the link grants (and the action not opt out). Then the call goes on
 * as the holder's — their subjects load, every NOT_FOUND holds unchanged — with the helper kept in
 * `ctx.actingFor`. Every refusal changes nothing, and an unknown, another helper's and a revoked
 * link are refused alike.
 */
async function actFor(def: Dispatchable, handler: Handler, value: unknown, ctx: CallContext): Promise<void> {
  const parsed = actingForSchema.safeParse(value);
  if (!parsed.success) throw new AppError('INVALID_INPUT', '代办关系编号 actingFor 格式不正确。', { fields: { actingFor: '应为代办关系编号' } });
  const scope = def.family;
  if (!scope || handler.family === false) throw new AppError('FORBIDDEN', '这项操作只能由本人办理，不能由亲友代办。', { fields: { actingFor: '此操作不支持代办' } });
  const helper = ctx.caller!;
  const link = await liveLinkOfHelper(await ctx.deps.db(), helper.openid, parsed.data);
  if (!link) throw NO_LINK();
  const refusal = scopeRefusal(link, scope);
  if (refusal) throw refusal;
  ctx.actingFor = { linkId: link.id, helperOpenid: helper.openid, holderOpenid: link.holderOpenid, holderLabel: link.holderLabel };
  ctx.caller = { ...helper, openid: link.holderOpenid };
}

/**
 * The holder's record of what was done for them. The action has happened: a failure to record is
 * logged, not turned into a failed answer (the order, say, exists and must not be placed twice).
 */
async function recordActing(def: Dispatchable, handler: Handler, action: string, input: unknown, output: unknown, ctx: CallContext): Promise<void> {
  const acting = ctx.actingFor!;
  try {
    const w = handler.familyWhat;
    const what = typeof w === 'function' ? w(input, output) : (w ?? `办理${FAMILY_SCOPE_NAMES[def.family!]}`);
    await recordFamilyAction(await ctx.deps.db(), acting, def.name, action, what, ctx.clock.now());
  } catch (e) {
    (ctx.runtimeLog ?? ctx.log).error({ fn: def.name, action, link: acting.linkId, err: e }, 'family action not recorded');
  }
}
