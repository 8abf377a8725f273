import { z } from 'zod';
import { defineContract } from '../../contract';
import { accountNoProblem, type Provider, PROVIDER_IDS, PROVIDERS, providerById, type ProviderId, UTILITY_KINDS, type UtilityKind } from '../../providers';
import type { OrderStatus, PaymentParams, RefundView } from '../../orders';
import { idempotencyKey } from '../../payments/contract';
import { TOPUP_MAX } from '../../topup-limits';
import { text } from '../../text';

export { TOPUP_MAX };

const uuid = (what: string) => z.string({ error: `请提供${what}` }).uuid(`${what}格式不正确`);

export const billsInput = {
  providers: z.object({}),
  bind: z
    .object({
      providerId: z.enum(PROVIDERS.map((p) => p.id) as [ProviderId, ...ProviderId[]], { error: '请选择缴费单位' }),
      accountNo: text({ label: '户号', max: 32 }).transform((s) => s.toUpperCase().replace(/\s+/g, '')),
      /**
       * The account holder's full name as the department has it: the proof that the resident
       * knows the household, checked by the department before anything about it is shown.
       */
      holderName: text({ label: '户主姓名', max: 40 }),
      label: text({ label: '备注名', max: 12, min: 0 }).optional(),
    })
    .superRefine((v, ctx) => {
      const p = providerById(v.providerId);
      const problem = p && accountNoProblem(p, v.accountNo);
      if (problem) ctx.addIssue({ code: 'custom', path: ['accountNo'], message: problem });
    }),
  bindings: z.object({}),
  unbind: z.object({ bindingId: uuid('户号绑定编号 bindingId') }),
  bill: z.object({ bindingId: uuid('户号绑定编号 bindingId') }),
  /**
   * One bill (`billId`) or several in one order (`billIds`, e.g. everything owed): one payment,
   * one department posting per bill.
   */
  pay: z
    .object({
      bindingId: uuid('户号绑定编号 bindingId'),
      billId: text({ label: '账单编号 billId', max: 64 }).optional(),
      billIds: z
        .array(text({ label: '账单编号 billIds', max: 64 }), { error: 'billIds 应为账单编号列表' })
        .min(1, '请至少选择一期账单')
        .max(24, '一次最多缴纳 24 期账单')
        .refine((ids) => new Set(ids).size === ids.length, '同一期账单不能重复选择')
        .optional(),
      idempotencyKey,
    })
    .superRefine((v, ctx) => {
      if ((v.billId === undefined) === (v.billIds === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['billIds'], message: '请选择要缴纳的账单（billId 或 billIds 二选一）' });
      }
    }),
  /** The household's due-date and overdue reminders on or off (on unless the resident turned them off). */
  dueReminders: z.object({
    bindingId: uuid('户号绑定编号 bindingId'),
    on: z.boolean({ error: 'on 应为 true（开启到期提醒）或 false（关闭）' }),
  }),
  /**
   * A prepay electricity meter's top-up of `amount` fen. The department's minimum and step are
   * checked on the server against the department's own figures (they are theirs to change).
   */
  topup: z.object({
    bindingId: uuid('户号绑定编号 bindingId'),
    amount: z
      .number({ error: '请填写预存金额 amount（单位：分）' })
      .int('预存金额 amount 应为整数分')
      .positive('预存金额 amount 应大于 0')
      .max(TOPUP_MAX, `单次预存最多 ¥${TOPUP_MAX / 100}`),
    idempotencyKey,
  }),
  /** The household's last 12 months of usage and amounts (the bill page's chart). */
  usage: z.object({ bindingId: uuid('户号绑定编号 bindingId') }),
};

export interface BindingView {
  bindingId: string;
  providerId: ProviderId;
  providerName: string;
  kind: UtilityKind;
  /** Masked for display: ******6789 */
  accountNoMasked: string;
  label: string | null;
  /** Masked by the department: 张*明 */
  holderName: string;
  address: string;
  createdAt: string;
  /** Due-date and overdue reminders for this household (the resident's switch). */
  dueReminders: boolean;
}

export interface BillLine {
  name: string;
  quantity: number;
  unit: string;
  /** Fen per unit. */
  unitPrice: number;
  /** Fen. */
  amount: number;
}

