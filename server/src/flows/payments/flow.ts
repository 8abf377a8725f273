import { type OrderHistory, type OrderListEntry, paymentsContract } from '@bianmin/core';
import { familyPaymentNotes } from '../../family/links';
import { linesByOrder, linesOf, listOrderRows, ownOrder, refundsOf } from '../../payments/orders';
import { DATABASE_ALLOWANCE_MS, departmentCallMs } from '../../runtime/budgets';
import { defineFlow } from '../../runtime/flow';
import type { ResidentContext } from '../../runtime/types';

/** One of the resident's own orders, whatever it paid for, presented by its kind (a top-up's receipt adds its meter balances). */
async function showOrder(ctx: ResidentContext, { orderId }: { orderId: string }): Promise<{ order: OrderListEntry }> {
  const db = await ctx.deps.db();
  const kinds = ctx.deps.payables;
  // A relative who paid it follows it as well (亲友代办): the receipt page after their payment.
  const row = await ownOrder(db, ctx.caller.openid, orderId, kinds.all.map((k) => k.kind), { payer: true });
  const kind = kinds.of(row.kind);
  const entry = kind.view(row, (await refundsOf(db, [row.id])).get(row.id), await linesOf(db, row.id));
  const family = (await familyPaymentNotes(db, ctx.caller.openid, [row])).get(row.id);
  const shown = kind.receipt ? await kind.receipt(ctx, entry) : entry;
  return { order: family ? { ...shown, family } : shown };
}

/** 我的订单: every order of the resident's, of every kind, newest first. */
async function listOrders(ctx: ResidentContext, { show }: { show: OrderHistory }): Promise<{ orders: OrderListEntry[] }> {
  const db = await ctx.deps.db();
  const kinds = ctx.deps.payables;
  const rows = await listOrderRows(db, ctx.caller.openid, kinds.all.map((k) => k.kind), show, 100, { payer: true });
  const ids = rows.map((r) => r.id);
  const [refunds, lines, family] = await Promise.all([refundsOf(db, ids), linesByOrder(db, ids), familyPaymentNotes(db, ctx.caller.openid, rows)]);
  return {
    orders: rows.map((r) => {
      const entry = kinds.of(r.kind).view(r, refunds.get(r.id), lines.get(r.id) ?? []);
      const note = family.get(r.id);
      return note ? { ...entry, family: note } : entry;
    }),
  };
}

/** The resident's orders of every payable kind: 我的订单 and every receipt. */
export const paymentsFlow = defineFlow({
  contract: paymentsContract,
  purpose: "the resident's orders of every kind (我的订单) and their receipts",
  everyPayable: true,
  actions: {
    orders: { run: listOrders },
    order: { run: showOrder },
  },
  // order: the database, and for a settled top-up one read of the grid's booking (its balances).
  budget: (t) => departmentCallMs(t) + DATABASE_ALLOWANCE_MS,
});
