import type { ServiceId } from '@bianmin/core';
import type { Db } from '../db/open';
import type { CallContext, ResidentContext } from './types';

/**
 * Something of the caller's own that an action names by id (a household binding, a vehicle, a
 * ticket). The runtime loads it once per call, after validation and before the availability
 * guard, and hands it to both the guard and the command on the context: a command never looks
 * its subject up again, and another resident's id is NOT_FOUND before anything else is said.
 */
export interface Subject<Row = unknown> {
  /** The input field that holds the subject's id. */
  from: string;
  /** The caller's own row. Another resident's id, a removed row and an unknown id answer the same NOT_FOUND. */
  load(db: Db, openid: string, id: string): Promise<Row>;
}

export type Subjects = Record<string, Subject>;
export type SubjectRow<S> = S extends Subject<infer R> ? R : never;

/** A resident's context with the action's subject loaded under its name (`ctx.binding`). */
export type WithSubject<S extends Subjects, K extends keyof S> = ResidentContext & { readonly [P in K]: SubjectRow<S[P]> };

/**
 * The catalogue service an action touches (`bills.electricity.pay`): the runtime refuses the call
 * outside the service's hours before the command runs — so before any department is called or
 * anything is written. A function of the input and the context (its subject) when it depends on them.
 */
export type ServiceOf<I, C> = ServiceId | ((input: I, ctx: C) => ServiceId);

// Property signatures, not methods: a command that needs a subject must not fit an action that
// declares none (methods would be compared bivariantly and let it through).
interface ActionBody<I, O, C> {
  service?: ServiceOf<I, C>;
  /**
   * A read that can answer from its last known data (marked stale) goes ahead while the
   * department is down; hours, holidays and maintenance still refuse it.
   */
  servesStale?: boolean;
  /** The command: `(ctx, input) → output`, named as a verb. */
  run: (ctx: C, input: I) => Promise<O>;
  /**
   * `false`: no helper may do this for a relative even within the flow's family scope (revealing
   * an identity, managing the family circle itself).
   */
  family?: false;
  /** What the holder's list says a helper did (查看账单, 发起缴纳水费 ¥86.40); by default 办理 and the scope's name. */
  familyWhat?: string | ((input: I, output: O) => string);
}

/**
 * One action of a function. `auth: 'public'` runs without a caller (a plain CallContext); every
 * other action is a resident's (the default), and its command receives a ResidentContext — with
 * its subject loaded when it declares one.
 */
export type Action<I, O, S extends Subjects = Subjects> =
  | (ActionBody<I, O, CallContext> & { auth: 'public'; subject?: undefined })
  | (ActionBody<I, O, ResidentContext> & { auth?: 'resident'; subject?: undefined })
  | { [K in keyof S & string]: ActionBody<I, O, WithSubject<S, K>> & { auth?: 'resident'; subject: K } }[keyof S & string];

/** What dispatch reads of an action, whatever its types. */
export interface DispatchableAction {
  auth?: 'resident' | 'public';
  subject?: string;
  service?: string | ((input: never, ctx: never) => string);
  servesStale?: boolean;
  run: (ctx: never, input: never) => Promise<unknown>;
  family?: false;
  familyWhat?: string | ((input: never, output: never) => string);
}