export interface BillView {
  billId: string;
  period: string;
  usage: { value: number; unit: string };
  lines: BillLine[];
  /** The bill itself, fen. */
  amount: number;
  /** Late fee as of now, fen (0.1% a day after the due date). */
  lateFee: number;
  overdueDays: number;
  /** What paying it now costs: amount + lateFee, fen. */
  amountDue: number;
  /** What paying it tomorrow costs (the late fee grows each day after the due date), fen. */
  amountTomorrow: number;
  dueDate: string;
  /** 'pending': a payment of ours for it is under way. */
  status: 'unpaid' | 'pending' | 'paid';
  /** The live order for it, when there is one. */
  orderId?: string;
}

export interface BillResult {
  binding: BindingView;
  /** The most recent bill (paid or not), or null when the department has none yet. */
  bill: BillView | null;
  /** Every bill still owed, oldest first; its total is what the household owes. */
  arrears: { bills: BillView[]; total: number };
  /** Prepaid electricity meters carry a balance, fen. */
  prepaidBalance?: number;
  /** A prepay meter's top-up rules, the department's own (fen): at least `minimum`, in whole `step`s. */
  topup?: { minimum: number; step: number };
  fetchedAt: string;
  /** True when the department could not be reached and this is the last answer we had. */
  stale: boolean;
  ageSeconds: number;
}

export interface OrderView {
  orderId: string;
  billId: string;
  bindingId: string | null;
  kind: UtilityKind;
  providerName: string;
  accountNoMasked: string;
  period: string;
  amount: number;
  lateFee: number;
  status: OrderStatus;
  createdAt: string;
  paidAt?: string;
  settledAt?: string;
  closedAt?: string;
  refundedAt?: string;
  refund?: RefundView;
  expiresAt: string;
  /** The department's receipt number once settled. */
  departmentRef?: string;
  transactionId?: string;
  /** What the order pays for, one line per bill, oldest first (one line for a single bill or fine). */
  lines: OrderLineView[];
  /** Present for a prepay meter's top-up (its one line is the top-up, not a bill). */
  purpose?: 'topup';
  /** A settled top-up as the department booked it: the meter's balance before and after, fen. */
  topup?: { balanceBefore: number; balanceAfter: number };
}

export interface OrderLineView {
  billId: string;
  period: string;
  /** Fen, late fee included. */
  amount: number;
  lateFee: number;
  /** The department's receipt number for this bill once posted. */
  departmentRef?: string;
}

export interface PayResult {
  order: OrderView;
  /** Null once the order is no longer pending (already paid, settled or closed). */
  payment: PaymentParams | null;
}

export interface UsageMonth {
  /** '2026-02' */
  period: string;
  usage: number;
  /** The month's bill, fen. */
  amount: number;
}

export interface UsageResult {
  /** As the department bills it: 'kWh', 'm³'. */
  unit: string;
  /** The last 12 months, oldest first. */
  months: UsageMonth[];
  /**
   * Where the price steps nearest the latest month: the upper bound of the tier its usage fell
   * in (the price rises above it), or for the top tier its lower bound. Null when not tiered.
   */
  threshold: { value: number; tierName: string; bound: 'upTo' | 'from' } | null;
  fetchedAt: string;
  stale: boolean;
  ageSeconds: number;
}

/** What each action answers. */
export interface BillsOutputs {
  providers: { providers: Provider[] };
  bind: { binding: BindingView };
  bindings: { bindings: BindingView[] };
  unbind: { unbound: true };
  bill: BillResult;
  pay: PayResult;
  dueReminders: { binding: BindingView };
  usage: UsageResult;
  topup: PayResult;
}

/** A utility's two catalogue services: reading its bills, and paying them (top-ups included). */
export type BillsServiceId = `bills.${UtilityKind}.${'query' | 'pay'}`;
export const billsServiceId = (kind: UtilityKind, what: 'query' | 'pay'): BillsServiceId => `bills.${kind}.${what}`;

/** Water, electricity and gas: bind a household, see what is owed, pay exactly once. */
export const billsContract = defineContract<BillsOutputs>()({
  name: 'bills',
  inputs: billsInput,
  services: UTILITY_KINDS.flatMap((k) => [billsServiceId(k, 'query'), billsServiceId(k, 'pay')]),
  departments: PROVIDER_IDS,
});
