import type { Contract, ContractActions, DepartmentId, FamilyScope } from '@bianmin/core';
// Residents read validation messages: zod's wording is Chinese wherever a function parses input.
import '@bianmin/core/zod-locale';
import type { z } from 'zod';
import type { Action, DispatchableAction, Subjects } from './actions';
import type { PayableKind } from '../payments/kinds';
import type { WireExtra } from './cloudbase';
import type { Job } from './jobs';
import type { Handler } from './functions';

type Outputs<C extends Contract> = NonNullable<C['outputs']>;
type InputOf<C extends Contract, A extends ContractActions<C>> = z.output<C['inputs'][A] & z.ZodType>;

export type FlowActions<C extends Contract, S extends Subjects> = { [A in ContractActions<C>]: Action<InputOf<C, A>, Outputs<C>[A], S> };

/** What a flow's function needs of its deployment beyond what the flow already says (departments, payables). */
export interface FlowDeployment {
  /** Cloud calls (云调用) its actions make, besides WeChat Pay's (declared by having payables). */
  openapi?: readonly string[];
  /** Variables it reads besides the database's, the departments' and WeChat Pay's. */
  env?: { required?: readonly string[]; optional?: readonly string[] };
  /** The file bytes it may hold at once (uploads it reads): its memory is sized for them. */
  peakFileBytes?: number;
}

/** A function WeChat's message push (消息推送) invokes, owned by a flow. */
export interface Receiver {
  /** The function's name, as configured in the console. */
  name: string;
  purpose: string;
  departments: readonly DepartmentId[];
  worstCaseMs(departmentTimeoutMs: number): number;
  /** WeChat's message as JSON; throwing asks WeChat to push again. */
  handle: Extract<Handler, { kind: 'push' }>['handle'];
}

export interface FlowDeclaration<C extends Contract, S extends Subjects> {
  contract: C;
  /** One line: what the flow's function is for (the dry run prints it). */
  purpose: string;
  /** The caller's own things its actions name by id, loaded once per call before the guard. */
  subjects?: S;
  /** Every action of the contract: a command `(ctx, input) → output`, the service that guards it. */
  actions: FlowActions<C, S>;
  /**
   * The worst case of its slowest action, ms, for a department timeout of `departmentTimeoutMs`:
   * the function's timeout is derived from it (runtime/budgets.ts has the figures).
   */
  budget(departmentTimeoutMs: number): number;
  /**
   * The payable kinds it sells, exported as `<flow>Payables` by flows/<flow>/payables.ts (the
   * build wires them from there): they make it a WeChat Pay caller, and payments serve them.
   */
  payables?: readonly PayableKind[];
  /** Its actions read orders of every payable kind (我的订单): its function is wired with all of them. */
  everyPayable?: boolean;
  /** Its timer jobs (flows/<flow>/jobs.ts): one worker function `<flow>Worker` runs them. */
  jobs?: readonly Job[];
  /** Message-push receivers it owns (flows/<flow>/receivers.ts). */
  receivers?: readonly Receiver[];
  deployment?: FlowDeployment;
  /**
   * The family scope (亲友代办) under which a helper may call this flow's resident actions for a
   * relative, passing `actingFor` (an action opts out with `family: false`). Absent: no helper
   * may act here at all. Its name is the flow's own (the client carries `actingFor` by it).
   */
  family?: FamilyScope;
  /** What only this flow's function wires (insurance: the FaceID client): only its bundle carries it. */
  wire?: WireExtra;
}

/** A declared flow: its declaration, and what dispatch reads (name, schemas, actions, subjects). */
export interface Flow<C extends Contract = Contract> {
  name: C['name'];
  contract: C;
  purpose: string;
  departments: readonly DepartmentId[];
  subjects: Subjects;
  actions: Record<string, DispatchableAction>;
  schemas: Record<string, z.ZodType>;
  budget(departmentTimeoutMs: number): number;
  payables: readonly PayableKind[];
  everyPayable: boolean;
  jobs: readonly Job[];
  receivers: readonly Receiver[];
  deployment: FlowDeployment;
  family?: FamilyScope;
  wire?: WireExtra;
}

/**
 * One flow, one declaration: its contract, the actions and their guards, the subjects they load,
 * its payable kinds, jobs and receivers, its budget and what its deployment needs. Everything
 * else — the cloud functions and their entries, the deployment files, the local stack's
 * functions, loops and levers, the budgets, the attack matrix — is derived from the list of
 * these (flows/index.ts). The function carries its own contract's schemas and no other's.
 */
export function defineFlow<C extends Contract, S extends Subjects = Record<never, never>>(d: FlowDeclaration<C, S>): Flow<C> {
  return {
    name: d.contract.name,
    contract: d.contract,
    purpose: d.purpose,
    departments: d.contract.departments,
    subjects: d.subjects ?? {},
    actions: d.actions as unknown as Record<string, DispatchableAction>,
    schemas: d.contract.inputs,
    budget: d.budget,
    payables: d.payables ?? [],
    everyPayable: d.everyPayable ?? false,
    jobs: d.jobs ?? [],
    receivers: d.receivers ?? [],
    deployment: d.deployment ?? {},
    family: d.family,
    wire: d.wire,
  };
}
