import { DEPARTMENTS, type DepartmentId, toShanghaiIso } from '@bianmin/core';
import { type AdminOutputs, type adminInput, type OperatorRole, type OperatorView, ROLE_NAMES } from '@bianmin/core/admin/contract';
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { OperatorContext } from '../admin/types';
import { auditLog, operators } from '../db/schema';

/** The audit log, newest first, for auditors and city administrators (paging back with `before`). */
export async function listAudit(ctx: OperatorContext, input: z.output<(typeof adminInput)['audit.list']>): Promise<AdminOutputs['audit.list']> {
  const db = await ctx.deps.db();
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        input.operatorId ? eq(auditLog.operatorId, input.operatorId) : undefined,
        input.ofAction ? eq(auditLog.action, input.ofAction) : undefined,
        input.before ? lt(auditLog.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(input.limit);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: toShanghaiIso(r.at),
      operatorId: r.operatorId,
      operatorName: r.operatorName,
      role: r.role as OperatorRole,
      ...(r.departmentId && { departmentId: r.departmentId }),
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      before: r.before,
      after: r.after,
      ...(r.note && { note: r.note }),
    })),
  };
}

export function operatorView(o: { id: string; name: string; role: string; departmentId: string | null }): OperatorView {
  const role = o.role as OperatorRole;
  const dept = o.departmentId as DepartmentId | null;
  return {
    operatorId: o.id,
    name: o.name,
    role,
    roleName: ROLE_NAMES[role],
    ...(dept && { departmentId: dept, departmentName: DEPARTMENTS[dept]?.name ?? dept }),
  };
}

export async function listOperators(ctx: OperatorContext): Promise<AdminOutputs['operators.list']> {
  const db = await ctx.deps.db();
  const rows = await db.select().from(operators).orderBy(asc(operators.role), asc(operators.id));
  return { operators: rows.map((r) => ({ ...operatorView(r), wecomBound: r.wecomUserId !== null, disabled: r.disabledAt !== null })) };
}
