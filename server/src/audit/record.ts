import type { Db } from '../db/open';
import { auditLog } from '../db/schema';
import type { OperatorContext } from '../admin/types';

export interface AuditEntry {
  /** The admin action, e.g. 'notices.publish'. */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

/**
 * Writes who did what, when, and the subject before and after — in the transaction of the change
 * itself, so a change without its entry (or an entry without its change) cannot be committed.
 */
export async function recordAudit(tx: Db, ctx: OperatorContext, e: AuditEntry): Promise<void> {
  const op = ctx.operator;
  await tx.insert(auditLog).values({
    at: ctx.clock.now(),
    operatorId: op.id,
    operatorName: op.name,
    role: op.role,
    departmentId: op.departmentId,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    before: e.before ?? null,
    after: e.after ?? null,
    note: e.note || null,
  });
}
