import { AppError, type BindingView, maskAccountNo, providerById, type ProviderId, toShanghaiIso, type UtilityKind } from '@bianmin/core';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { preparedPer } from '../../db/prepared';
import { bindings } from '../../db/schema';
import { DepartmentRejection } from '../../departments/client';
import type { ResidentContext } from '../../runtime/types';
import { BIND_FAILURES, releaseHit, takeHit } from '../../limits/rate-limit';
import { utilityFor } from './utilities';

type Row = typeof bindings.$inferSelect;

export function bindingView(r: Row): BindingView {
  return {
    bindingId: r.id,
    providerId: r.providerId as ProviderId,
    providerName: providerById(r.providerId)?.name ?? r.providerId,
    kind: r.kind as UtilityKind,
    accountNoMasked: maskAccountNo(r.accountNo),
    label: r.label,
    holderName: r.holderName,
    address: r.address,
    createdAt: toShanghaiIso(r.createdAt),
    dueReminders: r.dueReminders,
  };
}

/**
 * The resident's own live binding. Another resident's id, a removed binding and an id that never
 * existed all answer the same NOT_FOUND: nothing tells a prober which ids are real.
 */
const ownBindingQuery = preparedPer((db) =>
  db
    .select()
    .from(bindings)
    .where(and(eq(bindings.id, sql.placeholder('bindingId')), eq(bindings.openid, sql.placeholder('openid')), isNull(bindings.deletedAt)))
    .prepare('own_binding'),
);

export async function ownBinding(db: Db, openid: string, bindingId: string): Promise<Row> {
  const [row] = await ownBindingQuery(db).execute({ bindingId, openid });
  if (!row) throw new AppError('NOT_FOUND', '没有找到这个户号，可能已被解绑，请刷新后重试。');
  return row;
}

/** A command's context once the runtime has loaded the caller's binding (`subject: 'binding'`). */
export type BindingContext = ResidentContext & { readonly binding: Row };

const listBindingsQuery = preparedPer((db) =>
  db.select().from(bindings).where(and(eq(bindings.openid, sql.placeholder('openid')), isNull(bindings.deletedAt))).orderBy(asc(bindings.createdAt)).prepare('list_bindings'),
);

/** The resident's live bindings, oldest first. */
export function liveBindings(db: Db, openid: string): Promise<Row[]> {
  return listBindingsQuery(db).execute({ openid });
}

export async function listBindings(ctx: ResidentContext): Promise<{ bindings: BindingView[] }> {
  return { bindings: (await liveBindings(await ctx.deps.db(), ctx.caller.openid)).map(bindingView) };
}

const MAX_BINDINGS = 20;

/**
 * Binds a household after the department confirms the resident's proof: the holder's full name
 * must match the account before anything about it (the address) is shown or stored. An unknown
 * account and a wrong name get the same refusal, word for word, so that binding is no oracle
 * for which numbers exist; and failures are limited per caller (`BIND_FAILURES`): every
 * attempt counts as a failure while in flight, so a parallel burst of guesses cannot overtake the
 * count, and is given back when the proof held or the department could not answer.
 */
export async function bindHousehold(ctx: ResidentContext, input: { providerId: ProviderId; accountNo: string; holderName: string; label?: string }): Promise<{ binding: BindingView }> {
  const openid = ctx.caller.openid;
  const provider = providerById(input.providerId)!;
  const db = await ctx.deps.db();
  const existing = await liveBindings(db, openid);
  if (existing.length >= MAX_BINDINGS) throw new AppError('CONFLICT', `最多可绑定 ${MAX_BINDINGS} 个户号，请先解绑不用的户号。`);
  const api = utilityFor(ctx.deps, provider.id);

  const hit = await takeHit(db, BIND_FAILURES, openid, ctx.clock.now());
  let account;
  try {
    account = await api.verifyHolder(input.accountNo, input.holderName);
  } catch (e) {
    if (e instanceof DepartmentRejection && (e.status === 404 || e.status === 400 || e.status === 422)) {
      ctx.log.info({ provider: provider.id, departmentCode: e.departmentCode }, 'bind refused: proof did not match');
      throw new AppError('NOT_FOUND', `${provider.name}核对未通过：户号不存在，或户主姓名与户号不符。请对照缴费单核对户号和户主姓名。`, {
        fields: { accountNo: '户号或户主姓名不符', holderName: '户号或户主姓名不符' },
      });
    }
    // The department could not answer: not the resident's failure.
    await releaseHit(db, hit);
    throw e;
  }
  await releaseHit(db, hit);
  const [row] = await db
    .insert(bindings)
    .values({
      openid,
      providerId: provider.id,
      kind: provider.kind,
      accountNo: input.accountNo,
      label: input.label || null,
      holderName: account.holderName,
      address: account.address,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError('CONFLICT', `户号 ${maskAccountNo(input.accountNo)} 已经绑定过了。`, { fields: { accountNo: '该户号已绑定' } });
  }
  ctx.log.info({ binding: row.id, provider: provider.id }, 'household bound');
  return { binding: bindingView(row) };
}

/** Unbinds the household; the row stays (deleted) for the order history. */
export async function unbindHousehold(ctx: BindingContext): Promise<{ unbound: true }> {
  const db = await ctx.deps.db();
  await db.update(bindings).set({ deletedAt: ctx.clock.now() }).where(eq(bindings.id, ctx.binding.id));
  return { unbound: true };
}

/** Turns the household's due-date reminders on or off. */
export async function setDueReminders(ctx: BindingContext, input: { on: boolean }): Promise<{ binding: BindingView }> {
  const db = await ctx.deps.db();
  const [row] = await db
    .update(bindings)
    .set({ dueReminders: input.on })
    .where(and(eq(bindings.id, ctx.binding.id), isNull(bindings.deletedAt)))
    .returning();
  // Unbound between the load and this update (another phone): as unknown as any other id.
  if (!row) throw new AppError('NOT_FOUND', '没有找到这个户号，可能已被解绑，请刷新后重试。');
  return { binding: bindingView(row) };
}
