import type { UtilityKind } from '@bianmin/core';
import { defineFlow, pathsOf, withQuery } from '../flows/define';

/** Water, electricity and gas: households, add one, a bill and paying it, the receipt, 我的订单. */
export const billsFlow = defineFlow({
  root: 'bills',
  title: '水费、电费、燃气费：我的户号、添加户号、账单与缴费、缴费结果、我的订单',
  pages: {
    households: 'pages/households/index',
    bind: 'pages/bind/index',
    bill: 'pages/bill/index',
    result: 'pages/result/index',
    orders: 'pages/orders/index',
  },
  services: {
    'bills.water.query': 'households',
    'bills.water.pay': 'households',
    'bills.electricity.query': 'households',
    'bills.electricity.pay': 'households',
    'bills.gas.query': 'households',
    'bills.gas.pay': 'households',
  },
});

export const PATHS = pathsOf(billsFlow);

export function householdsUrl(kind?: UtilityKind | null): string {
  return withQuery(PATHS.households, { kind });
}

export function bindUrl(kind?: UtilityKind | null): string {
  return withQuery(PATHS.bind, { kind });
}

export function billUrl(bindingId: string, kind?: UtilityKind, opts: { bound?: boolean } = {}): string {
  return withQuery(PATHS.bill, { bindingId, kind, bound: opts.bound ? 1 : undefined });
}

/** `justPaid`: the resident has just paid, so a still-pending order means "confirming", not "unpaid". */
export function resultUrl(orderId: string, justPaid = false): string {
  return withQuery(PATHS.result, { orderId, paid: justPaid ? 1 : undefined });
}
