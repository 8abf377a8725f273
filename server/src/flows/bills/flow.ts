import { billsContract, billsServiceId, type ProviderId, PROVIDERS, type UtilityKind } from '@bianmin/core';
import { listOrders, ownOrderView } from '../../payments/orders';
import { DATABASE_ALLOWANCE_MS, departmentCallMs, HEALTH_PROBE_MS, IN_CALL_EXPIRY_MS, PAY_CALL_TIMEOUT_MS } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import type { ResidentContext } from '../../runtime/types';
import { readBill } from './bill';
import { bindHousehold, listBindings, ownBinding, setDueReminders, unbindHousehold } from './bindings';
import { billsJobs } from './jobs';
import { payBills } from './pay';
import { topUp, withTopupBalances } from './topup';
import { readUsage } from './usage';

const kindOf = (providerId: ProviderId): UtilityKind => PROVIDERS.find((p) => p.id === providerId)!.kind;

async function showOrder(ctx: ResidentContext, { orderId }: { orderId: string }) {
  const order = await ownOrderView(await ctx.deps.db(), ctx.caller.openid, orderId, ['utility', 'prepaid_topup']);
  return { order: await withTopupBalances(ctx, order) };
}

async function listBillOrders(ctx: ResidentContext, { show }: { show: 'paid' | 'all' }) {
  return { orders: await listOrders(await ctx.deps.db(), ctx.caller.openid, show) };
}

/** Water, electricity and gas: bind a household, see what is owed, pay exactly once. */
export const billsFlow = defineFlow({
  contract: billsContract,
  purpose: 'utility households, bills, payments and prepaid top-ups',
  subjects: { binding: { from: 'bindingId', load: ownBinding } },
  actions: {
    providers: { auth: 'public', run: async () => ({ providers: [...PROVIDERS] }) },
    bind: { service: (input) => billsServiceId(kindOf(input.providerId), 'query'), run: bindHousehold },
    bindings: { run: listBindings },
    unbind: { subject: 'binding', run: unbindHousehold },
    bill: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'query'), servesStale: true, run: readBill },
    usage: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'query'), servesStale: true, run: readUsage },
    pay: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'pay'), run: payBills },
    topup: { subject: 'binding', service: (_, { binding }) => billsServiceId(binding.kind as UtilityKind, 'pay'), run: topUp },
    order: { run: showOrder },
    orders: { run: listBillOrders },
    dueReminders: { subject: 'binding', run: setDueReminders },
  },
  // pay: availability probe, the bills read fresh, the resident's superseded pending order expired
  // with WeChat Pay (one, see IN_CALL_EXPIRY_MS), unifiedOrder.
  budget: (t) => HEALTH_PROBE_MS + departmentCallMs(t) + IN_CALL_EXPIRY_MS + PAY_CALL_TIMEOUT_MS + DATABASE_ALLOWANCE_MS,
  payables: ['utility', 'prepaid_topup'],
  jobs: billsJobs,
});
