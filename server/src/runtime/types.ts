import type { Clock } from '@bianmin/core';
import type { HolidayCalendar } from '@bianmin/core/availability/index';
import type { ContentCheck } from '../content/port';
import type { Db } from '../db/open';
import type { ActingFor } from '../family/links';
import type { DepartmentClients } from '../departments/index';
import type { RealNameDeps } from '../faceid/port';
import type { Logger } from '../log';
import type { Notifier } from '../notify/notifier';
import type { PayableKinds } from '../payments/kinds';
import type { AvailabilityOverrides } from '../notices/overrides';
import type { WeComSignIn } from '../admin/wecom';
import type { PaymentProvider } from '../payments/provider';
import type { Storage } from '../storage/index';
import type { TencentCloudConfig } from '../tencentcloud/config';

/** Who is calling: read once in the entry (getWXContext on CloudBase, a header locally). */
export interface Caller {
  openid: string;
  appid?: string;
  unionid?: string;
  /** e.g. 'wx_client', 'wx_paycallback', 'dev_gateway' */
  source: string;
}

/** What every function's domain code may use. Wired by the CloudBase entry or the local stack. */
export interface Deps {
  /** The store, opened on first use: an action that needs none pays nothing for it at cold start. */
  db(): Promise<Db>;
  log: Logger;
  /** One client per department, shared by every call in the process (cache, breaker, coalescing). */
  departments: DepartmentClients;
  calendar: HolidayCalendar;
  notifier: Notifier;
  payments: PaymentProvider;
  /**
   * WeChat's 非税缴费 (the treasury's channel), for the payable kinds that declare `channel:
   * 'nontax'`; `payments` above is the cloudpay channel. Absent where no such kind is served.
   */
  nontax?: PaymentProvider;
  /**
   * The payable kinds this function serves (their posting, words, views, receipt pages), wired
   * from the flows that declare them: payments asks these and imports no flow.
   */
  payables: PayableKinds;
  /** Files residents uploaded (photos, video), read by file id and owner. */
  storage: Storage;
  /** Keys and endpoint for the Tencent Cloud API clients (OCR, FaceID); undefined when not configured. */
  tencentCloud?: TencentCloudConfig;
  /** Face verification and the ID-number hash key: wired only where a function needs them (insurance). */
  realName?: RealNameDeps;
  /** The account audit's HMAC key (ACCOUNT_AUDIT_KEY): wired only where the me function runs. */
  accountAuditKey?: string;
  /** WeChat's content safety check for what residents write for others to read (complaints). */
  contentCheck: ContentCheck;
  /** Operators' notices and schedule versions over the catalogue (absent: the catalogue alone). */
  overrides?: AvailabilityOverrides;
  /** WeChat Work sign-in for operators: wired where the admin function runs. */
  wecom?: WeComSignIn;
}

export interface CallContext {
  /**
   * Null only for a public action: dispatch refuses every other action without a caller. When a
   * helper acts for a relative (`actingFor`), this is the relative (the holder): their subjects
   * load, their data answers; the helper is in `actingFor`.
   */
  caller: Caller | null;
  /** Set by dispatch when the call is a helper's for a relative (亲友代办), after the link and its scope were checked. */
  actingFor?: ActingFor;
  clock: Clock;
  deps: Deps;
  /** The call's logger (its lines carry the requestId). */
  log: Logger;
  requestId: string;
  /**
   * The process logger, for the runtime's one line per call (with the requestId as a field): a
   * child logger made per call cost more than that line (npm run bench). See callContext().
   */
  runtimeLog?: Logger;
}

/**
 * The context of a resident's action. Dispatch refuses a call without a caller before any
 * resident action runs, so the type says what the runtime guarantees: `caller` is there.
 */
export interface ResidentContext extends CallContext {
  caller: Caller;
}

/**
 * A call's context whose `log` child is made only when a handler first writes: most calls write
 * nothing but the runtime's own line, which goes to the process logger.
 */
export function callContext(fields: Omit<CallContext, 'log' | 'runtimeLog'>, log: Logger): CallContext {
  let child: Logger | undefined;
  return {
    ...fields,
    runtimeLog: log,
    get log() {
      return (child ??= log.child({ requestId: fields.requestId }));
    },
  };
}
