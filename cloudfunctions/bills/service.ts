import { PROVIDERS } from '@bianmin/core';
import { billFor } from '@bianmin/server/bills/bill';
import { bind, callerBinding, listBindings, setDueReminders, unbind } from '@bianmin/server/bills/bindings';
import { payBill } from '@bianmin/server/bills/pay';
import { topUp, withTopupBalances } from '@bianmin/server/bills/topup';
import { usageFor } from '@bianmin/server/bills/usage';
import { listOrders, ownOrderView } from '@bianmin/server/payments/orders';
import { billsInput } from '@bianmin/core/schemas/bills';
import { defineFunction } from '@bianmin/server/runtime/define';
import type { CallContext } from '@bianmin/server/runtime/types';

const KIND_OF = { water: 'water', power: 'electricity', gas: 'gas' } as const;

/** `bills.<kind>.<query|pay>` for a binding: the resident's own, looked up before the guard decides. */
const serviceOf = (action: 'query' | 'pay') => async (input: { bindingId: string }, ctx: CallContext) => {
  const b = await callerBinding(ctx, input.bindingId);
  return `bills.${b.kind}.${action}`;
};

/** Water, electricity and gas: bind a household, see what is owed, pay exactly once. */
export const billsFunction = defineFunction('bills', billsInput, {
  providers: {
    auth: 'public',
    run: async () => ({ providers: [...PROVIDERS] }),
  },
  bind: {
    service: (input) => `bills.${KIND_OF[input.providerId]}.query`,
    run: async (input, ctx) => ({ binding: await bind(ctx, input) }),
  },
  bindings: {
    run: async (_input, ctx) => ({ bindings: await listBindings(await ctx.deps.db(), ctx.caller!.openid) }),
  },
  unbind: {
    run: async ({ bindingId }, ctx) => {
      await unbind(ctx, bindingId);
      return { unbound: true as const };
    },
  },
  bill: {
    service: serviceOf('query'),
    servesStale: true,
    run: ({ bindingId }, ctx) => billFor(ctx, bindingId),
  },
  usage: {
    service: serviceOf('query'),
    servesStale: true,
    run: ({ bindingId }, ctx) => usageFor(ctx, bindingId),
  },
  pay: {
    service: serviceOf('pay'),
    run: (input, ctx) => payBill(ctx, input),
  },
  topup: {
    service: serviceOf('pay'),
    run: (input, ctx) => topUp(ctx, input),
  },
  order: {
    run: async ({ orderId }, ctx) => {
      const order = await ownOrderView(await ctx.deps.db(), ctx.caller!.openid, orderId, ['utility', 'prepaid_topup']);
      return { order: await withTopupBalances(ctx, order) };
    },
  },
  orders: {
    run: async ({ show }, ctx) => ({ orders: await listOrders(await ctx.deps.db(), ctx.caller!.openid, show) }),
  },
  dueReminders: {
    run: async (input, ctx) => ({ binding: await setDueReminders(ctx, input) }),
  },
});
