import type { Clock, DepartmentId } from '@bianmin/core';
import type { OperatorRole } from '@bianmin/core/admin/contract';
import type { operators } from '../db/schema';
import type { Logger } from '../log';
import type { Deps } from '../runtime/types';

export type OperatorRow = typeof operators.$inferSelect;

/** A signed-in operator, as the admin runtime guarantees it to every action but sign-in. */
export interface Operator {
  id: string;
  name: string;
  role: OperatorRole;
  departmentId: DepartmentId | null;
  /** When the session ends. */
  sessionExpiresAt: Date;
  /** The session's token hash: signOut revokes it. */
  sessionHash: string;
}

/** What an operator's action gets: the operator is present (the runtime refused the call otherwise). */
export interface OperatorContext {
  operator: Operator;
  clock: Clock;
  deps: Deps;
  log: Logger;
  requestId: string;
}

/** Sign-in's context: nobody is signed in yet. */
export type SignInContext = Omit<OperatorContext, 'operator'>;
