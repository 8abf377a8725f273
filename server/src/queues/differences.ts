import { AppError, type DepartmentId, toShanghaiIso } from '@bianmin/core';
import type { AdminOutputs, adminInput, DifferenceView } from '@bianmin/core/admin/contract';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { assertActsFor, visibleDepartments } from '../admin/scope';
import type { OperatorContext } from '../admin/types';
import { recordAudit } from '../audit/record';
import { reconciliationItems, reconciliations } from '../db/schema';
import { DIFFERENCE_KINDS, type DifferenceKind } from '../reconcile/run';

type ItemRow = typeof reconciliationItems.$inferSelect;

function view(r: ItemRow): DifferenceView {
  return {
    itemId: r.id,
    day: r.day,
    kind: r.kind,
    kindName: DIFFERENCE_KINDS[r.kind as DifferenceKind] ?? r.kind,
    orderId: r.orderId,
    transactionId: r.transactionId,
    departmentId: r.departmentId,
    wechatAmount: r.wechatAmount,
    ledgerAmount: r.ledgerAmount,
    postedAmount: r.postedAmount,
    detail: r.detail,
    status: r.status === 'resolved' ? 'resolved' : 'open',
    foundAt: toShanghaiIso(r.foundAt),
    ...(r.resolvedBy && { resolvedBy: r.resolvedBy }),
    ...(r.resolvedAt && { resolvedAt: toShanghaiIso(r.resolvedAt) }),
    ...(r.note && { note: r.note }),
  };
}

/**
 * What the reconciliation found, newest day first. A department operator sees its department's
 * differences; one that belongs to no department (WeChat paid an order we do not know) is the
 * city administrators'.
 */
export async function listDifferences(ctx: OperatorContext, input: z.output<(typeof adminInput)['queues.differences']>): Promise<AdminOutputs['queues.differences']> {
  const db = await ctx.deps.db();
  const visible = visibleDepartments(ctx.operator);
  const rows = await db
    .select()
    .from(reconciliationItems)
    .where(
      and(
        input.status === 'all' ? undefined : eq(reconciliationItems.status, input.status),
        visible === 'all' ? undefined : inArray(reconciliationItems.departmentId, visible as DepartmentId[]),
      ),
    )
    .orderBy(desc(reconciliationItems.day), desc(reconciliationItems.foundAt))
    .limit(500);
  const [last] = await db.select().from(reconciliations).orderBy(desc(reconciliations.day)).limit(1);
  return {
    differences: rows.map(view),
    lastRun: last ? { day: last.day, status: last.status, ...(last.finishedAt && { finishedAt: toShanghaiIso(last.finishedAt) }) } : null,
  };
}

/** An operator closes a difference, saying what was done (refunded, booked by hand, …); audited. */
export async function resolveDifference(ctx: OperatorContext, input: z.output<(typeof adminInput)['queues.resolveDifference']>): Promise<AdminOutputs['queues.resolveDifference']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const [item] = await db.select().from(reconciliationItems).where(eq(reconciliationItems.id, input.itemId));
  if (!item) throw new AppError('NOT_FOUND', '没有找到这条对账差异。');
  // A difference of no department's is the city's to close.
  assertActsFor(ctx.operator, [item.departmentId ?? 'city']);
  const done = await db.transaction(async (tx) => {
    const [r] = await tx
      .update(reconciliationItems)
      .set({ status: 'resolved', resolvedBy: ctx.operator.id, resolvedAt: now, note: input.note })
      .where(and(eq(reconciliationItems.id, item.id), eq(reconciliationItems.status, 'open')))
      .returning();
    if (!r) return undefined;
    await recordAudit(tx, ctx, { action: 'queues.resolveDifference', subjectType: 'reconciliation_item', subjectId: r.id, before: { status: item.status, kind: item.kind, orderId: item.orderId }, after: { status: r.status }, note: input.note });
    return r;
  });
  if (!done) throw new AppError('CONFLICT', '这条差异已经处理过了。');
  return { difference: view(done) };
}
