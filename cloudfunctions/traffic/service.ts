import { trafficInput } from '@bianmin/core/flows/traffic/contract';
import { listOrderRows, ownOrder, refundsOf } from '@bianmin/server/payments/orders';
import { defineFunction } from '@bianmin/server/runtime/define';
import type { ResidentContext } from '@bianmin/server/runtime/types';
import { readLicence } from '@bianmin/server/traffic/read-licence';
import { confirmViolation, payFine, trafficOrderView } from '@bianmin/server/traffic/pay';
import { addVehicle, listVehicles, ownVehicle, removeVehicle, revealVehicle, showUploadFolder } from '@bianmin/server/traffic/vehicles';
import { listViolations, showViolation } from '@bianmin/server/traffic/violations';

async function showFineOrder(ctx: ResidentContext, { orderId }: { orderId: string }) {
  const db = await ctx.deps.db();
  const row = await ownOrder(db, ctx.caller.openid, orderId, 'traffic_fine');
  return { order: trafficOrderView(row, (await refundsOf(db, [row.id])).get(row.id)) };
}

async function listFineOrders(ctx: ResidentContext, { show }: { show: 'paid' | 'all' }) {
  const db = await ctx.deps.db();
  const rows = await listOrderRows(db, ctx.caller.openid, 'traffic_fine', show);
  const refunds = await refundsOf(db, rows.map((r) => r.id));
  return { orders: rows.map((r) => trafficOrderView(r, refunds.get(r.id))) };
}

/** Vehicles, their violations, online confirmation and paying a fine exactly once. */
export const trafficFunction = defineFunction('traffic', trafficInput, {
  // The guard needs the vehicle to exist for this caller before it says anything about hours.
  subjects: { vehicle: { from: 'vehicleId', load: ownVehicle } },
  actions: {
    addVehicle: { service: 'traffic.query', run: addVehicle },
    vehicles: { run: listVehicles },
    removeVehicle: { subject: 'vehicle', run: removeVehicle },
    revealVehicle: { subject: 'vehicle', run: revealVehicle },
    uploadFolder: { run: showUploadFolder },
    readLicence: { run: readLicence },
    violations: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: listViolations },
    violation: { subject: 'vehicle', service: 'traffic.query', servesStale: true, run: showViolation },
    confirm: { subject: 'vehicle', service: 'traffic.query', run: confirmViolation },
    pay: { subject: 'vehicle', service: 'traffic.pay', run: payFine },
    order: { run: showFineOrder },
    orders: { run: listFineOrders },
  },
});
