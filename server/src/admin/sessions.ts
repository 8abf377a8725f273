import { AppError, type DepartmentId } from '@bianmin/core';
import type { OperatorRole } from '@bianmin/core/admin/contract';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open';
import { operatorSessions, operators } from '../db/schema';
import type { Operator } from './types';

/** A working day: an operator signs in in the morning and is not asked again before evening. */
export const SESSION_TTL_MS = 10 * 60 * 60_000;

/** Only the hash is stored: a copy of the sessions table signs nobody in. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh session for an operator: the token goes to the console once and is never stored. */
export async function createSession(db: Db, operatorId: string, via: 'wecom' | 'dev', now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(operatorSessions).values({ tokenHash: tokenHash(token), operatorId, via, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** Our tokens are 43 base64url characters; anything else is not worth a query. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The operator a bearer token names: a live session (not revoked, not expired) of an operator who
 * is not disabled. Anything else is UNAUTHENTICATED, with the same words, whatever was wrong.
 */
export async function authenticate(db: () => Promise<Db>, token: string | null, now: Date): Promise<Operator> {
  const refused = () => new AppError('UNAUTHENTICATED', '请先登录运营后台（登录已过期或无效）。');
  // Without a token of our shape there is nothing to look up: refused before the database is opened.
  if (!token || !TOKEN.test(token)) throw refused();
  const hash = tokenHash(token);
  const [row] = await (await db())
    .select({ op: operators, expiresAt: operatorSessions.expiresAt })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(and(eq(operatorSessions.tokenHash, hash), isNull(operatorSessions.revokedAt), gt(operatorSessions.expiresAt, now), isNull(operators.disabledAt)));
  if (!row) throw refused();
  return {
    id: row.op.id,
    name: row.op.name,
    role: row.op.role as OperatorRole,
    departmentId: (row.op.departmentId as DepartmentId | null) ?? null,
    sessionExpiresAt: row.expiresAt,
    sessionHash: hash,
  };
}

export async function revokeSession(db: Db, hash: string, now: Date): Promise<void> {
  await db.update(operatorSessions).set({ revokedAt: now }).where(and(eq(operatorSessions.tokenHash, hash), isNull(operatorSessions.revokedAt)));
}
