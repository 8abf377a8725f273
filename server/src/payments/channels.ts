import type { PaymentParams } from '@bianmin/core';
import type { Deps } from '../runtime/types';
import type { OrderRow } from './orders';
import type { PaymentProvider } from './provider';

/**
 * The channel that holds an order's money, chosen by its payable kind's declared channel: the
 * machinery (booking, outbox, expiry, refunds) is one, and only the calls to the channel differ.
 */
export function channelFor(deps: Pick<Deps, 'payables' | 'payments' | 'nontax'>, kind: string): PaymentProvider {
  const channel = deps.payables.of(kind).channel;
  if (channel === 'cloudpay') return deps.payments;
  // A wiring fault, never a resident's: the order stays as it is and the job logs it.
  if (!deps.nontax) throw new Error(`payable kind ${kind} pays through the nontax channel, which is not wired in this function`);
  return deps.nontax;
}

/** The channel's own order id saved with the payment parameters (非税's order_id), if any. */
export function channelOrderIdOf(order: Pick<OrderRow, 'payment'>): string | undefined {
  const p = order.payment as PaymentParams | null;
  return p && typeof p.channelOrderId === 'string' ? p.channelOrderId : undefined;
}

/** The variables a function that places, expires or refunds 非税 orders cannot work without. */
export const NONTAX_ENV = { required: ['MP_APPID', 'MP_APPSECRET', 'NONTAX_DEPARTMENT_CODE', 'NONTAX_DEPARTMENT_NAME', 'NONTAX_REGION_CODE'], optional: ['NONTAX_BANK_ID', 'WECHAT_API_URL'] } as const;
