import { z } from 'zod';
import { defineContract } from '../../contract';
import { orderHistory, orderId } from '../../payments/contract';
import type { OrderView } from '../bills/contract';
import type { TrafficOrderView } from '../traffic/contract';
import type { FamilyPaymentNote } from '../me/family';

export const paymentsInput = {
  /** 我的订单: every order of the resident's, of every payable kind, newest first. */
  orders: z.object({ show: orderHistory }),
  /** One of the resident's own orders, whatever it paid for; another resident's id is NOT_FOUND. */
  order: z.object({ orderId }),
};

/**
 * One order as 我的订单 and the receipts show it, tagged with the flow whose receipt page
 * presents it (the bills subpackage's result page, the traffic subpackage's receipt). `family`:
 * paid by a relative for this resident (由 儿子 代缴), or by this resident for a relative (为 妈妈 代缴).
 */
export type OrderListEntry = ({ flow: 'bills'; order: OrderView } | { flow: 'traffic'; order: TrafficOrderView }) & { family?: FamilyPaymentNote };

/** What each action answers. */
export interface PaymentsOutputs {
  orders: { orders: OrderListEntry[] };
  order: { order: OrderListEntry };
}

/**
 * The resident's orders of every payable kind, read from our own records: one function answers
 * 我的订单 and opens any receipt. The grid is asked only for a settled top-up's meter balances.
 */
export const paymentsContract = defineContract<PaymentsOutputs>()({
  name: 'payments',
  inputs: paymentsInput,
  services: [],
  departments: ['power'],
});
