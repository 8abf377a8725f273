import type { ProviderId } from '@bianmin/core';
import { z } from 'zod';
import type { DepartmentClient, Fetched } from './client';

/**
 * The utilities' API as we use it (water company, power grid, gas company speak the same shape
 * here; a real integration adapts each behind this interface). Every answer is validated: an
 * amount that is not integer fen is the department's error, never the resident's bill.
 */
const fen = z.number().int().nonnegative();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const utilityAccountSchema = z.object({
  accountNo: z.string(),
  holderName: z.string(),
  address: z.string(),
  prepaidBalance: fen.optional(),
  /** Prepay meters: the department's smallest top-up and the step above it, fen. */
  topup: z.object({ minimum: fen.min(1), step: fen.min(1) }).optional(),
});

export const utilityBillSchema = z.object({
  billId: z.string().min(1),
  accountNo: z.string(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  usage: z.number().nonnegative(),
  unit: z.string(),
  lines: z.array(z.object({ name: z.string(), quantity: z.number().nonnegative(), unit: z.string(), unitPrice: fen, amount: fen })),
  amount: fen,
  issuedOn: date,
  dueDate: date,
  status: z.enum(['unpaid', 'paid']),
  paidAt: z.string().optional(),
  paymentRef: z.string().optional(),
});

const billsSchema = z.object({ accountNo: z.string(), bills: z.array(utilityBillSchema) });

export const utilityUsageSchema = z.object({
  accountNo: z.string(),
  unit: z.string(),
  /** The price steps per month, lowest first; the last has no upper bound. */
  tiers: z.array(z.object({ name: z.string(), upTo: z.number().int().positive().nullable() })),
  /** Oldest first. */
  months: z.array(z.object({ period: z.string().regex(/^\d{4}-\d{2}$/), usage: z.number().nonnegative(), amount: fen })).max(24),
});

const topupSchema = z.object({
  orderId: z.string(),
  accountNo: z.string(),
  amount: fen,
  balanceBefore: z.number().int(),
  balanceAfter: z.number().int(),
  paymentRef: z.string(),
  duplicate: z.boolean().optional(),
});

const postedSchema = z.object({ orderId: z.string(), billId: z.string(), amount: fen, paymentRef: z.string(), duplicate: z.boolean().optional() });

export type UtilityAccount = z.infer<typeof utilityAccountSchema>;
export type UtilityBill = z.infer<typeof utilityBillSchema>;
export type UtilityUsage = z.infer<typeof utilityUsageSchema>;
export type UtilityTopup = z.infer<typeof topupSchema>;

export interface UtilityApi {
  providerId: ProviderId;
  account(accountNo: string, opts?: { fresh?: boolean }): Promise<Fetched<UtilityAccount>>;
  /**
   * The household, only if `holderName` is its holder's full name. The department answers 404
   * for an unknown account and 422 HOLDER_MISMATCH for a wrong name: the caller must not tell
   * those apart to a resident. Never cached: the name is the proof, every time.
   */
  verifyHolder(accountNo: string, holderName: string): Promise<UtilityAccount>;
  /** Newest first. `asOf` is the Shanghai date the bills are wanted for. */
  bills(accountNo: string, asOf: string, opts?: { fresh?: boolean; allowStale?: boolean }): Promise<Fetched<UtilityBill[]>>;
  /** The last 12 months' usage and amounts, oldest first, in one call; cached like the bills. */
  usage(accountNo: string, asOf: string, opts?: { fresh?: boolean; allowStale?: boolean }): Promise<Fetched<UtilityUsage>>;
  /** A prepay meter's top-up, idempotent on orderId: posting again answers the first booking. */
  postTopup(t: { orderId: string; accountNo: string; amount: number; paidAt: string }): Promise<UtilityTopup>;
  /** A booked top-up (balance before and after), cached like other reads; 404 until it is booked. */
  topup(orderId: string): Promise<Fetched<UtilityTopup>>;
  /** Idempotent on orderId: posting again answers the first posting. */
  postPayment(p: { orderId: string; accountNo: string; billId: string; amount: number; paidAt: string }, asOf: string): Promise<z.infer<typeof postedSchema>>;
}

export function utilityApi(providerId: ProviderId, client: DepartmentClient): UtilityApi {
  const enc = encodeURIComponent;
  return {
    providerId,
    account: (accountNo, opts = {}) => client.read(`/accounts/${enc(accountNo)}`, utilityAccountSchema, opts),
    verifyHolder: (accountNo, holderName) => client.write(`/accounts/${enc(accountNo)}/verify`, { holderName }, utilityAccountSchema),
    async bills(accountNo, asOf, opts = {}) {
      const r = await client.read(`/accounts/${enc(accountNo)}/bills?asOf=${enc(asOf)}`, billsSchema, opts);
      return { ...r, data: r.data.bills };
    },
    usage: (accountNo, asOf, opts = {}) => client.read(`/accounts/${enc(accountNo)}/usage?asOf=${enc(asOf)}`, utilityUsageSchema, opts),
    // The balance moved: the account's next read says so.
    postTopup: (t) => client.write('/topups', t, topupSchema, { changes: [`/accounts/${enc(t.accountNo)}`] }),
    topup: (orderId) => client.read(`/topups/${enc(orderId)}`, topupSchema),
    postPayment: (p, asOf) => client.write(`/payments?asOf=${enc(asOf)}`, p, postedSchema, { changes: [`/accounts/${enc(p.accountNo)}/bills`] }),
  };
}
