import type { AdminAction, AdminOutputs, adminInput } from '@bianmin/core/admin/contract';
import '@bianmin/core/zod-locale';
import type { z } from 'zod';
import type { WireExtra } from '../runtime/cloudbase';
import type { OperatorContext, SignInContext } from './types';

/**
 * Who may call an admin action:
 * - 'public'  — nobody is signed in yet (sign-in itself);
 * - 'read'    — every operator (department operators see their own department's work);
 * - 'write'   — city administrators and department operators (for their own department);
 * - 'audit'   — city administrators and auditors (the audit log, the operator list).
 */
export type AdminAccess = 'public' | 'read' | 'write' | 'audit';

type Input<A extends AdminAction> = z.output<(typeof adminInput)[A]>;

export type AdminHandler<A extends AdminAction> =
  | { access: 'public'; run(ctx: SignInContext, input: Input<A>): Promise<AdminOutputs[A]> }
  | { access: Exclude<AdminAccess, 'public'>; run(ctx: OperatorContext, input: Input<A>): Promise<AdminOutputs[A]> };

export type AdminHandlers = { [A in AdminAction]: AdminHandler<A> };

export interface AdminDefinition {
  name: 'admin';
  actions: AdminHandlers;
  schemas: Record<string, z.ZodType>;
  /** What only the admin function wires (WeChat Work sign-in): only its bundle carries it. */
  wire?: WireExtra;
}

export function defineAdmin(schemas: typeof adminInput, actions: AdminHandlers, wire?: WireExtra): AdminDefinition {
  return { name: 'admin', actions, schemas: schemas as unknown as Record<string, z.ZodType>, wire };
}
