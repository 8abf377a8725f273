import { PROVIDERS } from '@bianmin/core';
import { billsInput } from '@bianmin/core/flows/bills/contract';
import { readBill } from '@bianmin/server/bills/bill';
import { bindHousehold, listBindings, ownBinding, setDueReminders, unbindHousehold } from '@bianmin/server/bills/bindings';
import { payBills } from '@bianmin/server/bills/pay';
import { topUp, withTopupBalances } from '@bianmin/server/bills/topup';
import { readUsage } from '@bianmin/server/bills/usage';
import { listOrders, ownOrderView } from '@bianmin/server/payments/orders';
import { defineFunction } from '@bianmin/server/runtime/define';
import type { ResidentContext } from '@bianmin/server/runtime/types';
import type { UtilityKind } from '@bianmin/core';

const KIND_OF = { water: 'water', power: 'electricity', gas: 'gas' } as const;

async function showOrder(ctx: ResidentContext, { orderId }: { orderId: string }) {
  const order = await ownOrderView(await ctx.deps.db(), ctx.caller.openid, orderId, ['utility', 'prepaid_topup']);
  return { order: await withTopupBalances(ctx, order) };
}

async function listBillOrders(ctx: ResidentContext, { show }: { show: 'paid' | 'all' }) {
  return { orders: await listOrders(await ctx.deps.db(), ctx.caller.openid, show) };
}

/** Water, electricity and gas: bind a household, see what is owed, pay exactly once. */
export const billsFunction = defineFunction('bills', billsInput, {
  subjects: { binding: { from: 'bindingId', load: ownBinding } },
  actions: {
    providers: { auth: 'public', run: async () => ({ providers: [...PROVIDERS] }) },
    bind: { service: (input) => `bills.${KIND_OF[input.providerId]}.query`, run: bindHousehold },
    bindings: { run: listBindings },
    unbind: { subject: 'binding', run: unbindHousehold },
    bill: { subject: 'binding', service: (_, { binding }) => `bills.${binding.kind as UtilityKind}.query`, servesStale: true, run: readBill },
    usage: { subject: 'binding', service: (_, { binding }) => `bills.${binding.kind as UtilityKind}.query`, servesStale: true, run: readUsage },
    pay: { subject: 'binding', service: (_, { binding }) => `bills.${binding.kind as UtilityKind}.pay`, run: payBills },
    topup: { subject: 'binding', service: (_, { binding }) => `bills.${binding.kind as UtilityKind}.pay`, run: topUp },
    order: { run: showOrder },
    orders: { run: listBillOrders },
    dueReminders: { subject: 'binding', run: setDueReminders },
  },
});
