import { createHash, createHmac } from 'node:crypto';
import { type AccountAuditEntry, AppError, toShanghaiIso } from '@bianmin/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { accountAudit } from '../db/schema';
import type { ResidentContext } from '../runtime/types';

/**
 * The account audit's subject for a resident: HMAC-SHA256 of the openid under ACCOUNT_AUDIT_KEY. The
 * entry must outlive the openid it is about (a deletion erases the openid everywhere else), and a
 * plain hash of an openid would let anyone holding a list of openids find them: a keyed one does not.
 */
export function auditSubject(key: string, openid: string): string {
  return createHmac('sha256', key).update(`account-audit:v1:${openid}`).digest('hex');
}

/** The key, or INTERNAL with the variable named in the log (a deployment without it must not run half a deletion). */
export function auditKeyOf(ctx: ResidentContext): string {
  const key = ctx.deps.accountAuditKey;
  if (!key || key.length < 32) {
    ctx.log.error('the account audit is not configured (ACCOUNT_AUDIT_KEY)');
    throw new AppError('INTERNAL', '暂时无法处理你的数据请求，请稍后再试。');
  }
  return key;
}

/** A confirmation token's stored form: its SHA-256 (the token itself is random, 256 bits). */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export type AuditDetail = Record<string, { erased?: number; kept?: number; rows?: number }>;

const SUMMARY: Record<AccountAuditEntry['event'], (d: AuditDetail) => string> = {
  export: (d) => `查看或导出了全部数据（${total(d, 'rows')} 条记录）`,
  delete_requested: () => '查看了删除说明',
  deleted: (d) => `删除了 ${total(d, 'erased')} 条记录${total(d, 'kept') ? `，保留 ${total(d, 'kept')} 条依法需保存的记录（不含 openid）` : ''}`,
};

function total(d: AuditDetail, k: 'rows' | 'erased' | 'kept'): number {
  return Object.values(d).reduce((s, x) => s + (x[k] ?? 0), 0);
}

/** The resident's account audit, oldest first, as they see it. */
export async function auditOf(db: Db, subject: string): Promise<AccountAuditEntry[]> {
  const rows = await db.select().from(accountAudit).where(eq(accountAudit.subject, subject)).orderBy(asc(accountAudit.id));
  return rows.map((r) => {
    const event = r.event as AccountAuditEntry['event'];
    return { at: toShanghaiIso(r.at), event, summary: SUMMARY[event](r.detail as AuditDetail) };
  });
}
