import { uploadCloudPath } from '@bianmin/core/files';
import { listOrderRows, ownOrder, refundsOf } from '@bianmin/server/payments/orders';
import { trafficInput } from '@bianmin/core/schemas/traffic';
import { defineFunction } from '@bianmin/server/runtime/define';
import { readLicence } from '@bianmin/server/traffic/read-licence';
import { confirmViolation, payFine, trafficOrderView } from '@bianmin/server/traffic/pay';
import { addVehicle, listVehicles, removeVehicle, revealVehicle } from '@bianmin/server/traffic/vehicles';
import { callerVehicle, violationFor, violationsFor } from '@bianmin/server/traffic/violations';
import type { CallContext } from '@bianmin/server/runtime/types';

/** The guard needs the vehicle to exist for this caller before it says anything about hours. */
const guarded = (service: 'traffic.query' | 'traffic.pay') => async (input: { vehicleId: string }, ctx: CallContext) => {
  await callerVehicle(ctx, input.vehicleId);
  return service;
};

/** Vehicles, their violations, online confirmation and paying a fine exactly once. */
export const trafficFunction = defineFunction('traffic', trafficInput, {
  addVehicle: {
    service: () => 'traffic.query',
    run: async (input, ctx) => ({ vehicle: await addVehicle(ctx, input) }),
  },
  vehicles: {
    run: async (_input, ctx) => ({ vehicles: await listVehicles(await ctx.deps.db(), ctx.caller!.openid) }),
  },
  removeVehicle: {
    run: async ({ vehicleId }, ctx) => {
      await removeVehicle(ctx, vehicleId);
      return { removed: true as const };
    },
  },
  revealVehicle: {
    run: ({ vehicleId }, ctx) => revealVehicle(ctx, vehicleId),
  },
  uploadFolder: {
    // Only the caller's own folder: the storage port reads a file only from its owner's folder.
    run: async (_input, ctx) => ({ folder: uploadCloudPath(ctx.caller!.openid, '') }),
  },
  readLicence: {
    run: (input, ctx) => readLicence(ctx, input),
  },
  violations: {
    service: guarded('traffic.query'),
    servesStale: true,
    run: ({ vehicleId }, ctx) => violationsFor(ctx, vehicleId),
  },
  violation: {
    service: guarded('traffic.query'),
    servesStale: true,
    run: (input, ctx) => violationFor(ctx, input),
  },
  confirm: {
    service: guarded('traffic.query'),
    run: (input, ctx) => confirmViolation(ctx, input),
  },
  pay: {
    service: guarded('traffic.pay'),
    run: (input, ctx) => payFine(ctx, input),
  },
  order: {
    run: async ({ orderId }, ctx) => {
      const db = await ctx.deps.db();
      const row = await ownOrder(db, ctx.caller!.openid, orderId, 'traffic_fine');
      return { order: trafficOrderView(row, (await refundsOf(db, [row.id])).get(row.id)) };
    },
  },
  orders: {
    run: async ({ show }, ctx) => {
      const db = await ctx.deps.db();
      const rows = await listOrderRows(db, ctx.caller!.openid, 'traffic_fine', show);
      const refunds = await refundsOf(db, rows.map((r) => r.id));
      return { orders: rows.map((r) => trafficOrderView(r, refunds.get(r.id))) };
    },
  },
});
