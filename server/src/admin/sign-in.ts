import { AppError } from '@bianmin/core';
import type { AdminOutputs, adminInput } from '@bianmin/core/admin/contract';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { operatorView } from '../audit/list';
import { operators } from '../db/schema';
import { createSession, revokeSession } from './sessions';
import type { OperatorContext, SignInContext } from './types';

function wecomOf(ctx: SignInContext) {
  if (!ctx.deps.wecom) throw new AppError('INTERNAL', '企业微信登录尚未配置，请联系市级管理员。');
  return ctx.deps.wecom;
}

/** The WeChat Work sign-in page for the console to send the operator to; `state` comes back with the code. */
export async function signInUrl(ctx: SignInContext, input: z.output<(typeof adminInput)['signInUrl']>): Promise<AdminOutputs['signInUrl']> {
  return { url: wecomOf(ctx).signInUrl(input.state) };
}

/**
 * WeChat Work's code → the member's userid → an operator who is not disabled → a new session. A
 * member who is not an operator gets UNAUTHENTICATED and the same words as a bad code would: the
 * console cannot be used to find out who has access.
 */
export async function signIn(ctx: SignInContext, input: z.output<(typeof adminInput)['signIn']>): Promise<AdminOutputs['signIn']> {
  const userId = await wecomOf(ctx).userIdFromCode(input.code);
  const db = await ctx.deps.db();
  const [op] = await db.select().from(operators).where(and(eq(operators.wecomUserId, userId), isNull(operators.disabledAt)));
  if (!op) {
    ctx.log.warn({ wecom: 'not an operator' }, 'console sign-in refused');
    throw new AppError('UNAUTHENTICATED', '你的企业微信账号还没有开通运营后台，请联系市级管理员开通。');
  }
  const { token, expiresAt } = await createSession(db, op.id, 'wecom', ctx.clock.now());
  ctx.log.info({ operator: op.id }, 'operator signed in');
  return { token, expiresAt: expiresAt.toISOString(), operator: operatorView(op) };
}

export async function me(ctx: OperatorContext): Promise<AdminOutputs['me']> {
  const o = ctx.operator;
  return { operator: operatorView(o), expiresAt: o.sessionExpiresAt.toISOString() };
}

export async function signOut(ctx: OperatorContext): Promise<AdminOutputs['signOut']> {
  await revokeSession(await ctx.deps.db(), ctx.operator.sessionHash, ctx.clock.now());
  return { signedOut: true };
}
