import { AppError, type DepartmentId, isDepartmentId, toShanghaiIso } from '@bianmin/core';
import type { AdminOutputs, adminInput, StuckRefundView } from '@bianmin/core/admin/contract';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { assertActsFor, visibleDepartments } from '../admin/scope';
import type { OperatorContext } from '../admin/types';
import { recordAudit } from '../audit/record';
import { orders, refunds } from '../db/schema';
import { askRefund, claimRefund, STUCK_REFUND_ATTEMPTS } from '../payments/refunds';

type Row = { refund: typeof refunds.$inferSelect; providerId: string | null };

/** The department an order's money belongs to: the utility that bills it, or the traffic police for a fine. */
const departmentOf = (providerId: string | null): DepartmentId | null => (providerId && isDepartmentId(providerId) ? providerId : null);

function view(r: Row): StuckRefundView {
  return {
    refundId: r.refund.id,
    orderId: r.refund.orderId,
    departmentId: departmentOf(r.providerId),
    amount: r.refund.amount,
    reason: r.refund.reason,
    attempts: r.refund.attempts,
    lastError: r.refund.lastError,
    status: r.refund.status,
    createdAt: toShanghaiIso(r.refund.createdAt),
    nextAttemptAt: toShanghaiIso(r.refund.nextAttemptAt),
  };
}

/**
 * Refunds WeChat Pay keeps refusing: still open after STUCK_REFUND_ATTEMPTS asks. The money is a
 * resident's and a person must see that it goes back. Department operators see their department's.
 */
export async function stuckRefunds(ctx: OperatorContext): Promise<AdminOutputs['queues.refunds']> {
  const db = await ctx.deps.db();
  const rows = await db
    .select({ refund: refunds, providerId: orders.providerId })
    .from(refunds)
    .leftJoin(orders, eq(orders.id, refunds.orderId))
    .where(and(inArray(refunds.status, ['pending', 'requested']), gte(refunds.attempts, STUCK_REFUND_ATTEMPTS)))
    .orderBy(asc(refunds.createdAt))
    .limit(200);
  const visible = visibleDepartments(ctx.operator);
  return { refunds: rows.filter((r) => visible === 'all' || visible.includes(departmentOf(r.providerId) as DepartmentId)).map(view) };
}

/**
 * An operator asks WeChat Pay again now, for one refund (after fixing what it refused for: the
 * merchant account's balance, …). The same refund id, so it can never be paid twice; audited.
 */
export async function retryRefund(ctx: OperatorContext, input: z.output<(typeof adminInput)['queues.retryRefund']>): Promise<AdminOutputs['queues.retryRefund']> {
  const db = await ctx.deps.db();
  const now = ctx.clock.now();
  const [found] = await db.select({ refund: refunds, providerId: orders.providerId }).from(refunds).leftJoin(orders, eq(orders.id, refunds.orderId)).where(eq(refunds.id, input.refundId));
  if (!found) throw new AppError('NOT_FOUND', '没有找到这笔退款。');
  assertActsFor(ctx.operator, [departmentOf(found.providerId) ?? 'city']);
  const claimed = await claimRefund(db, found.refund.id, now);
  if (!claimed) throw new AppError('CONFLICT', '这笔退款已经完成，不需要重试。');
  const outcome = await askRefund(ctx.deps, db, claimed, now);
  const [after] = await db.select({ refund: refunds, providerId: orders.providerId }).from(refunds).leftJoin(orders, eq(orders.id, refunds.orderId)).where(eq(refunds.id, found.refund.id));
  const brief = (r: typeof refunds.$inferSelect) => ({ status: r.status, attempts: r.attempts, lastError: r.lastError });
  await recordAudit(db, ctx, { action: 'queues.retryRefund', subjectType: 'refund', subjectId: found.refund.id, before: brief(found.refund), after: { ...brief(after.refund), outcome }, note: input.note });
  const open = after.refund.status === 'pending' || after.refund.status === 'requested';
  return { refund: open ? view(after) : null, outcome };
}
